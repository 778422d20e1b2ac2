package com.bpo.portal.invoice.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules of an invoice import against the invoice already there under the same number. The
 * client's own fields (dates, lines, hence amounts) follow the file while nobody has worked on the
 * invoice; once the BPO has (a dispute, a payment, a credit note, a write-off), a change is refused
 * with the reason, never applied over that work. The account and the currency of an invoice never
 * change by import: they decide whose ledger and which money the invoice is in.
 */
final class InvoiceSync {
  /** The invoice as the file has it, once its rows agree and add up. */
  record Incoming(
      String number,
      long customerId,
      LocalDate issueDate,
      LocalDate dueDate,
      String currency,
      BigDecimal total,
      String lines) {}

  /** The invoice already there, with what the BPO did on it. */
  record Stored(
      long id,
      long customerId,
      LocalDate issueDate,
      LocalDate dueDate,
      String currency,
      BigDecimal total,
      String lines,
      BigDecimal paid,
      BigDecimal credited,
      BigDecimal writtenOff,
      boolean disputed,
      BigDecimal disputedAmount) {}

  /** Between the fields of a line, and between lines: characters no imported value may hold. */
  static final String FIELD_SEPARATOR = "\u001f";

  static final String LINE_SEPARATOR = "\u001e";

  /**
   * The lines as one text, in line order, to compare with {@link #STORED_LINES}: quantity, unit
   * price and tax rate with the four places the table keeps.
   */
  static String lines(List<InvoiceRow> rows) {
    return rows.stream()
        .sorted(Comparator.comparingInt(InvoiceRow::lineNo))
        .map(
            r ->
                String.join(
                    FIELD_SEPARATOR,
                    Integer.toString(r.lineNo()),
                    r.description(),
                    r.quantity().setScale(4).toPlainString(),
                    r.unitPrice().setScale(4).toPlainString(),
                    r.taxRate().setScale(4).toPlainString()))
        .collect(Collectors.joining(LINE_SEPARATOR));
  }

  /** The same text computed in SQL for the invoice {@code i}. */
  static final String STORED_LINES =
      "(select string_agg(concat_ws(chr(31), l.line_no, l.description, l.quantity, l.unit_price, "
          + "l.tax_rate), chr(30) order by l.line_no) from invoice_line l "
          + "where l.tenant_id = i.tenant_id and l.invoice_id = i.id)";

  private InvoiceSync() {}

  static Sync decide(Incoming file, Stored stored) {
    if (stored == null) {
      return Sync.CREATE;
    }
    String named = "invoice '" + FieldParser.echo(file.number()) + "'";
    if (stored.customerId() != file.customerId()) {
      return Sync.refuse(
          "customer_number",
          named + " is billed to another customer account; an import never moves an invoice");
    }
    if (!stored.currency().equals(file.currency())) {
      return Sync.refuse(
          "currency",
          named + " is in " + stored.currency() + "; an import never changes its currency");
    }
    List<String> changed = new ArrayList<>();
    if (!stored.issueDate().equals(file.issueDate())) {
      changed.add("issue_date");
    }
    if (!stored.dueDate().equals(file.dueDate())) {
      changed.add("due_date");
    }
    if (stored.total().compareTo(file.total()) != 0) {
      changed.add("invoice_total");
    }
    if (!file.lines().equals(stored.lines())) {
      changed.add("lines");
    }
    if (changed.isEmpty()) {
      return Sync.UNCHANGED;
    }
    List<String> work = workDone(stored);
    if (!work.isEmpty()) {
      return Sync.refuse(
          changed.get(0).equals("lines") ? "line_no" : changed.get(0),
          named
              + " changed ("
              + String.join(", ", changed)
              + ") but the BPO has worked on it: it "
              + String.join(", ", work)
              + "; an import never overwrites that work");
    }
    return Sync.update(changed);
  }

  /** What the BPO did on an invoice, in words; empty if nothing. */
  static List<String> workDone(Stored stored) {
    List<String> work = new ArrayList<>();
    if (stored.disputed() || stored.disputedAmount().signum() > 0) {
      work.add("is under dispute");
    }
    if (stored.paid().signum() > 0) {
      work.add("has " + stored.paid().toPlainString() + " paid");
    }
    if (stored.credited().signum() > 0) {
      work.add("has " + stored.credited().toPlainString() + " credited");
    }
    if (stored.writtenOff().signum() > 0) {
      work.add("has " + stored.writtenOff().toPlainString() + " written off");
    }
    return work;
  }
}
