package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.sql.PreparedSql;
import com.bpo.portal.shared.sql.TenantSql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer account CSV, one account per row, synced by the client's account number: a new account
 * is created, one with the same values is left as it is (so importing the same file twice changes
 * nothing), and one with other values is updated in the fields that differ ({@link
 * CustomerRow#sync}). Writes go in JDBC batches once every row has been checked.
 */
final class CustomerCsvImport extends CsvImport {
  /** The row that brought each account number of this file: a number seen again is a duplicate. */
  private final Map<String, Long> seen = new HashMap<>();

  private int pending;
  private final PreparedSql findCustomer;
  private final PreparedSql insertCustomer;
  private final PreparedSql updateCustomer;

  CustomerCsvImport(TenantSql sql) {
    super(sql);
    findCustomer =
        prepare(
            "select c.name, c.country, c.currency, c.payment_terms_days, c.credit_limit, c.collector, "
                + "exists (select 1 from invoice i where i.tenant_id = c.tenant_id "
                + "and i.customer_account_id = c.id) "
                + "or exists (select 1 from payment p where p.tenant_id = c.tenant_id "
                + "and p.customer_account_id = c.id) as invoiced "
                + "from customer_account c where c.tenant_id = :tenant and c.number = :number");
    insertCustomer =
        prepare(
            "insert into customer_account (tenant_id, number, name, country, currency, "
                + "payment_terms_days, credit_limit, collector) "
                + "values (:tenant, :number, :name, :country, :currency, :terms, :creditLimit, :collector)");
    // without the collector column, the collector the BPO assigned stays
    updateCustomer =
        prepare(
            "update customer_account set name = :name, country = :country, currency = :currency, "
                + "payment_terms_days = :terms, credit_limit = :creditLimit, "
                + "collector = case when :collectorGiven then cast(:collector as text) else collector end, "
                + "version = version + 1 where tenant_id = :tenant and number = :number");
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
  void accept(Map<String, String> values, FieldError unreadable) throws SQLException {
    long errorsBefore = errorCount;
    check(values, unreadable);
    if (errorCount > errorsBefore) {
      refused++;
    }
  }

  private void check(Map<String, String> values, FieldError unreadable) {
    if (unreadable != null) {
      error(unreadable);
      return;
    }
    List<FieldError> rowErrors = new ArrayList<>();
    CustomerRow row = CustomerRow.parse(values, rows, rowErrors);
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
    Sync sync = row.sync(stored(row.number()));
    switch (sync.action()) {
      case CREATE -> {
        if (errorCount == 0) {
          queue(insertCustomer, row);
        }
        created++;
      }
      case UPDATE -> {
        if (errorCount == 0) {
          queue(updateCustomer.bind("collectorGiven", row.collectorGiven()), row);
        }
        updated++;
      }
      case UNCHANGED -> unchanged++;
      case REFUSE -> error(rows, sync.field(), sync.reason());
    }
  }

  @Override
  void finish() throws SQLException {
    if (errorCount == 0) {
      executeBatches();
    }
  }

  private CustomerRow.Stored stored(String number) {
    return findCustomer
        .bind("number", number)
        .optional(
            r ->
                new CustomerRow.Stored(
                    r.string("name"),
                    r.string("country").trim(),
                    r.string("currency").trim(),
                    r.intValue("payment_terms_days"),
                    r.decimal("credit_limit"),
                    r.string("collector"),
                    r.bool("invoiced")))
        .orElse(null);
  }

  private void queue(PreparedSql statement, CustomerRow row) {
    statement
        .bind("number", row.number())
        .bind("name", row.name())
        .bind("country", row.country())
        .bind("currency", row.currency())
        .bind("terms", row.paymentTermsDays())
        .bind("creditLimit", row.creditLimit())
        .bind("collector", row.collector())
        .addBatch();
    if (++pending >= BATCH) {
      executeBatches();
    }
  }

  private void executeBatches() {
    if (pending > 0) {
      insertCustomer.executeBatch();
      updateCustomer.executeBatch();
      pending = 0;
    }
  }
}
