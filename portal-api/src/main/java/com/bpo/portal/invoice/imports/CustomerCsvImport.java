package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * A customer account CSV, one account per row. An account already there with the same values is
 * left unchanged, which makes importing the same file twice change nothing; one with other values is
 * an error, never an overwrite (accounts are edited where they are looked after, not by re-import).
 */
final class CustomerCsvImport extends CsvImport {
  /** The row that brought each account number of this file: a number seen again is a duplicate. */
  private final Map<String, Long> seen = new HashMap<>();
  private int pending;
  private final PreparedStatement findCustomer;
  private final PreparedStatement insertCustomer;

  CustomerCsvImport(Connection db, String tenant) throws SQLException {
    super(db, tenant);
    findCustomer = prepare("select name, country, currency, payment_terms_days, credit_limit, collector "
        + "from customer_account where tenant_id = ? and number = ?");
    insertCustomer = prepare("insert into customer_account (tenant_id, number, name, country, currency, "
        + "payment_terms_days, credit_limit, collector) values (?, ?, ?, ?, ?, ?, ?, ?)");
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
      error(rows, "customer_number", "'" + row.number() + "' appears again (first in row " + earlier + ")");
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
      error(rows, "customer_number", "customer '" + row.number() + "' already exists with another "
          + String.join(", ", differences.get()) + "; an import never overwrites an account");
    }
  }

  @Override
  void finish() throws SQLException {
    if (errorCount == 0) {
      executeBatch();
    }
  }

  /** Empty if no account has this number; otherwise the fields in which the row differs from it. */
  private Optional<List<String>> differencesFromExisting(CustomerRow row) throws SQLException {
    findCustomer.setString(1, tenant);
    findCustomer.setString(2, row.number());
    try (ResultSet rs = findCustomer.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(row.differences(rs.getString(1), rs.getString(2).trim(), rs.getString(3).trim(),
          rs.getInt(4), rs.getBigDecimal(5), rs.getString(6)));
    }
  }

  private void queue(CustomerRow row) throws SQLException {
    insertCustomer.setString(1, tenant);
    insertCustomer.setString(2, row.number());
    insertCustomer.setString(3, row.name());
    insertCustomer.setString(4, row.country());
    insertCustomer.setString(5, row.currency());
    insertCustomer.setInt(6, row.paymentTermsDays());
    insertCustomer.setBigDecimal(7, row.creditLimit());
    if (row.collector() == null) {
      insertCustomer.setNull(8, Types.VARCHAR);
    } else {
      insertCustomer.setString(8, row.collector());
    }
    insertCustomer.addBatch();
    if (++pending >= BATCH) {
      executeBatch();
    }
  }

  private void executeBatch() throws SQLException {
    if (pending > 0) {
      insertCustomer.executeBatch();
      pending = 0;
    }
  }
}
