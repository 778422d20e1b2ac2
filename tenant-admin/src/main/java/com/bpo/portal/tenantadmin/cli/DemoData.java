package com.bpo.portal.tenantadmin.cli;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo tenants acme and globex with data for every feature, so that whoever signs in as a
 * demo user sees a living portal. Idempotent: running it again changes nothing. Each tenant's rows
 * are written in a transaction bound to that tenant, through the same row-level policies the
 * application obeys (the owner is subject to them too: FORCE ROW LEVEL SECURITY).
 */
final class DemoData {
  private final Connection connection;

  DemoData(Connection connection) {
    this.connection = connection;
  }

  record DemoTenant(String id, String name, String locale, String currency, String timeZone,
                    List<DemoCustomer> customers, String customerLogin, int invoices) {}

  record DemoCustomer(String number, String name, String country, int termsDays, BigDecimal creditLimit,
                      String collector) {}

  static final List<DemoTenant> TENANTS = List.of(
      new DemoTenant("acme", "Acme Industries", "en", "USD", "America/New_York", List.of(
          new DemoCustomer("A-1001", "Wile E. Coyote Supplies", "US", 30, new BigDecimal("50000.00"), "agent.acme"),
          new DemoCustomer("A-1002", "Road Runner Logistics", "US", 45, new BigDecimal("120000.00"), "agent.acme"),
          new DemoCustomer("A-1003", "Desert Rock Mining", "US", 30, new BigDecimal("75000.00"), "agent.acme"),
          new DemoCustomer("A-1004", "Mesa Hardware Co.", "CA", 60, new BigDecimal("30000.00"), "agent.acme"),
          new DemoCustomer("A-1005", "Canyon Catering", "US", 15, new BigDecimal("10000.00"), "agent.acme"),
          new DemoCustomer("A-1006", "Tumbleweed Textiles", "MX", 30, new BigDecimal("45000.00"), "agent.acme")),
          "customer.acme", 600),
      new DemoTenant("globex", "Globex Corporation", "fr", "EUR", "Europe/Paris", List.of(
          new DemoCustomer("G-2001", "Hank Scorpio Ventures", "FR", 30, new BigDecimal("200000.00"), "ops.lead"),
          new DemoCustomer("G-2002", "Cypress Creek Energie", "FR", 45, new BigDecimal("90000.00"), "ops.lead"),
          new DemoCustomer("G-2003", "Springfield Nucléaire", "BE", 60, new BigDecimal("150000.00"), "ops.lead"),
          new DemoCustomer("G-2004", "Kwik-E-Mart Europe", "DE", 30, new BigDecimal("25000.00"), "ops.lead"),
          new DemoCustomer("G-2005", "Lard Lad Boulangerie", "FR", 30, new BigDecimal("15000.00"), "ops.lead")),
          "customer.globex", 400));

  void seed() throws SQLException {
    connection.setAutoCommit(false);
    try {
      for (DemoTenant tenant : TENANTS) {
        seed(tenant);
        connection.commit();
        if (!hasInvoices(tenant)) {
          new ReceivablesGenerator(connection).generate(tenant.id(), tenant.currency(), 0, tenant.invoices(), LocalDate.now());
        }
      }
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  private boolean hasInvoices(DemoTenant tenant) throws SQLException {
    try (PreparedStatement bind = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
      bind.setString(1, tenant.id());
      bind.execute();
    }
    try (PreparedStatement q = connection.prepareStatement("select exists (select 1 from invoice)");
         java.sql.ResultSet rs = q.executeQuery()) {
      rs.next();
      boolean any = rs.getBoolean(1);
      connection.commit();
      return any;
    }
  }

  private void seed(DemoTenant tenant) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into tenant (id, name, locale, currency, time_zone) values (?, ?, ?, ?, ?) "
            + "on conflict (id) do nothing")) {
      insert.setString(1, tenant.id());
      insert.setString(2, tenant.name());
      insert.setString(3, tenant.locale());
      insert.setString(4, tenant.currency());
      insert.setString(5, tenant.timeZone());
      insert.executeUpdate();
    }
    try (PreparedStatement bind = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
      bind.setString(1, tenant.id());
      bind.execute();
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into customer_account (tenant_id, number, name, country, currency, payment_terms_days, "
            + "credit_limit, collector) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, number) do nothing")) {
      for (DemoCustomer c : tenant.customers()) {
        insert.setString(1, tenant.id());
        insert.setString(2, c.number());
        insert.setString(3, c.name());
        insert.setString(4, c.country());
        insert.setString(5, tenant.currency());
        insert.setInt(6, c.termsDays());
        insert.setBigDecimal(7, c.creditLimit());
        insert.setString(8, c.collector());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into customer_portal_user (tenant_id, username, customer_account_id) "
            + "select tenant_id, ?, id from customer_account where tenant_id = ? and number = ? "
            + "on conflict (tenant_id, username) do nothing")) {
      insert.setString(1, tenant.customerLogin());
      insert.setString(2, tenant.id());
      insert.setString(3, tenant.customers().get(0).number());
      insert.executeUpdate();
    }
  }
}
