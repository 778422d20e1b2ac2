package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * One line of an invoice as a CSV row, parsed and checked on its own. The invoice's header fields
 * are repeated on each of its rows; {@link InvoiceCsvImport} checks that they agree and that the
 * lines add up to {@code invoice_total}.
 */
record InvoiceRow(
    long row,
    String invoiceNumber,
    String customerNumber,
    LocalDate issueDate,
    LocalDate dueDate,
    String currency,
    int lineNo,
    String description,
    BigDecimal quantity,
    BigDecimal unitPrice,
    BigDecimal taxRate,
    BigDecimal invoiceTotal) {

  static final List<String> COLUMNS =
      List.of(
          "invoice_number",
          "customer_number",
          "issue_date",
          "due_date",
          "currency",
          "line_no",
          "description",
          "quantity",
          "unit_price",
          "tax_rate",
          "invoice_total");

  /** Net of the line, rounded to cents half up: what the invoice printed. */
  BigDecimal net() {
    return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
  }

  BigDecimal tax() {
    return net().multiply(taxRate).setScale(2, RoundingMode.HALF_UP);
  }

  /** The header fields, which must be the same on every row of one invoice. */
  List<Object> header() {
    return List.of(customerNumber, issueDate, dueDate, currency, invoiceTotal);
  }

  /**
   * Parses a record; field errors go to {@code errors} and the result is null if any field is bad.
   */
  static InvoiceRow parse(CSVRecord record, long row, List<FieldError> errors) {
    return parse(record.toMap(), row, errors);
  }

  /** The same for values by column name (a CSV record's or a JSON line's). */
  static InvoiceRow parse(Map<String, String> values, long row, List<FieldError> errors) {
    FieldParser p = new FieldParser(values, row);
    String number = p.text("invoice_number", 50);
    String customer = p.text("customer_number", 50);
    LocalDate issue = p.date("issue_date");
    LocalDate due = p.date("due_date");
    String currency = p.currency("currency");
    Integer lineNo = p.positiveInt("line_no");
    String description = p.text("description", 500);
    BigDecimal quantity = p.decimal("quantity", 4, false);
    BigDecimal unitPrice = p.decimal("unit_price", 4, true);
    BigDecimal taxRate = p.decimal("tax_rate", 4, true);
    BigDecimal total = p.decimal("invoice_total", 2, true);
    if (issue != null && due != null && due.isBefore(issue)) {
      p.error("due_date", "is before the issue date " + issue);
    }
    if (taxRate != null && taxRate.compareTo(BigDecimal.ONE) >= 0) {
      p.error("tax_rate", "must be a fraction below 1, such as 0.20 for 20%");
    }
    errors.addAll(p.errors);
    return p.errors.isEmpty()
        ? new InvoiceRow(
            row,
            number,
            customer,
            issue,
            due,
            currency,
            lineNo,
            description,
            quantity,
            unitPrice,
            taxRate,
            total)
        : null;
  }
}
