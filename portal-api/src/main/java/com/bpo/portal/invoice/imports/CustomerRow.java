package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVRecord;

/** One customer account as a CSV row, parsed and checked on its own. */
record CustomerRow(
    long row,
    String number,
    String name,
    String country,
    String currency,
    int paymentTermsDays,
    BigDecimal creditLimit,
    String collector) {

  /** The columns a file must have; {@code collector} may be left out, or left empty on a row. */
  static final List<String> COLUMNS =
      List.of(
          "customer_number", "name", "country", "currency", "payment_terms_days", "credit_limit");

  /**
   * Parses a record; field errors go to {@code errors} and the result is null if any field is bad.
   */
  static CustomerRow parse(CSVRecord record, long row, List<FieldError> errors) {
    FieldParser p = new FieldParser(record.toMap(), row);
    String number = p.text("customer_number", 50);
    String name = p.text("name", 200);
    String country = p.country("country");
    String currency = p.currency("currency");
    Integer terms = p.intBetween("payment_terms_days", 0, 365);
    BigDecimal creditLimit = p.decimal("credit_limit", 2, true);
    String collector = p.optionalText("collector", 100);
    errors.addAll(p.errors);
    return p.errors.isEmpty()
        ? new CustomerRow(row, number, name, country, currency, terms, creditLimit, collector)
        : null;
  }

  /** The names of the fields whose values differ from an account already there (empty if none). */
  List<String> differences(
      String name,
      String country,
      String currency,
      int paymentTermsDays,
      BigDecimal creditLimit,
      String collector) {
    List<String> fields = new ArrayList<>();
    if (!this.name.equals(name)) {
      fields.add("name");
    }
    if (!this.country.equals(country)) {
      fields.add("country");
    }
    if (!this.currency.equals(currency)) {
      fields.add("currency");
    }
    if (this.paymentTermsDays != paymentTermsDays) {
      fields.add("payment_terms_days");
    }
    if (this.creditLimit.compareTo(creditLimit) != 0) {
      fields.add("credit_limit");
    }
    if (!Objects.equals(this.collector, collector)) {
      fields.add("collector");
    }
    return fields;
  }
}
