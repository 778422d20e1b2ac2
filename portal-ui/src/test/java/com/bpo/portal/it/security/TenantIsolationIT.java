package com.bpo.portal.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first promise: one tenant never sees another's rows, through the API or in a SQL session as
 * the application role, and a customer sees only their own account. Runs against the seeded demo
 * tenants acme (customer numbers A-…) and globex (G-…).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantIsolationIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  // ------------------------------------------------------------------ through the API

  @Test
  void anAcmeUserListsOnlyAcmeCustomers() throws SQLException {
    List<String> numbers = allCustomerNumbers("agent.acme", "acme");
    assertFalse(numbers.isEmpty());
    // the tenant's column decides, not how numbers are spelled: whoever added a customer, the API
    // lists exactly the rows whose tenant_id is acme
    assertEquals(customerNumbersInTheDatabase("acme"), new TreeSet<>(numbers));
  }

  @Test
  void theSameUserSeesEachTenantOnlyInThatTenant() throws SQLException {
    Set<String> acme = new TreeSet<>(allCustomerNumbers("ops.lead", "acme"));
    Set<String> globex = new TreeSet<>(allCustomerNumbers("ops.lead", "globex"));
    assertEquals(customerNumbersInTheDatabase("acme"), acme);
    assertEquals(customerNumbersInTheDatabase("globex"), globex);
  }

  @Test
  void anIdFromAnotherTenantIsNotFoundEvenRightAfterItsOwnerReadIt() {
    long globexId = idOf("G-2001", "ops.lead", "globex");
    // read it as its own tenant first, so that any cache would now hold it ...
    assertEquals(200, Portal.get("/api/v1/customers/" + globexId, "cfo.globex", null).status());
    // ... and then ask for the same id from acme: exactly what a nonexistent id answers
    Reply reply = Portal.get("/api/v1/customers/" + globexId, "cfo.acme", null);
    assertEquals(404, reply.status());
    assertEquals(404, Portal.get("/api/v1/customers/999999999", "cfo.acme", null).status());
    assertEquals(
        reply.json().getString("type"),
        Portal.get("/api/v1/customers/999999999", "cfo.acme", null).json().getString("type"));
  }

  @Test
  void aCustomerSeesOnlyTheirOwnAccount() {
    List<String> numbers = allCustomerNumbers("customer.acme", null);
    assertEquals(List.of("A-1001"), numbers);
    long neighbour = idOf("A-1002", "agent.acme", "acme");
    assertEquals(404, Portal.get("/api/v1/customers/" + neighbour, "customer.acme", null).status());
    long other = idOf("G-2001", "ops.lead", "globex");
    assertEquals(404, Portal.get("/api/v1/customers/" + other, "customer.acme", null).status());
  }

  @Test
  void pagesFollowOneAnotherWithoutGapsOrRepeats() {
    List<String> oneByOne = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page =
          Portal.get(
                  "/api/v1/customers?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                  "agent.acme",
                  "acme")
              .json();
      page.getJsonArray("items")
          .getValuesAs(JsonObject.class)
          .forEach(c -> oneByOne.add(c.getString("number")));
      cursor = page.isNull("next") ? null : page.getString("next");
    } while (cursor != null);
    assertEquals(allCustomerNumbers("agent.acme", "acme"), oneByOne);
    assertEquals(new HashSet<>(oneByOne).size(), oneByOne.size());
  }

  @Test
  void moneyTravelsAsADecimalStringWithItsCurrency() {
    JsonObject first =
        Portal.get("/api/v1/customers?limit=1", "agent.acme", "acme")
            .json()
            .getJsonArray("items")
            .getJsonObject(0);
    assertEquals("50000.00", first.getJsonObject("creditLimit").getString("amount"));
    assertEquals("USD", first.getJsonObject("creditLimit").getString("currency"));
  }

  // ------------------------------------------------------------------ in the database, as the
  // application role

  @Test
  void withAcmeSetTheApplicationRoleSeesNoOtherTenantsRowsInAnyTenantOwnedTable()
      throws SQLException {
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      List<String> tables = tenantOwnedTables(db);
      assertTrue(
          tables.containsAll(List.of("customer_account", "customer_portal_user")),
          tables.toString());
      bind(db, "acme");
      for (String table : tables) {
        assertEquals(
            0, count(db, "select count(*) from " + table + " where tenant_id <> 'acme'"), table);
      }
      assertTrue(
          count(db, "select count(*) from customer_account") > 0, "acme has rows of its own");
      db.rollback();
      bind(db, "globex");
      assertTrue(count(db, "select count(*) from customer_account") > 0, "globex has rows to hide");
      db.rollback();
    }
  }

  @Test
  void withNoTenantSetOrAnEmptyOneTheApplicationRoleSeesNothing() throws SQLException {
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      for (String table : tenantOwnedTables(db)) {
        assertEquals(0, count(db, "select count(*) from " + table), table + " with no tenant set");
      }
      bind(db, "acme");
      db.commit(); // a pooled connection that once had the setting now reads '' rather than NULL
      for (String table : tenantOwnedTables(db)) {
        assertEquals(
            0, count(db, "select count(*) from " + table), table + " after the setting was reset");
      }
      db.rollback();
    }
  }

  @Test
  void theApplicationRoleCannotWriteARowIntoAnotherTenant() throws SQLException {
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> {
                try (Statement s = db.createStatement()) {
                  s.executeUpdate(
                      "insert into customer_account (tenant_id, number, name, country, currency) "
                          + "values ('globex', 'X-1', 'Smuggled', 'FR', 'EUR')");
                }
              });
      assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
      db.rollback();
      bind(db, "acme");
      try (Statement s = db.createStatement()) {
        assertEquals(
            0,
            s.executeUpdate(
                "update customer_account set name = 'hijacked' where tenant_id = 'globex'"));
      }
      db.rollback();
    }
  }

  @Test
  void theApplicationRoleCannotCallTheDeletionFunctionAtAll() throws SQLException {
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      try {
        SQLException refused =
            assertThrows(
                SQLException.class,
                () -> {
                  try (Statement s = db.createStatement()) {
                    s.execute("select delete_tenant_data('globex')");
                  }
                });
        assertEquals(
            "42501", refused.getSQLState(), refused.getMessage()); // insufficient_privilege
        assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
      } finally {
        db.rollback();
      }
    }
  }

  @Test
  void theEraserRoleMayCallItButStillNotForATenantNeverExported() throws SQLException {
    try (Connection app = Portal.asApplicationRole();
        Connection eraser = Portal.asEraser()) {
      app.setAutoCommit(false);
      eraser.setAutoCommit(false);
      try {
        try (Statement s = app.createStatement()) {
          s.execute("select set_config('app.tenant_id', 'never-exported', true)");
          s.executeUpdate(
              "insert into tenant (id, name, currency) values ('never-exported', 'Never exported', 'EUR') "
                  + "on conflict (id) do nothing");
        }
        app.commit();
        SQLException refused =
            assertThrows(
                SQLException.class,
                () -> {
                  try (Statement s = eraser.createStatement()) {
                    s.execute("select delete_tenant_data('never-exported')");
                  }
                });
        assertTrue(refused.getMessage().contains("has not been exported"), refused.getMessage());
        eraser.rollback();
        try (Statement s = eraser.createStatement()) {
          SQLException noTable =
              assertThrows(
                  SQLException.class, () -> s.executeQuery("select count(*) from invoice"));
          assertEquals(
              "42501", noTable.getSQLState(), "the eraser reads no table: " + noTable.getMessage());
        }
      } finally {
        eraser.rollback();
        // the owner removes the test tenant (and the rows its creation seeded) the way a deletion
        // does
        try (Connection owner = Portal.asOwner();
            Statement s = owner.createStatement()) {
          owner.setAutoCommit(false);
          s.executeUpdate(
              "insert into tenant_export (slug, actor, manifest) values ('never-exported', 'test', '{}')");
          s.execute("select delete_tenant_data('never-exported')");
          s.executeUpdate("delete from tenant_export where slug = 'never-exported'");
          owner.commit();
        }
      }
    }
  }

  @Test
  void theApplicationRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
    try (Connection db = Portal.asApplicationRole();
        Statement s = db.createStatement();
        ResultSet role =
            s.executeQuery(
                "select rolsuper, rolbypassrls, (select count(*) from pg_class where relowner = r.oid) "
                    + "from pg_roles r where rolname = current_user")) {
      assertTrue(role.next());
      assertFalse(role.getBoolean(1), "not a superuser");
      assertFalse(role.getBoolean(2), "no BYPASSRLS");
      assertEquals(0, role.getLong(3), "owns no table, so FORCE is not even needed for it");
    }
  }

  @Test
  void everyTenantOwnedTableForcesRowLevelSecurityWithAPolicyLeadsItsKeysWithTenantIdAndIsAudited()
      throws SQLException {
    try (Connection db = Portal.asApplicationRole()) {
      for (String table : tenantOwnedTables(db)) {
        try (PreparedStatement q =
            db.prepareStatement(
                "select c.relrowsecurity, c.relforcerowsecurity, "
                    + "(select count(*) from pg_policy p where p.polrelid = c.oid), "
                    + "(select count(*) from pg_index i where i.indrelid = c.oid and i.indisunique "
                    + "   and i.indkey[0] <> (select attnum from pg_attribute where attrelid = c.oid and attname = 'tenant_id')) "
                    + "from pg_class c where c.relname = ? and c.relnamespace = 'public'::regnamespace")) {
          q.setString(1, table);
          try (ResultSet rs = q.executeQuery()) {
            assertTrue(rs.next(), table);
            assertTrue(rs.getBoolean(1), table + ": row-level security on");
            assertTrue(rs.getBoolean(2), table + ": FORCE row-level security");
            assertTrue(rs.getLong(3) > 0, table + ": has a policy");
            assertEquals(
                0, rs.getLong(4), table + ": every unique key starts with tenant_id (Citus)");
          }
        }
        // the trail itself, the outbox, the receivables journal, the receivable balances, the
        // unapplied payments and the allocation days (derived from audited invoice and payment
        // changes, V80, V92, V102, V103), and webhooks' queue and secrets (V90: the endpoints are
        // audited)
        if (!table.equals("audit_event")
            && !table.equals("mail_outbox")
            && !table.equals("ar_posting")
            && !table.equals("receivable_balance")
            && !table.equals("invoice_sales_day")
            && !table.equals("unapplied_payment")
            && !table.equals("allocation_day")
            && !java.util.Set.of(
                    "webhook_secret", "webhook_event", "webhook_delivery", "webhook_attempt")
                .contains(table)) {
          // insert (4), delete (8) and update (16), each by one of the audit triggers (V118)
          assertEquals(
              28,
              count(
                  db,
                  "select coalesce(bit_or(tgtype::int) & 28, 0) from pg_trigger "
                      + "where tgname in ('audit_inserts', 'audit_updates', 'audit_deletes') "
                      + "and tgrelid = 'public."
                      + table
                      + "'::regclass"),
              table + ": inserts, updates and deletes go to the audit trail");
        }
      }
    }
  }

  /**
   * Citus-ready: a table distributed by tenant_id can only reference another distributed table
   * through a key that includes tenant_id in the same place (co-location); `tenant` itself is the
   * reference table every tenant table points at.
   */
  @Test
  void everyForeignKeyBetweenTenantTablesCarriesTenantIdSoTheyCanBeCoLocated() throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Connection db = Portal.asApplicationRole();
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                """
             select c.conname, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
                    array_to_string(array(select a.attname from unnest(c.conkey) with ordinality k(num, ord)
                      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.num order by k.ord), ',') as cols,
                    array_to_string(array(select a.attname from unnest(c.confkey) with ordinality k(num, ord)
                      join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.num order by k.ord), ',') as refs
             from pg_constraint c
             where c.contype = 'f' and c.connamespace = 'public'::regnamespace
               and exists (select 1 from pg_attribute a where a.attrelid = c.conrelid and a.attname = 'tenant_id')""")) {
      int checked = 0;
      while (rs.next()) {
        String parent = rs.getString("parent");
        if (parent.equals("tenant")) {
          continue;
        }
        checked++;
        List<String> cols = List.of(rs.getString("cols").split(","));
        List<String> refs = List.of(rs.getString("refs").split(","));
        int at = cols.indexOf("tenant_id");
        if (at < 0 || at >= refs.size() || !refs.get(at).equals("tenant_id")) {
          problems.add(
              rs.getString("child")
                  + "."
                  + rs.getString("conname")
                  + " ("
                  + cols
                  + ") -> "
                  + parent
                  + " "
                  + refs);
        }
      }
      assertTrue(
          checked > 50, "the catalog was read: " + checked + " foreign keys between tenant tables");
    }
    assertEquals(List.of(), problems, "foreign keys that could not be co-located by tenant_id");
  }

  // ------------------------------------------------------------------ helpers

  private static List<String> allCustomerNumbers(String user, String tenant) {
    JsonObject page = Portal.get("/api/v1/customers?limit=500", user, tenant).json();
    assertTrue(page.isNull("next"), "the demo tenants fit one page");
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(c -> c.getString("number"))
        .toList();
  }

  /** The tenant's customer numbers read as the owner, selected by the tenant column itself. */
  private static Set<String> customerNumbersInTheDatabase(String tenant) throws SQLException {
    Set<String> numbers = new TreeSet<>();
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, tenant);
      try (PreparedStatement s =
          db.prepareStatement("select number from customer_account where tenant_id = ?")) {
        s.setString(1, tenant);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            numbers.add(rs.getString(1));
          }
        }
      }
      db.rollback();
    }
    assertFalse(numbers.isEmpty(), tenant + " has customers");
    return numbers;
  }

  private static long idOf(String number, String user, String tenant) {
    JsonObject page = Portal.get("/api/v1/customers?q=" + number, user, tenant).json();
    JsonObject match =
        page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("number").equals(number))
            .findFirst()
            .orElse(null);
    assertNotNull(match, number + " is seeded");
    return match.getJsonNumber("id").longValue();
  }

  private static List<String> tenantOwnedTables(Connection db) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select c.relname from pg_class c "
                    + "join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped "
                    + "where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') order by 1")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  private static void bind(Connection db, String tenant) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
      s.setString(1, tenant);
      s.execute();
    }
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
