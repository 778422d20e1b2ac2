package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;

/**
 * A cash application CSV: one row per invoice a payment is applied to, a payment's rows together.
 * Each payment is checked as a whole when the next one starts: its rows agree, they apply no more
 * than its amount, and each invoice is the customer's, in the payment's currency and still open for
 * the amount applied, counting what earlier rows of the file applied to it. A new payment is written
 * with its allocations and raises each invoice's paid amount (and version) in the same batches. A
 * payment whose reference is already there with the same allocations is left unchanged, which makes
 * importing the same file twice change nothing; with anything different it is an error.
 *
 * <p>The invoices a file names are locked ({@code for update}) when first read and remembered with
 * what is left open of them, so that nothing else pays them in between; that memory grows with the
 * number of distinct invoices of the file, not with its rows.
 */
final class PaymentCsvImport extends GroupedCsvImport<PaymentRow> {
  /** An invoice named in the file, with what is still open after the payments of earlier rows. */
  private record Invoice(long id, long customerId, String currency, BigDecimal open, boolean appliedInFile) {
    Invoice apply(BigDecimal amount) {
      return new Invoice(id, customerId, currency, open.subtract(amount), true);
    }
  }

  private enum Existing { NONE, SAME, DIFFERENT }

  private final Customers customers;
  private final Map<String, Invoice> invoices = new HashMap<>();
  private final Ids ids = new Ids("payment_id_seq");
  private int pending;
  private final PreparedStatement findInvoice;
  private final PreparedStatement findPayment;
  private final PreparedStatement findAllocations;
  private final PreparedStatement insertPayment;
  private final PreparedStatement insertAllocation;
  private final PreparedStatement payInvoice;

  PaymentCsvImport(Connection db, String tenant) throws SQLException {
    super(db, tenant);
    customers = new Customers(this);
    findInvoice = prepare("select id, customer_account_id, currency, open_amount from invoice "
        + "where tenant_id = ? and number = ? for update");
    findPayment = prepare("select id, customer_account_id, received_on, currency, amount from payment "
        + "where tenant_id = ? and reference = ?");
    findAllocations = prepare("select i.number, a.amount from payment_allocation a "
        + "join invoice i on i.tenant_id = a.tenant_id and i.id = a.invoice_id "
        + "where a.tenant_id = ? and a.payment_id = ?");
    insertPayment = prepare("insert into payment (tenant_id, id, reference, customer_account_id, received_on, "
        + "currency, amount) values (?, ?, ?, ?, ?, ?, ?)");
    insertAllocation = prepare("insert into payment_allocation (tenant_id, payment_id, invoice_id, amount) "
        + "values (?, ?, ?, ?)");
    payInvoice = prepare("update invoice set paid_amount = paid_amount + ?, version = version + 1 "
        + "where tenant_id = ? and id = ?");
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
  PaymentRow parse(CSVRecord record, long row, List<FieldError> errors) {
    return PaymentRow.parse(record, row, errors);
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
        error(allocation.row(), "payment_reference",
            "customer, received_on, currency or amount differ from the payment's first row " + first.row());
      } else if (!invoiceNumbers.add(allocation.invoiceNumber())) {
        error(allocation.row(), "invoice_number",
            "invoice '" + allocation.invoiceNumber() + "' appears twice in this payment");
      } else if (applied.compareTo(first.amount()) <= 0
          && applied.add(allocation.appliedAmount()).compareTo(first.amount()) > 0) {
        error(allocation.row(), "applied_amount", "brings the amount applied by payment '" + first.reference()
            + "' to " + applied.add(allocation.appliedAmount()) + ", more than its amount " + first.amount());
      }
      applied = applied.add(allocation.appliedAmount());
    }
    if (errorCount > errorsBefore) {
      return;
    }
    Customers.Customer customer = customers.find(first.customerNumber());
    if (customer == null) {
      error(first.row(), "customer_number", "no customer account '" + first.customerNumber() + "' in this tenant");
      return;
    }
    switch (existing(first, customer, allocations)) {
      case SAME -> unchanged++;
      case DIFFERENT -> error(first.row(), "payment_reference", "payment '" + first.reference()
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

  /** The invoices the allocations pay, or none after reporting every allocation they cannot take. */
  private Optional<List<Invoice>> checkInvoices(PaymentRow first, Customers.Customer customer,
                                                List<PaymentRow> allocations) throws SQLException {
    List<Invoice> paid = new ArrayList<>();
    boolean refused = false;
    for (PaymentRow allocation : allocations) {
      Invoice invoice = invoice(allocation.invoiceNumber());
      if (invoice == null) {
        error(allocation.row(), "invoice_number", "no invoice '" + allocation.invoiceNumber() + "' in this tenant");
      } else if (invoice.customerId() != customer.id()) {
        error(allocation.row(), "invoice_number", "invoice '" + allocation.invoiceNumber()
            + "' is not billed to customer " + first.customerNumber());
      } else if (!invoice.currency().equals(first.currency())) {
        error(allocation.row(), "currency", "invoice '" + allocation.invoiceNumber() + "' is in "
            + invoice.currency());
      } else if (allocation.appliedAmount().compareTo(invoice.open()) > 0) {
        String after = invoice.appliedInFile() ? " after the earlier rows of this file" : "";
        error(allocation.row(), "applied_amount", "is more than the " + invoice.open() + " still open on invoice '"
            + allocation.invoiceNumber() + "'" + after);
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

  /** Read (and locked) once per invoice number of the file; an unknown number is remembered as null. */
  private Invoice invoice(String number) throws SQLException {
    if (invoices.containsKey(number)) {
      return invoices.get(number);
    }
    Invoice found = null;
    findInvoice.setString(1, tenant);
    findInvoice.setString(2, number);
    try (ResultSet rs = findInvoice.executeQuery()) {
      if (rs.next()) {
        found = new Invoice(rs.getLong(1), rs.getLong(2), rs.getString(3).trim(), rs.getBigDecimal(4), false);
      }
    }
    invoices.put(number, found);
    return found;
  }

  private Existing existing(PaymentRow first, Customers.Customer customer, List<PaymentRow> allocations)
      throws SQLException {
    findPayment.setString(1, tenant);
    findPayment.setString(2, first.reference());
    long paymentId;
    try (ResultSet rs = findPayment.executeQuery()) {
      if (!rs.next()) {
        return Existing.NONE;
      }
      boolean same = rs.getLong(2) == customer.id()
          && rs.getObject(3, LocalDate.class).equals(first.receivedOn())
          && rs.getString(4).trim().equals(first.currency())
          && rs.getBigDecimal(5).compareTo(first.amount()) == 0;
      if (!same) {
        return Existing.DIFFERENT;
      }
      paymentId = rs.getLong(1);
    }
    Map<String, BigDecimal> stored = new HashMap<>();
    findAllocations.setString(1, tenant);
    findAllocations.setLong(2, paymentId);
    try (ResultSet rs = findAllocations.executeQuery()) {
      while (rs.next()) {
        stored.put(rs.getString(1), rs.getBigDecimal(2).setScale(2));
      }
    }
    Map<String, BigDecimal> file = allocations.stream()
        .collect(Collectors.toMap(PaymentRow::invoiceNumber, PaymentRow::appliedAmount));
    return stored.equals(file) ? Existing.SAME : Existing.DIFFERENT;
  }

  private void queue(PaymentRow first, Customers.Customer customer, List<PaymentRow> allocations, List<Invoice> paid)
      throws SQLException {
    long id = ids.next();
    insertPayment.setString(1, tenant);
    insertPayment.setLong(2, id);
    insertPayment.setString(3, first.reference());
    insertPayment.setLong(4, customer.id());
    insertPayment.setObject(5, first.receivedOn());
    insertPayment.setString(6, first.currency());
    insertPayment.setBigDecimal(7, first.amount());
    insertPayment.addBatch();
    for (int i = 0; i < allocations.size(); i++) {
      BigDecimal amount = allocations.get(i).appliedAmount();
      long invoiceId = paid.get(i).id();
      insertAllocation.setString(1, tenant);
      insertAllocation.setLong(2, id);
      insertAllocation.setLong(3, invoiceId);
      insertAllocation.setBigDecimal(4, amount);
      insertAllocation.addBatch();
      payInvoice.setBigDecimal(1, amount);
      payInvoice.setString(2, tenant);
      payInvoice.setLong(3, invoiceId);
      payInvoice.addBatch();
    }
    if (++pending >= BATCH) {
      executeBatches();
    }
  }

  /** Payments before their allocations: the allocations' foreign key needs them. */
  @Override
  void executeBatches() throws SQLException {
    if (pending == 0) {
      return;
    }
    insertPayment.executeBatch();
    insertAllocation.executeBatch();
    payInvoice.executeBatch();
    pending = 0;
  }
}
