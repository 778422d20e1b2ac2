package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVRecord;

/**
 * One customer account as a CSV row, parsed and checked on its own, and what it does to the account
 * already there under its number ({@link #sync}). {@code collectorGiven} says whether the file has
 * the {@code collector} column at all: without it, the account's collector (whom the BPO assigned)
 * is left as it is.
 */
record CustomerRow(
    long row,
    String number,
    String name,
    String country,
    String currency,
    int paymentTermsDays,
    BigDecimal creditLimit,
    String collector,
    boolean collectorGiven) {

  /** The columns a file must have; {@code collector} may be left out, or left empty on a row. */
  static final List<String> COLUMNS =
      List.of(
          "customer_number", "name", "country", "currency", "payment_terms_days", "credit_limit");

  /** An account already there, and whether it has invoices or payments (which fix its currency). */
  record Stored(
      String name,
      String country,
      String currency,
      int paymentTermsDays,
      BigDecimal creditLimit,
      String collector,
      boolean invoiced) {}

  /**
   * Parses a record; field errors go to {@code errors} and the result is null if any field is bad.
   */
  static CustomerRow parse(CSVRecord record, long row, List<FieldError> errors) {
    return parse(record.toMap(), row, errors);
  }

  /** The same for values by column name (a CSV record's or a JSON line's). */
  static CustomerRow parse(Map<String, String> values, long row, List<FieldError> errors) {
    FieldParser p = new FieldParser(values, row);
    String number = p.text("customer_number", 50);
    String name = p.text("name", 200);
    String country = p.country("country");
    String currency = p.currency("currency");
    Integer terms = p.intBetween("payment_terms_days", 0, 365);
    BigDecimal creditLimit = p.decimal("credit_limit", 2, true);
    String collector = p.optionalText("collector", 100);
    errors.addAll(p.errors);
    return p.errors.isEmpty()
        ? new CustomerRow(
            row,
            number,
            name,
            country,
            currency,
            terms,
            creditLimit,
            collector,
            values.containsKey("collector"))
        : null;
  }

  /**
   * Create the account, leave it, update the fields that differ, or refuse a new currency for an
   * account that already has invoices or payments in its currency.
   */
  Sync sync(Stored stored) {
    if (stored == null) {
      return Sync.CREATE;
    }
    List<String> fields = differences(stored);
    if (fields.contains("currency") && stored.invoiced()) {
      return Sync.refuse(
          "currency",
          "customer '"
              + FieldParser.echo(number)
              + "' has invoices or payments in "
              + stored.currency()
              + "; its currency never changes");
    }
    return Sync.update(fields);
  }

  /** The names of the fields whose values differ from the account already there (empty if none). */
  List<String> differences(Stored stored) {
    List<String> fields = new ArrayList<>();
    if (!name.equals(stored.name())) {
      fields.add("name");
    }
    if (!country.equals(stored.country())) {
      fields.add("country");
    }
    if (!currency.equals(stored.currency())) {
      fields.add("currency");
    }
    if (paymentTermsDays != stored.paymentTermsDays()) {
      fields.add("payment_terms_days");
    }
    if (creditLimit.compareTo(stored.creditLimit()) != 0) {
      fields.add("credit_limit");
    }
    if (collectorGiven && !Objects.equals(collector, stored.collector())) {
      fields.add("collector");
    }
    return fields;
  }
}
