package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * One application of a payment to an invoice as a CSV row, parsed and checked on its own. A payment
 * applied to several invoices has several rows that repeat its header fields; {@link
 * PaymentCsvImport} checks that they agree, that they do not apply more than the payment, and the
 * invoices.
 */
record PaymentRow(
    long row,
    String reference,
    String customerNumber,
    LocalDate receivedOn,
    String currency,
    BigDecimal amount,
    String invoiceNumber,
    BigDecimal appliedAmount) {

  static final List<String> COLUMNS =
      List.of(
          "payment_reference",
          "customer_number",
          "received_on",
          "currency",
          "amount",
          "invoice_number",
          "applied_amount");

  /** The payment's own fields, which must be the same on every row of one payment. */
  List<Object> header() {
    return List.of(customerNumber, receivedOn, currency, amount);
  }

  /**
   * Parses a record; field errors go to {@code errors} and the result is null if any field is bad.
   */
  static PaymentRow parse(CSVRecord record, long row, List<FieldError> errors) {
    return parse(record.toMap(), row, errors);
  }

  /** The same for values by column name (a CSV record's or a JSON line's). */
  static PaymentRow parse(Map<String, String> values, long row, List<FieldError> errors) {
    FieldParser p = new FieldParser(values, row);
    String reference = p.text("payment_reference", 50);
    String customer = p.text("customer_number", 50);
    LocalDate receivedOn = p.date("received_on");
    String currency = p.currency("currency");
    BigDecimal amount = p.decimal("amount", 2, false);
    String invoice = p.text("invoice_number", 50);
    BigDecimal applied = p.decimal("applied_amount", 2, false);
    if (amount != null && applied != null && applied.compareTo(amount) > 0) {
      p.error("applied_amount", "is more than the payment's amount " + amount);
    }
    errors.addAll(p.errors);
    // amounts in cents, so that 100 and 100.00 are the same payment
    return p.errors.isEmpty()
        ? new PaymentRow(
            row,
            reference,
            customer,
            receivedOn,
            currency,
            amount.setScale(2),
            invoice,
            applied.setScale(2))
        : null;
  }
}
