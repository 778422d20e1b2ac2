package com.bpo.portal.tenantadmin.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code balances verify [tenant]}: recomputes each tenant's receivable balances and daily sales
 * from its invoices, and its unapplied payments and allocation days from its payments and
 * allocations, with the database's {@code balance_drift} (V92, V102 and V103, the same function the
 * server's nightly check calls) and prints every key that differs. Each tenant is read in a
 * repeatable-read transaction bound to it, so invoices and summaries are compared as of one
 * snapshot even while the portal writes.
 */
final class BalanceVerification {
  private static final int SHOWN = 20;
  private final Connection db;

  BalanceVerification(Connection db) {
    this.db = db;
  }

  /** Prints one line per tenant (and the first differing keys); true when nothing drifted. */
  boolean verify(String onlyTenant) throws SQLException {
    db.setAutoCommit(false);
    boolean equal = true;
    List<String> tenants = TenantIds.of(db, onlyTenant);
    if (onlyTenant != null && tenants.isEmpty()) {
      System.out.println("no tenant " + onlyTenant);
      return false;
    }
    for (String tenant : tenants) {
      db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (PreparedStatement bind =
          db.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
        bind.setString(1, tenant);
        bind.execute();
      }
      List<String> drift = new ArrayList<>();
      try (PreparedStatement q =
          db.prepareStatement(
              "select summary, customer_account_id, currency, day, expected::text, actual::text "
                  + "from balance_drift(?)")) {
        q.setString(1, tenant);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            drift.add(
                String.format(
                    "  %s customer=%s currency=%s day=%s invoices say %s, summary holds %s",
                    rs.getString(1),
                    rs.getObject(2),
                    rs.getString(3),
                    rs.getObject(4),
                    rs.getString(5),
                    rs.getString(6)));
          }
        }
      }
      db.commit();
      equal &= drift.isEmpty();
      System.out.printf(
          "%-20s %s%n",
          tenant,
          drift.isEmpty()
              ? "balances equal the invoices"
              : "DRIFT: " + drift.size() + " key(s) differ from the invoices");
      drift.stream().limit(SHOWN).forEach(System.out::println);
      if (drift.size() > SHOWN) {
        System.out.println("  ... and " + (drift.size() - SHOWN) + " more");
      }
    }
    return equal;
  }
}
