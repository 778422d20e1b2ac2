package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.sql.PreparedSql;
import com.bpo.portal.shared.sql.TenantSql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * A customer account CSV, one account per row. An account already there with the same values is
 * left unchanged, which makes importing the same file twice change nothing; one with other values
 * is an error, never an overwrite (accounts are edited where they are looked after, not by
 * re-import).
 */
final class CustomerCsvImport extends CsvImport {
  /** The row that brought each account number of this file: a number seen again is a duplicate. */
  private final Map<String, Long> seen = new HashMap<>();

  private int pending;
  private final PreparedSql findCustomer;
  private final PreparedSql insertCustomer;

  CustomerCsvImport(TenantSql sql) {
    super(sql);
    findCustomer =
        prepare(
            "select name, country, currency, payment_terms_days, credit_limit, collector "
                + "from customer_account where tenant_id = :tenant and number = :number");
    insertCustomer =
        prepare(
            "insert into customer_account (tenant_id, number, name, country, currency, "
                + "payment_terms_days, credit_limit, collector) "
                + "values (:tenant, :number, :name, :country, :currency, :terms, :creditLimit, :collector)");
  }

  @Override
  ImportKind kind() {
    return ImportKind.CUSTOMERS;
  }

  @Override
  List<String> columns() {
    return CustomerRow.COLUMNS;
  }

  @Override
  void accept(CSVRecord record) throws SQLException {
    List<FieldError> rowErrors = new ArrayList<>();
    CustomerRow row = CustomerRow.parse(record, rows, rowErrors);
    rowErrors.forEach(this::error);
    if (row == null) {
      return;
    }
    Long earlier = seen.putIfAbsent(row.number(), rows);
    if (earlier != null) {
      error(
          rows,
          "customer_number",
          "'" + row.number() + "' appears again (first in row " + earlier + ")");
      return;
    }
    Optional<List<String>> differences = differencesFromExisting(row);
    if (differences.isEmpty()) {
      if (errorCount == 0) {
        queue(row);
      }
      created++;
    } else if (differences.get().isEmpty()) {
      unchanged++;
    } else {
      error(
          rows,
          "customer_number",
          "customer '"
              + row.number()
              + "' already exists with another "
              + String.join(", ", differences.get())
              + "; an import never overwrites an account");
    }
  }

  @Override
  void finish() throws SQLException {
    if (errorCount == 0) {
      executeBatch();
    }
  }

  /** Empty if no account has this number; otherwise the fields in which the row differs from it. */
  private Optional<List<String>> differencesFromExisting(CustomerRow row) {
    return findCustomer
        .bind("number", row.number())
        .optional(
            r ->
                row.differences(
                    r.string("name"),
                    r.string("country").trim(),
                    r.string("currency").trim(),
                    r.intValue("payment_terms_days"),
                    r.decimal("credit_limit"),
                    r.string("collector")));
  }

  private void queue(CustomerRow row) {
    insertCustomer
        .bind("number", row.number())
        .bind("name", row.name())
        .bind("country", row.country())
        .bind("currency", row.currency())
        .bind("terms", row.paymentTermsDays())
        .bind("creditLimit", row.creditLimit())
        .bind("collector", row.collector())
        .addBatch();
    if (++pending >= BATCH) {
      executeBatch();
    }
  }

  private void executeBatch() {
    if (pending > 0) {
      insertCustomer.executeBatch();
      pending = 0;
    }
  }
}
