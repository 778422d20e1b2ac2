package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.sql.PreparedSql;
import com.bpo.portal.shared.sql.TenantSql;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cash application CSV: one row per invoice a payment is applied to, a payment's rows together.
 * Each payment is checked as a whole when the next one starts: its rows agree, they apply no more
 * than its amount, and each invoice is the customer's, in the payment's currency and still open for
 * the amount applied, counting what earlier rows of the file applied to it. A new payment is
 * written with its allocations and raises each invoice's paid amount (and version) in the same
 * batches. A payment whose reference is already there with the same allocations is left unchanged,
 * which makes importing the same file twice change nothing; with anything different it is refused:
 * applied cash is the BPO's work on the invoices it pays, which an import never rewrites.
 *
 * <p>The invoices a file names are locked ({@code for update}) when first read and remembered with
 * what is left open of them, so that nothing else pays them in between; that memory grows with the
 * number of distinct invoices of the file, not with its rows.
 */
final class PaymentCsvImport extends GroupedCsvImport<PaymentRow> {
  /** An invoice named in the file, with what is still open after the payments of earlier rows. */
  private record Invoice(
      long id, long customerId, String currency, BigDecimal open, boolean appliedInFile) {
    Invoice apply(BigDecimal amount) {
      return new Invoice(id, customerId, currency, open.subtract(amount), true);
    }
  }

  private enum Existing {
    NONE,
    SAME,
    DIFFERENT
  }

  private final Customers customers;
  private final Map<String, Invoice> invoices = new HashMap<>();
  private final Ids ids = new Ids("payment_id_seq");
  private int pending;
  private final PreparedSql findInvoice;
  private final PreparedSql findPayment;
  private final PreparedSql findAllocations;
  private final PreparedSql insertPayment;
  private final PreparedSql insertAllocation;
  private final PreparedSql payInvoice;

  PaymentCsvImport(TenantSql sql) {
    super(sql);
    customers = new Customers(this);
    findInvoice =
        prepare(
            "select id, customer_account_id, currency, open_amount from invoice "
                + "where tenant_id = :tenant and number = :number for update");
    findPayment =
        prepare(
            "select id, customer_account_id, received_on, currency, amount from payment "
                + "where tenant_id = :tenant and reference = :reference");
    findAllocations =
        prepare(
            "select i.number, a.amount from payment_allocation a "
                + "join invoice i on i.tenant_id = a.tenant_id and i.id = a.invoice_id "
                + "where a.tenant_id = :tenant and a.payment_id = :payment");
    insertPayment =
        prepare(
            "insert into payment (tenant_id, id, reference, customer_account_id, received_on, "
                + "currency, amount) values (:tenant, :id, :reference, :customer, :receivedOn, :currency, :amount)");
    insertAllocation =
        prepare(
            "insert into payment_allocation (tenant_id, payment_id, invoice_id, amount) "
                + "values (:tenant, :payment, :invoice, :amount)");
    payInvoice =
        prepare(
            "update invoice set paid_amount = paid_amount + :amount, version = version + 1 "
                + "where tenant_id = :tenant and id = :invoice");
  }

  @Override
  ImportKind kind() {
    return ImportKind.PAYMENTS;
  }

  @Override
  List<String> columns() {
    return PaymentRow.COLUMNS;
  }

  @Override
  String keyColumn() {
    return "payment_reference";
  }

  @Override
  String documentWord() {
    return "payment";
  }

  @Override
  String keyWord() {
    return "reference";
  }

  @Override
  PaymentRow parse(Map<String, String> values, long row, List<FieldError> errors) {
    return PaymentRow.parse(values, row, errors);
  }

  /** Checks the finished payment as a whole and queues it for writing. */
  @Override
  void complete(List<PaymentRow> allocations) throws SQLException {
    long errorsBefore = errorCount;
    PaymentRow first = allocations.get(0);
    Set<String> invoiceNumbers = new HashSet<>();
    BigDecimal applied = BigDecimal.ZERO;
    for (PaymentRow allocation : allocations) {
      if (!allocation.header().equals(first.header())) {
        error(
            allocation.row(),
            "payment_reference",
            "customer, received_on, currency or amount differ from the payment's first row "
                + first.row());
      } else if (!invoiceNumbers.add(allocation.invoiceNumber())) {
        error(
            allocation.row(),
            "invoice_number",
            "invoice '" + allocation.invoiceNumber() + "' appears twice in this payment");
      } else if (applied.compareTo(first.amount()) <= 0
          && applied.add(allocation.appliedAmount()).compareTo(first.amount()) > 0) {
        error(
            allocation.row(),
            "applied_amount",
            "brings the amount applied by payment '"
                + first.reference()
                + "' to "
                + applied.add(allocation.appliedAmount())
                + ", more than its amount "
                + first.amount());
      }
      applied = applied.add(allocation.appliedAmount());
    }
    if (errorCount > errorsBefore) {
      return;
    }
    Customers.Customer customer = customers.find(first.customerNumber());
    if (customer == null) {
      error(
          first.row(),
          "customer_number",
          "no customer account '" + first.customerNumber() + "' in this tenant");
      return;
    }
    switch (existing(first, customer, allocations)) {
      case SAME -> unchanged++;
      case DIFFERENT ->
          error(
              first.row(),
              "payment_reference",
              "payment '"
                  + first.reference()
                  + "' already exists with a different customer, date, currency, amount or allocations; "
                  + "an import never changes a payment");
      case NONE -> {
        Optional<List<Invoice>> paid = checkInvoices(first, customer, allocations);
        if (paid.isPresent()) {
          if (errorCount == 0) {
            queue(first, customer, allocations, paid.get());
          }
          created++;
        }
      }
    }
  }

  /**
   * The invoices the allocations pay, or none after reporting every allocation they cannot take.
   */
  private Optional<List<Invoice>> checkInvoices(
      PaymentRow first, Customers.Customer customer, List<PaymentRow> allocations)
      throws SQLException {
    List<Invoice> paid = new ArrayList<>();
    boolean refused = false;
    for (PaymentRow allocation : allocations) {
      Invoice invoice = invoice(allocation.invoiceNumber());
      if (invoice == null) {
        error(
            allocation.row(),
            "invoice_number",
            "no invoice '" + allocation.invoiceNumber() + "' in this tenant");
      } else if (invoice.customerId() != customer.id()) {
        error(
            allocation.row(),
            "invoice_number",
            "invoice '"
                + allocation.invoiceNumber()
                + "' is not billed to customer "
                + first.customerNumber());
      } else if (!invoice.currency().equals(first.currency())) {
        error(
            allocation.row(),
            "currency",
            "invoice '" + allocation.invoiceNumber() + "' is in " + invoice.currency());
      } else if (allocation.appliedAmount().compareTo(invoice.open()) > 0) {
        String after = invoice.appliedInFile() ? " after the earlier rows of this file" : "";
        error(
            allocation.row(),
            "applied_amount",
            "is more than the "
                + invoice.open()
                + " still open on invoice '"
                + allocation.invoiceNumber()
                + "'"
                + after);
      } else {
        paid.add(invoice);
        continue;
      }
      refused = true;
    }
    if (refused) {
      return Optional.empty();
    }
    // only a payment that is taken whole lowers what later rows may apply
    for (int i = 0; i < paid.size(); i++) {
      Invoice after = paid.get(i).apply(allocations.get(i).appliedAmount());
      invoices.put(allocations.get(i).invoiceNumber(), after);
    }
    return Optional.of(paid);
  }

  /**
   * Read (and locked) once per invoice number of the file; an unknown number is remembered as null.
   */
  private Invoice invoice(String number) {
    if (invoices.containsKey(number)) {
      return invoices.get(number);
    }
    Invoice found =
        findInvoice
            .bind("number", number)
            .optional(
                r ->
                    new Invoice(
                        r.longValue("id"),
                        r.longValue("customer_account_id"),
                        r.string("currency").trim(),
                        r.decimal("open_amount"),
                        false))
            .orElse(null);
    invoices.put(number, found);
    return found;
  }

  private Existing existing(
      PaymentRow first, Customers.Customer customer, List<PaymentRow> allocations) {
    // the stored payment's id if it matches the file's header, -1 if it differs
    Optional<Long> found =
        findPayment
            .bind("reference", first.reference())
            .optional(
                r ->
                    r.longValue("customer_account_id") == customer.id()
                            && r.date("received_on").equals(first.receivedOn())
                            && r.string("currency").trim().equals(first.currency())
                            && r.decimal("amount").compareTo(first.amount()) == 0
                        ? r.longValue("id")
                        : -1L);
    if (found.isEmpty()) {
      return Existing.NONE;
    }
    if (found.get() < 0) {
      return Existing.DIFFERENT;
    }
    Map<String, BigDecimal> stored =
        findAllocations
            .bind("payment", found.get())
            .list(r -> Map.entry(r.string("number"), r.decimal("amount").setScale(2)))
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    Map<String, BigDecimal> file =
        allocations.stream()
            .collect(Collectors.toMap(PaymentRow::invoiceNumber, PaymentRow::appliedAmount));
    return stored.equals(file) ? Existing.SAME : Existing.DIFFERENT;
  }

  private void queue(
      PaymentRow first,
      Customers.Customer customer,
      List<PaymentRow> allocations,
      List<Invoice> paid) {
    long id = ids.next();
    insertPayment
        .bind("id", id)
        .bind("reference", first.reference())
        .bind("customer", customer.id())
        .bind("receivedOn", first.receivedOn())
        .bind("currency", first.currency())
        .bind("amount", first.amount())
        .addBatch();
    for (int i = 0; i < allocations.size(); i++) {
      BigDecimal amount = allocations.get(i).appliedAmount();
      long invoiceId = paid.get(i).id();
      insertAllocation
          .bind("payment", id)
          .bind("invoice", invoiceId)
          .bind("amount", amount)
          .addBatch();
      payInvoice.bind("invoice", invoiceId).bind("amount", amount).addBatch();
    }
    if (++pending >= BATCH) {
      executeBatches();
    }
  }

  /** Payments before their allocations: the allocations' foreign key needs them. */
  @Override
  void executeBatches() {
    if (pending == 0) {
      return;
    }
    insertPayment.executeBatch();
    insertAllocation.executeBatch();
    payInvoice.executeBatch();
    pending = 0;
  }
}
