package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.sql.PreparedSql;
import com.bpo.portal.shared.sql.TenantSql;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An invoice CSV: an invoice's rows (which must be consecutive) are checked as a whole and queued
 * as soon as the next invoice starts. The file syncs by the client's invoice numbers ({@link
 * InvoiceSync}): a new number is created, an invoice the same as the file's is left unchanged (so
 * importing the same file twice changes nothing), and one that changed is updated (its dates, its
 * amounts, its lines replaced) unless the BPO has worked on it, which refuses the change. An update
 * of the amounts goes through the invoice's own triggers, which post the difference to the
 * receivables journal.
 */
final class InvoiceCsvImport extends GroupedCsvImport<InvoiceRow> {
  private final Customers customers;
  private final Ids ids = new Ids("invoice_id_seq");
  private int pending;
  private final PreparedSql findInvoice;
  private final PreparedSql lockInvoice;
  private final PreparedSql insertInvoice;
  private final PreparedSql updateInvoice;
  private final PreparedSql deleteLines;
  private final PreparedSql insertLine;

  InvoiceCsvImport(TenantSql sql) {
    super(sql);
    customers = new Customers(this);
    String find =
        "select i.id, i.customer_account_id, i.issue_date, i.due_date, i.currency, i.total_amount, "
            + InvoiceSync.STORED_LINES
            + " as lines, i.paid_amount, i.credited_amount, i.written_off_amount, i.disputed, "
            + "i.disputed_amount from invoice i where i.tenant_id = :tenant and i.number = :number";
    findInvoice = prepare(find);
    // an invoice about to change is read again locked, so nothing pays or disputes it in between
    lockInvoice = prepare(find + " for update of i");
    updateInvoice =
        prepare(
            "update invoice set issue_date = :issueDate, due_date = :dueDate, net_amount = :net, "
                + "tax_amount = :tax, total_amount = :total, version = version + 1 "
                + "where tenant_id = :tenant and id = :id");
    deleteLines =
        prepare("delete from invoice_line where tenant_id = :tenant and invoice_id = :id");
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
  InvoiceRow parse(Map<String, String> values, long row, List<FieldError> errors) {
    return InvoiceRow.parse(values, row, errors);
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
    InvoiceSync.Incoming file =
        new InvoiceSync.Incoming(
            first.invoiceNumber(),
            customer.id(),
            first.issueDate(),
            first.dueDate(),
            first.currency(),
            net.add(tax),
            InvoiceSync.lines(lines));
    Sync sync = InvoiceSync.decide(file, stored(findInvoice, first.invoiceNumber()));
    if (sync.action() == Sync.Action.UPDATE) {
      InvoiceSync.Stored locked = stored(lockInvoice, first.invoiceNumber());
      sync = InvoiceSync.decide(file, locked);
      if (sync.action() == Sync.Action.UPDATE) {
        if (errorCount == 0) {
          queueUpdate(locked.id(), first, net, tax, lines, sync.changed());
        }
        updated++;
        return;
      }
    }
    switch (sync.action()) {
      case CREATE -> {
        if (errorCount == 0) {
          queue(first, customer, net, tax, lines);
        }
        created++;
      }
      case UNCHANGED -> unchanged++;
      case REFUSE -> error(first.row(), sync.field(), sync.reason());
      case UPDATE -> throw new IllegalStateException("handled above");
    }
  }

  private static InvoiceSync.Stored stored(PreparedSql find, String number) {
    return find.bind("number", number)
        .optional(
            r ->
                new InvoiceSync.Stored(
                    r.longValue("id"),
                    r.longValue("customer_account_id"),
                    r.date("issue_date"),
                    r.date("due_date"),
                    r.string("currency").trim(),
                    r.decimal("total_amount"),
                    r.string("lines"),
                    r.decimal("paid_amount"),
                    r.decimal("credited_amount"),
                    r.decimal("written_off_amount"),
                    r.bool("disputed"),
                    r.decimal("disputed_amount")))
        .orElse(null);
  }

  /** The invoice's dates and amounts; its lines replaced only if they changed. */
  private void queueUpdate(
      long id,
      InvoiceRow first,
      BigDecimal net,
      BigDecimal tax,
      List<InvoiceRow> lines,
      List<String> changed) {
    updateInvoice
        .bind("id", id)
        .bind("issueDate", first.issueDate())
        .bind("dueDate", first.dueDate())
        .bind("net", net)
        .bind("tax", tax)
        .bind("total", net.add(tax))
        .addBatch();
    if (changed.contains("lines") || changed.contains("invoice_total")) {
      deleteLines.bind("id", id).addBatch();
      queueLines(id, lines);
    }
    if (++pending >= BATCH) {
      executeBatches();
    }
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
    queueLines(id, lines);
    if (++pending >= BATCH) {
      executeBatches();
    }
  }

  private void queueLines(long id, List<InvoiceRow> lines) {
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
  }

  /**
   * Invoices before their lines (the lines' foreign key needs them), and the replaced lines deleted
   * before the new ones go in.
   */
  @Override
  void executeBatches() {
    if (pending == 0) {
      return;
    }
    insertInvoice.executeBatch();
    updateInvoice.executeBatch();
    deleteLines.executeBatch();
    insertLine.executeBatch();
    pending = 0;
  }
}
