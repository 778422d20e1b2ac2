package com.bpo.portal.tenantadmin.cli;

import com.bpo.portal.tenantadmin.ProvisioningSteps;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo tenants acme and globex with data for every feature, so that whoever signs in as a demo
 * user sees a living portal. Idempotent: running it again changes nothing. Each tenant's rows are
 * written in a transaction bound to that tenant, through the same row-level policies the
 * application obeys (the owner is subject to them too: FORCE ROW LEVEL SECURITY).
 */
final class DemoData {
  private final Connection connection;

  DemoData(Connection connection) {
    this.connection = connection;
  }

  record DemoTenant(
      String id,
      String name,
      String locale,
      String currency,
      String timeZone,
      List<DemoCustomer> customers,
      String customerLogin,
      String customerEmail,
      int invoices,
      List<DemoStaff> staff,
      String agent,
      int disputes) {}

  /**
   * Someone of the tenant's team, as Keycloak's demo realm knows them (keycloak/portal-realm.json).
   */
  record DemoStaff(String username, String displayName, String email, String role) {}

  record DemoCustomer(
      String number,
      String name,
      String country,
      int termsDays,
      BigDecimal creditLimit,
      String collector) {}

  static final List<DemoTenant> TENANTS =
      List.of(
          new DemoTenant(
              "acme",
              "Acme Industries",
              "en",
              "USD",
              "America/New_York",
              List.of(
                  new DemoCustomer(
                      "A-1001",
                      "Wile E. Coyote Supplies",
                      "US",
                      30,
                      new BigDecimal("50000.00"),
                      "agent.acme"),
                  new DemoCustomer(
                      "A-1002",
                      "Road Runner Logistics",
                      "US",
                      45,
                      new BigDecimal("120000.00"),
                      "agent.acme"),
                  new DemoCustomer(
                      "A-1003",
                      "Desert Rock Mining",
                      "US",
                      30,
                      new BigDecimal("75000.00"),
                      "agent.acme"),
                  new DemoCustomer(
                      "A-1004",
                      "Mesa Hardware Co.",
                      "CA",
                      60,
                      new BigDecimal("30000.00"),
                      "agent.acme"),
                  new DemoCustomer(
                      "A-1005",
                      "Canyon Catering",
                      "US",
                      15,
                      new BigDecimal("10000.00"),
                      "agent.acme"),
                  new DemoCustomer(
                      "A-1006",
                      "Tumbleweed Textiles",
                      "MX",
                      30,
                      new BigDecimal("45000.00"),
                      "agent.acme")),
              "customer.acme",
              "ap@coyote-supplies.example",
              600,
              List.of(
                  new DemoStaff("ops.lead", "Olivia Lead", "ops.lead@bpo.example", "bpo-lead"),
                  new DemoStaff("agent.acme", "Arjun Agent", "agent.acme@bpo.example", "bpo-agent"),
                  // one person, two roles: leads acme, works globex as an agent (roles are per
                  // tenant)
                  new DemoStaff("duo.staff", "Dana Duo", "duo.staff@bpo.example", "bpo-lead"),
                  new DemoStaff(
                      "cfo.acme", "Carla Acme", "cfo@acme.example", "client-stakeholder")),
              "agent.acme",
              24),
          new DemoTenant(
              "globex",
              "Globex Corporation",
              "fr",
              "EUR",
              "Europe/Paris",
              List.of(
                  new DemoCustomer(
                      "G-2001",
                      "Hank Scorpio Ventures",
                      "FR",
                      30,
                      new BigDecimal("200000.00"),
                      "ops.lead"),
                  new DemoCustomer(
                      "G-2002",
                      "Cypress Creek Energie",
                      "FR",
                      45,
                      new BigDecimal("90000.00"),
                      "ops.lead"),
                  new DemoCustomer(
                      "G-2003",
                      "Springfield Nucléaire",
                      "BE",
                      60,
                      new BigDecimal("150000.00"),
                      "ops.lead"),
                  new DemoCustomer(
                      "G-2004",
                      "Kwik-E-Mart Europe",
                      "DE",
                      30,
                      new BigDecimal("25000.00"),
                      "ops.lead"),
                  new DemoCustomer(
                      "G-2005",
                      "Lard Lad Boulangerie",
                      "FR",
                      30,
                      new BigDecimal("15000.00"),
                      "ops.lead")),
              "customer.globex",
              "ap@scorpio-ventures.example",
              400,
              List.of(
                  new DemoStaff("ops.lead", "Olivia Lead", "ops.lead@bpo.example", "bpo-lead"),
                  new DemoStaff("duo.staff", "Dana Duo", "duo.staff@bpo.example", "bpo-agent"),
                  new DemoStaff(
                      "cfo.globex", "Gaston Globex", "cfo@globex.example", "client-stakeholder")),
              "ops.lead",
              16));

  /** One feature's demo seeder, run in the tenant's own transaction. */
  @FunctionalInterface
  private interface Seeder {
    void seed() throws SQLException;
  }

  void seed() throws SQLException {
    connection.setAutoCommit(false);
    try {
      for (DemoTenant tenant : TENANTS) {
        seed(tenant);
        connection.commit();
        if (!hasInvoices(tenant)) {
          new ReceivablesGenerator(connection)
              .generate(tenant.id(), tenant.currency(), 0, tenant.invoices(), LocalDate.now());
        }
        String id = tenant.id();
        ZoneId zone = ZoneId.of(tenant.timeZone());
        DemoStaff stakeholder = stakeholder(tenant);
        inTenant(
            id,
            () ->
                new DemoDisputes(connection)
                    .seed(id, zone, tenant.customerLogin(), tenant.agent(), tenant.disputes()));
        inTenant(
            id,
            () ->
                new DemoScorecards(connection)
                    .seed(id, tenant.currency(), zone, "ops.lead", stakeholder.username()));
        inTenant(
            id,
            () ->
                new DemoGovernance(connection)
                    .seed(
                        id,
                        zone,
                        "ops.lead",
                        tenant.agent(),
                        stakeholder.username(),
                        stakeholder.displayName(),
                        stakeholder.email()));
        inTenant(
            id,
            () ->
                new DemoProcedures(connection)
                    .seed(id, tenant.locale(), zone, "ops.lead", stakeholder.username()));
        inTenant(
            id,
            () ->
                new DemoCollections(connection)
                    .seed(id, zone, "ops.lead", tenant.agent(), tenant.customerLogin()));
        inTenant(id, () -> new DemoCash(connection).seed(id, tenant.currency(), LocalDate.now()));
        // after cash: the close rebuilds the journal from everything seeded before it
        inTenant(
            id, () -> new DemoClose(connection).seed(id, zone, "ops.lead", stakeholder.username()));
        inTenant(
            id,
            () -> new DemoBranding(connection).seed(id, id.equals("acme") ? "#b45309" : "#1a5fb4"));
        // the maker of the pending requests is an agent, so that a lead can approve them (four
        // eyes): in globex, where the lead also works the disputes, that is duo.staff
        String maker =
            tenant.staff().stream()
                .filter(s -> s.role().equals("bpo-agent"))
                .map(DemoStaff::username)
                .findFirst()
                .orElse(tenant.agent());
        inTenant(
            id,
            () ->
                new DemoCredit(connection)
                    .seed(
                        id,
                        tenant.name(),
                        zone,
                        "ops.lead",
                        maker,
                        stakeholder.username(),
                        id.equals("acme")
                            ? "GB82WEST12345698765432"
                            : "FR1420041010050500013M02606"));
        inTenant(id, () -> new DemoWebhooks(connection).seed(id, "ops.lead"));
      }
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  /** Runs one seeder in a transaction bound to the tenant, and commits it. */
  private void inTenant(String tenant, Seeder seeder) throws SQLException {
    bind(tenant);
    seeder.seed();
    connection.commit();
  }

  private static DemoStaff stakeholder(DemoTenant tenant) {
    return tenant.staff().stream()
        .filter(s -> s.role().equals("client-stakeholder"))
        .findFirst()
        .orElseThrow();
  }

  private void bind(String tenant) throws SQLException {
    ProvisioningSteps.bind(connection, tenant);
  }

  private boolean hasInvoices(DemoTenant tenant) throws SQLException {
    bind(tenant.id());
    try (PreparedStatement q =
            connection.prepareStatement("select exists (select 1 from invoice)");
        java.sql.ResultSet rs = q.executeQuery()) {
      rs.next();
      boolean any = rs.getBoolean(1);
      connection.commit();
      return any;
    }
  }

  private void seed(DemoTenant tenant) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into tenant (id, name, locale, currency, time_zone) values (?, ?, ?, ?, ?) "
                + "on conflict (id) do nothing")) {
      insert.setString(1, tenant.id());
      insert.setString(2, tenant.name());
      insert.setString(3, tenant.locale());
      insert.setString(4, tenant.currency());
      insert.setString(5, tenant.timeZone());
      insert.executeUpdate();
    }
    bind(tenant.id());
    try (PreparedStatement insert =
        connection.prepareStatement(
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
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into customer_portal_user (tenant_id, username, customer_account_id, email) "
                + "select tenant_id, ?, id, ? from customer_account where tenant_id = ? and number = ? "
                + "on conflict (tenant_id, username) do update set email = coalesce(customer_portal_user.email, excluded.email)")) {
      insert.setString(1, tenant.customerLogin());
      insert.setString(2, tenant.customerEmail());
      insert.setString(3, tenant.id());
      insert.setString(4, tenant.customers().get(0).number());
      insert.executeUpdate();
    }
    // two contacts per demo customer: accounts payable (primary) and the buyer
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
        insert into customer_contact (tenant_id, customer_account_id, name, role, email, phone, is_primary, created_by)
        select c.tenant_id, c.id, v.name, v.role,
               v.email || '@' || trim(both '-' from regexp_replace(lower(c.name), '[^a-z]+', '-', 'g')) || '.example',
               v.phone, v.is_primary, 'seed'
        from customer_account c,
             (values ('Accounts payable', 'Accounts payable', 'ap', '+1 555 0100', true),
                     ('Pat Buyer', 'Purchasing', 'purchasing', '+1 555 0142', false))
               as v(name, role, email, phone, is_primary)
        where c.tenant_id = ? and c.number = ?
          and not exists (select 1 from customer_contact x where x.tenant_id = c.tenant_id and x.customer_account_id = c.id)""")) {
      for (DemoCustomer c : tenant.customers()) {
        insert.setString(1, tenant.id());
        insert.setString(2, c.number());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into tenant_staff (tenant_id, username, display_name, email, role) values (?, ?, ?, ?, ?) "
                + "on conflict (tenant_id, username) do nothing")) {
      for (DemoStaff person : tenant.staff()) {
        insert.setString(1, tenant.id());
        insert.setString(2, person.username());
        insert.setString(3, person.displayName());
        insert.setString(4, person.email());
        insert.setString(5, person.role());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into dispute_settings (tenant_id, team_email) values (?, ?) on conflict (tenant_id) do nothing")) {
      insert.setString(1, tenant.id());
      insert.setString(2, "disputes-" + tenant.id() + "@bpo.example");
      insert.executeUpdate();
    }
  }
}
