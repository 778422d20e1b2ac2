package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.sql.PreparedSql;
import com.bpo.portal.shared.sql.TenantSql;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * An invoice CSV: an invoice's rows (which must be consecutive) are checked as a whole and queued
 * as soon as the next invoice starts. An invoice already present with the same header is left
 * unchanged, which makes importing the same file twice change nothing.
 */
final class InvoiceCsvImport extends GroupedCsvImport<InvoiceRow> {
  private final Customers customers;
  private final Ids ids = new Ids("invoice_id_seq");
  private int pending;
  private final PreparedSql findInvoice;
  private final PreparedSql insertInvoice;
  private final PreparedSql insertLine;

  InvoiceCsvImport(TenantSql sql) {
    super(sql);
    customers = new Customers(this);
    findInvoice =
        prepare(
            "select customer_account_id, issue_date, due_date, currency, total_amount "
                + "from invoice where tenant_id = :tenant and number = :number");
    insertInvoice =
        prepare(
            "insert into invoice (tenant_id, id, number, customer_account_id, issue_date, "
                + "due_date, currency, net_amount, tax_amount, total_amount) "
                + "values (:tenant, :id, :number, :customer, :issueDate, :dueDate, :currency, :net, :tax, :total)");
    insertLine =
        prepare(
            "insert into invoice_line (tenant_id, invoice_id, line_no, description, "
                + "quantity, unit_price, tax_rate, net_amount, tax_amount) "
                + "values (:tenant, :invoice, :lineNo, :description, :quantity, :unitPrice, :taxRate, :net, :tax)");
  }

  @Override
  ImportKind kind() {
    return ImportKind.INVOICES;
  }

  @Override
  List<String> columns() {
    return InvoiceRow.COLUMNS;
  }

  @Override
  String keyColumn() {
    return "invoice_number";
  }

  @Override
  String documentWord() {
    return "invoice";
  }

  @Override
  String keyWord() {
    return "number";
  }

  @Override
  InvoiceRow parse(CSVRecord record, long row, List<FieldError> errors) {
    return InvoiceRow.parse(record, row, errors);
  }

  /** Checks the finished invoice as a whole and queues it for writing. */
  @Override
  void complete(List<InvoiceRow> lines) throws SQLException {
    InvoiceRow first = lines.get(0);
    Set<Integer> lineNumbers = new HashSet<>();
    for (InvoiceRow line : lines) {
      if (!line.header().equals(first.header())) {
        error(
            line.row(),
            "invoice_number",
            "customer, dates, currency or invoice_total differ from the invoice's first row "
                + first.row());
        return;
      }
      if (!lineNumbers.add(line.lineNo())) {
        error(line.row(), "line_no", "line " + line.lineNo() + " appears twice in this invoice");
        return;
      }
    }
    BigDecimal net = lines.stream().map(InvoiceRow::net).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal tax = lines.stream().map(InvoiceRow::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (net.add(tax).compareTo(first.invoiceTotal()) != 0) {
      error(
          first.row(),
          "invoice_total",
          "is "
              + first.invoiceTotal()
              + " but the lines add up to "
              + net.add(tax)
              + " (net "
              + net
              + " + tax "
              + tax
              + ")");
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
    if (!customer.currency().equals(first.currency())) {
      error(
          first.row(),
          "currency",
          "customer " + first.customerNumber() + " is billed in " + customer.currency());
      return;
    }
    switch (existing(first, customer, net.add(tax))) {
      case SAME -> unchanged++;
      case DIFFERENT ->
          error(
              first.row(),
              "invoice_number",
              "invoice '"
                  + first.invoiceNumber()
                  + "' already exists with a different customer, dates, currency or total");
      case NONE -> {
        if (errorCount == 0) {
          queue(first, customer, net, tax, lines);
        }
        created++;
      }
    }
  }

  private enum Existing {
    NONE,
    SAME,
    DIFFERENT
  }

  private Existing existing(InvoiceRow first, Customers.Customer customer, BigDecimal total) {
    return findInvoice
        .bind("number", first.invoiceNumber())
        .optional(
            r ->
                r.longValue("customer_account_id") == customer.id()
                    && r.date("issue_date").equals(first.issueDate())
                    && r.date("due_date").equals(first.dueDate())
                    && r.string("currency").trim().equals(first.currency())
                    && r.decimal("total_amount").compareTo(total) == 0)
        .map(same -> same ? Existing.SAME : Existing.DIFFERENT)
        .orElse(Existing.NONE);
  }

  private void queue(
      InvoiceRow first,
      Customers.Customer customer,
      BigDecimal net,
      BigDecimal tax,
      List<InvoiceRow> lines) {
    long id = ids.next();
    insertInvoice
        .bind("id", id)
        .bind("number", first.invoiceNumber())
        .bind("customer", customer.id())
        .bind("issueDate", first.issueDate())
        .bind("dueDate", first.dueDate())
        .bind("currency", first.currency())
        .bind("net", net)
        .bind("tax", tax)
        .bind("total", net.add(tax))
        .addBatch();
    for (InvoiceRow line : lines) {
      insertLine
          .bind("invoice", id)
          .bind("lineNo", line.lineNo())
          .bind("description", line.description())
          .bind("quantity", line.quantity())
          .bind("unitPrice", line.unitPrice())
          .bind("taxRate", line.taxRate())
          .bind("net", line.net())
          .bind("tax", line.tax())
          .addBatch();
    }
    if (++pending >= BATCH) {
      executeBatches();
    }
  }

  /** Invoices before their lines: the lines' foreign key needs them. */
  @Override
  void executeBatches() {
    if (pending == 0) {
      return;
    }
    insertInvoice.executeBatch();
    insertLine.executeBatch();
    pending = 0;
  }
}
