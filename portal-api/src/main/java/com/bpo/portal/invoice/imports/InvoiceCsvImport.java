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
import java.util.Set;

/**
 * An invoice CSV: an invoice's rows (which must be consecutive) are checked as a whole as soon as
 * the next invoice starts. The file syncs by the client's invoice numbers ({@link InvoiceSync}): a
 * new number is created, an invoice the same as the file's is left unchanged (so importing the same
 * file twice changes nothing), and one that changed is updated (its dates, its amounts, its lines
 * replaced) unless the BPO has worked on it, which refuses the change.
 *
 * <p>Invoices are compared with the stored ones {@link #DECIDE_EVERY} at a time, with one look-up
 * for all their numbers (and one more, locking, for those about to change), and written through
 * {@link InvoiceWrites} ten thousand at a time. An update of the amounts goes through the invoice's
 * own triggers, which post the difference to the receivables journal.
 */
final class InvoiceCsvImport extends GroupedCsvImport<InvoiceRow> {
  /** Invoices checked on their own that wait for one look-up of their numbers. */
  static final int DECIDE_EVERY = 1_000;

  /** An invoice whose rows agree and add up, for an account of its currency. */
  private record Checked(
      InvoiceRow first,
      BigDecimal net,
      BigDecimal tax,
      List<InvoiceRow> lines,
      InvoiceSync.Incoming file) {}

  private static final String FIND =
      "select i.id, i.number, i.customer_account_id, i.issue_date, i.due_date, i.currency, "
          + "i.total_amount, "
          + InvoiceSync.STORED_LINES
          + " as lines, i.paid_amount, i.credited_amount, i.written_off_amount, i.disputed, "
          + "i.disputed_amount from invoice i where i.tenant_id = :tenant and i.number = any(:numbers)";

  private final Customers customers;
  private final Ids ids = new Ids("invoice_id_seq");
  private final InvoiceWrites writes;
  private final PreparedSql find;
  private final PreparedSql lock;
  private final List<Checked> waiting = new ArrayList<>();

  InvoiceCsvImport(TenantSql sql) {
    super(sql);
    customers = new Customers(this);
    writes = new InvoiceWrites(sql);
    find = prepare(FIND);
    // invoices about to change are read again locked, so nothing pays or disputes them in between
    lock = prepare(FIND + " order by i.id for update of i");
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

  /** Checks the finished invoice on its own; it then waits to be compared with the stored one. */
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
    waiting.add(
        new Checked(
            first,
            net,
            tax,
            lines,
            new InvoiceSync.Incoming(
                first.invoiceNumber(),
                customer.id(),
                first.issueDate(),
                first.dueDate(),
                first.currency(),
                net.add(tax),
                InvoiceSync.lines(lines))));
  }

  @Override
  void afterDocument() {
    if (waiting.size() >= DECIDE_EVERY) {
      decideWaiting();
    }
  }

  @Override
  void afterLastDocument() {
    decideWaiting();
  }

  /**
   * Compares the waiting invoices with the stored ones under their numbers, and stages what changes
   * while the file has no error.
   */
  private void decideWaiting() {
    if (waiting.isEmpty()) {
      return;
    }
    Map<String, InvoiceSync.Stored> stored =
        stored(find, waiting.stream().map(c -> c.file().number()).toList());
    List<Sync> decided =
        waiting.stream()
            .map(c -> InvoiceSync.decide(c.file(), stored.get(c.file().number())))
            .toList();
    // those about to change are read again locked and decided again on what the lock read (gone
    // meanwhile: created again)
    List<String> changing = new ArrayList<>();
    for (int i = 0; i < waiting.size(); i++) {
      if (decided.get(i).action() == Sync.Action.UPDATE) {
        changing.add(waiting.get(i).file().number());
      }
    }
    Map<String, InvoiceSync.Stored> locked = changing.isEmpty() ? Map.of() : stored(lock, changing);
    for (int i = 0; i < waiting.size(); i++) {
      Checked invoice = waiting.get(i);
      String number = invoice.file().number();
      boolean changes = decided.get(i).action() == Sync.Action.UPDATE;
      InvoiceSync.Stored before = changes ? locked.get(number) : stored.get(number);
      Sync sync = changes ? InvoiceSync.decide(invoice.file(), before) : decided.get(i);
      switch (sync.action()) {
        case CREATE -> {
          if (errorCount == 0) {
            InvoiceRow first = invoice.first();
            writes.create(
                ids.next(),
                number,
                invoice.file().customerId(),
                first.issueDate(),
                first.dueDate(),
                first.currency(),
                invoice.net(),
                invoice.tax(),
                invoice.lines());
          }
          created++;
        }
        case UPDATE -> {
          if (errorCount == 0) {
            writes.update(
                before.id(),
                invoice.first().issueDate(),
                invoice.first().dueDate(),
                invoice.net(),
                invoice.tax(),
                sync.changed().contains("lines") || sync.changed().contains("invoice_total"),
                invoice.lines());
          }
          updated++;
        }
        case UNCHANGED -> unchanged++;
        case REFUSE -> {
          error(invoice.first().row(), sync.field(), sync.reason());
          refused++;
        }
      }
    }
    waiting.clear();
    if (errorCount == 0 && writes.full()) {
      writes.write();
    }
  }

  private static Map<String, InvoiceSync.Stored> stored(PreparedSql find, List<String> numbers) {
    Map<String, InvoiceSync.Stored> byNumber = new HashMap<>();
    find.bind("numbers", numbers)
        .list(
            r ->
                byNumber.put(
                    r.string("number"),
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
                        r.decimal("disputed_amount"))));
    return byNumber;
  }

  /** What is still staged, once the whole file is known to be good. */
  @Override
  void executeBatches() {
    writes.write();
  }
}
