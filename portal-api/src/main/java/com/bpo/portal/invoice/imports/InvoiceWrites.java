package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.sql.TenantSql;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An invoice import's writes, held a few thousand invoices at a time as columns and sent as one
 * statement per table: {@code insert ... select from unnest(:ids, :numbers, ...)}, each parameter
 * an array of one column's values.
 *
 * <p>Why not JDBC batches: the invoice's statement triggers (the receivable balances, V92, and the
 * receivables journal, V80) fire once per statement, and a batch of inserts is one statement per
 * row or, rewritten by the driver, per 128 rows; in a million-invoice import they updated the same
 * balance rows thousands of times in one transaction, and the import ran five times slower than
 * before them (docs/PERFORMANCE.md). Written from here, they fire once per {@link #WRITE_EVERY}
 * invoices. The statements are ordinary tenant SQL on the transaction's connection, so row-level
 * security checks every row as before. (COPY would be quicker to send, but PostgreSQL refuses it
 * into a table under row-level security, and through a temporary table it needs the driver's own
 * classes, which Liberty does not show a dropins application.)
 */
final class InvoiceWrites {
  /** Invoices (new or changed) held before they are written. */
  static final int WRITE_EVERY = 10_000;

  private final TenantSql sql;

  private final List<Long> newIds = new ArrayList<>();
  private final List<String> newNumbers = new ArrayList<>();
  private final List<Long> newCustomers = new ArrayList<>();
  private final List<LocalDate> newIssued = new ArrayList<>();
  private final List<LocalDate> newDue = new ArrayList<>();
  private final List<String> newCurrencies = new ArrayList<>();
  private final List<BigDecimal> newNet = new ArrayList<>();
  private final List<BigDecimal> newTax = new ArrayList<>();

  private final List<Long> changedIds = new ArrayList<>();
  private final List<LocalDate> changedIssued = new ArrayList<>();
  private final List<LocalDate> changedDue = new ArrayList<>();
  private final List<BigDecimal> changedNet = new ArrayList<>();
  private final List<BigDecimal> changedTax = new ArrayList<>();
  private final List<Long> replacedLines = new ArrayList<>();

  private final List<Long> lineInvoices = new ArrayList<>();
  private final List<Integer> lineNumbers = new ArrayList<>();
  private final List<String> lineDescriptions = new ArrayList<>();
  private final List<BigDecimal> lineQuantities = new ArrayList<>();
  private final List<BigDecimal> linePrices = new ArrayList<>();
  private final List<BigDecimal> lineRates = new ArrayList<>();
  private final List<BigDecimal> lineNet = new ArrayList<>();
  private final List<BigDecimal> lineTax = new ArrayList<>();

  InvoiceWrites(TenantSql sql) {
    this.sql = sql;
  }

  /** A new invoice, with its id drawn already. */
  void create(
      long id,
      String number,
      long customerId,
      LocalDate issueDate,
      LocalDate dueDate,
      String currency,
      BigDecimal net,
      BigDecimal tax,
      List<InvoiceRow> rows) {
    newIds.add(id);
    newNumbers.add(number);
    newCustomers.add(customerId);
    newIssued.add(issueDate);
    newDue.add(dueDate);
    newCurrencies.add(currency);
    newNet.add(net);
    newTax.add(tax);
    lines(id, rows);
  }

  /**
   * An invoice already there whose dates and amounts change; its lines are replaced by {@code rows}
   * when {@code replaceLines}.
   */
  void update(
      long id,
      LocalDate issueDate,
      LocalDate dueDate,
      BigDecimal net,
      BigDecimal tax,
      boolean replaceLines,
      List<InvoiceRow> rows) {
    changedIds.add(id);
    changedIssued.add(issueDate);
    changedDue.add(dueDate);
    changedNet.add(net);
    changedTax.add(tax);
    if (replaceLines) {
      replacedLines.add(id);
      lines(id, rows);
    }
  }

  /** Whether enough invoices wait to be worth a {@link #write}. */
  boolean full() {
    return newIds.size() + changedIds.size() >= WRITE_EVERY;
  }

  /**
   * Writes what waits: new invoices, then the changed ones, then the lines replaced go, then every
   * line held goes in (the lines' foreign key needs their invoice first).
   */
  void write() {
    if (!newIds.isEmpty()) {
      sql.sql(
              "insert into invoice (tenant_id, id, number, customer_account_id, issue_date, "
                  + "due_date, currency, net_amount, tax_amount, total_amount) "
                  + "select :tenant, id, number, customer, issued, due, currency, net, tax, net + tax "
                  + "from unnest(:ids, :numbers, :customers, :issued, :due, :currencies, :net, :tax) "
                  + "as s(id, number, customer, issued, due, currency, net, tax)")
          .bind("ids", newIds)
          .bind("numbers", newNumbers)
          .bind("customers", newCustomers)
          .bind("issued", newIssued)
          .bind("due", newDue)
          .bind("currencies", newCurrencies)
          .bind("net", newNet)
          .bind("tax", newTax)
          .update();
    }
    if (!changedIds.isEmpty()) {
      sql.sql(
              "update invoice i set issue_date = s.issued, due_date = s.due, net_amount = s.net, "
                  + "tax_amount = s.tax, total_amount = s.net + s.tax, version = i.version + 1 "
                  + "from unnest(:ids, :issued, :due, :net, :tax) as s(id, issued, due, net, tax) "
                  + "where i.tenant_id = :tenant and i.id = s.id")
          .bind("ids", changedIds)
          .bind("issued", changedIssued)
          .bind("due", changedDue)
          .bind("net", changedNet)
          .bind("tax", changedTax)
          .update();
    }
    if (!replacedLines.isEmpty()) {
      sql.sql("delete from invoice_line where tenant_id = :tenant and invoice_id = any(:ids)")
          .bind("ids", replacedLines)
          .update();
    }
    if (!lineInvoices.isEmpty()) {
      sql.sql(
              "insert into invoice_line (tenant_id, invoice_id, line_no, description, quantity, "
                  + "unit_price, tax_rate, net_amount, tax_amount) "
                  + "select :tenant, invoice, line_no, description, quantity, unit_price, tax_rate, "
                  + "net, tax from unnest(:invoices, :lineNos, :descriptions, :quantities, "
                  + ":prices, :rates, :net, :tax) "
                  + "as s(invoice, line_no, description, quantity, unit_price, tax_rate, net, tax)")
          .bind("invoices", lineInvoices)
          .bind("lineNos", lineNumbers)
          .bind("descriptions", lineDescriptions)
          .bind("quantities", lineQuantities)
          .bind("prices", linePrices)
          .bind("rates", lineRates)
          .bind("net", lineNet)
          .bind("tax", lineTax)
          .update();
    }
    List.of(
            newIds,
            newNumbers,
            newCustomers,
            newIssued,
            newDue,
            newCurrencies,
            newNet,
            newTax,
            changedIds,
            changedIssued,
            changedDue,
            changedNet,
            changedTax,
            replacedLines,
            lineInvoices,
            lineNumbers,
            lineDescriptions,
            lineQuantities,
            linePrices,
            lineRates,
            lineNet,
            lineTax)
        .forEach(List::clear);
  }

  private void lines(long id, List<InvoiceRow> rows) {
    for (InvoiceRow line : rows) {
      lineInvoices.add(id);
      lineNumbers.add(line.lineNo());
      lineDescriptions.add(line.description());
      lineQuantities.add(line.quantity());
      linePrices.add(line.unitPrice());
      lineRates.add(line.taxRate());
      lineNet.add(line.net());
      lineTax.add(line.tax());
    }
  }
}
