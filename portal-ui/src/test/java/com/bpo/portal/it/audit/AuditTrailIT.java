package com.bpo.portal.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail: a change made through the API is recorded in the same transaction with who,
 * which request, and only what changed; the application role can add and read records but never
 * alter them; the hash chain finds a record edited behind the application's back; only team leads
 * and client stakeholders read the trail, each only their tenant's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditTrailIT {
  private static final String MARK = "Audit IT contact";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @AfterAll
  static void removeTestContacts() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "delete from customer_contact where tenant_id = 'acme' and name like '" + MARK + "%'");
        s.executeUpdate(
            "delete from dispute_message where tenant_id = 'acme' and body like '" + MARK + "%'");
        // A-1003's demo primary gets its flag back
        s.executeUpdate(
            "update customer_contact x set is_primary = true from customer_account c "
                + "where c.tenant_id = x.tenant_id and c.id = x.customer_account_id and c.number = 'A-1003' "
                + "and x.name = 'Accounts payable' and not exists (select 1 from customer_contact y "
                + "where y.tenant_id = x.tenant_id and y.customer_account_id = x.customer_account_id and y.is_primary)");
      }
      db.commit();
    }
  }

  @Test
  void aChangeThroughTheApiIsRecordedWithItsActorRequestAndOnlyTheFieldsThatChanged() {
    long account = account("A-1003");
    HttpResponse<byte[]> added =
        Portal.bytes(
            HttpRequest.newBuilder(
                    URI.create(Portal.URL + "/api/v1/customers/" + account + "/contacts"))
                .header("Authorization", "Bearer " + Portal.token("agent.acme"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \""
                            + MARK
                            + " primary\", \"role\": \"Treasurer\", "
                            + "\"email\": \"audit-it@road-runner.example\", \"primary\": true}")));
    assertEquals(201, added.statusCode(), new String(added.body(), StandardCharsets.UTF_8));
    String requestId = added.headers().firstValue("X-Request-Id").orElseThrow();
    long contact =
        Json.createReader(new StringReader(new String(added.body(), StandardCharsets.UTF_8)))
            .readObject()
            .getJsonNumber("id")
            .longValue();

    List<JsonObject> created =
        records("entity=customer_contact&entityId=" + contact, "ops.lead", "acme");
    assertEquals(1, created.size(), created.toString());
    JsonObject insert = created.get(0);
    assertEquals("INSERT", insert.getString("action"));
    assertEquals("agent.acme", insert.getString("actor"));
    assertEquals(requestId, insert.getString("requestId"), "the record carries the request's id");
    assertEquals(MARK + " primary", insert.getJsonObject("after").getString("name"));
    assertTrue(!insert.containsKey("before") || insert.isNull("before"), "an insert has no before");

    // taking the primary flag changed the previous primary in the same request: one UPDATE, that
    // field only
    List<JsonObject> updates =
        records("entity=customer_contact&action=UPDATE&actor=agent.acme", "ops.lead", "acme")
            .stream()
            .filter(r -> r.containsKey("requestId") && requestId.equals(r.getString("requestId")))
            .toList();
    assertEquals(1, updates.size(), updates.toString());
    JsonObject update = updates.get(0);
    assertEquals(true, update.getJsonObject("before").getBoolean("is_primary"));
    assertEquals(false, update.getJsonObject("after").getBoolean("is_primary"));
    assertFalse(
        update.getJsonObject("after").containsKey("name"),
        "unchanged fields are left out: " + update);
  }

  @Test
  void theApplicationRoleCanAddAndReadTheTrailButNeverChangeOrDeleteIt() throws SQLException {
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "insert into audit_event (tenant_id, actor, action, entity) values ('acme', 'it', 'EXPORT', 'it')");
        assertTrue(count(db, "select count(*) from audit_event where tenant_id = 'acme'") > 0);
      }
      SQLException update =
          assertThrows(
              SQLException.class,
              () -> {
                try (Statement s = db.createStatement()) {
                  s.executeUpdate(
                      "update audit_event set actor = 'someone else' where tenant_id = 'acme'");
                }
              });
      assertEquals("42501", update.getSQLState(), "permission denied");
      db.rollback();
      bind(db, "acme");
      SQLException delete =
          assertThrows(
              SQLException.class,
              () -> {
                try (Statement s = db.createStatement()) {
                  s.executeUpdate("delete from audit_event where tenant_id = 'acme'");
                }
              });
      assertEquals("42501", delete.getSQLState(), "permission denied");
      db.rollback();
    }
  }

  @Test
  void theApplicationRoleCannotSwitchTheTrailOffForWhatItChanges() throws SQLException {
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        bind(db, "acme");
        for (String setting : List.of("off", "summary", "statement")) {
          s.execute("select set_config('portal.audit', '" + setting + "', true)");
          long before =
              count(
                  db,
                  "select count(*) from audit_event where tenant_id = 'acme' and entity = 'customer_contact'");
          s.executeUpdate(
              "update customer_contact set role = role || ' ' where tenant_id = 'acme' "
                  + "and id = (select min(id) from customer_contact where tenant_id = 'acme')");
          assertEquals(
              before + 1,
              count(
                  db,
                  "select count(*) from audit_event where tenant_id = 'acme' "
                      + "and entity = 'customer_contact'"),
              "portal.audit = " + setting + " did not silence the change");
        }
        // 'statement' spares the inserts of a statement's import only (V116): a line changed
        // afterwards is recorded
        s.execute("select set_config('portal.audit', 'statement', true)");
        String lineRecords =
            "select count(*) from audit_event where tenant_id = 'acme' "
                + "and entity = 'bank_statement_line' and action = 'UPDATE'";
        long before = count(db, lineRecords);
        assertEquals(
            1,
            s.executeUpdate(
                "update bank_statement_line set reference = reference || ' ' where tenant_id = 'acme' "
                    + "and id = (select min(id) from bank_statement_line where tenant_id = 'acme')"));
        assertEquals(before + 1, count(db, lineRecords), "a line changed under 'statement'");
      } finally {
        db.rollback();
      }
    }
  }

  /**
   * The triggers record a statement's rows in one go (V118): still one record per row, an insert
   * and a delete with every value, an update with only the columns that changed on each row and
   * nothing for a row it left as it was; a long value by its digest; and a table keyed otherwise
   * than by (tenant_id, id) still records an update of its key (row by row).
   */
  @Test
  void aStatementOfManyRowsIsRecordedRowByRowWithOnlyWhatChangedOnEach() throws SQLException {
    String mine = "tenant_id = 'acme' and entity = 'customer_contact' and ";
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        bind(db, "acme");
        long account = count(db, "select min(id) from customer_account where tenant_id = 'acme'");
        assertEquals(
            3,
            s.executeUpdate(
                "insert into customer_contact (tenant_id, customer_account_id, name, role, created_by) "
                    + "select 'acme', "
                    + account
                    + ", '"
                    + MARK
                    + " bulk ' || g, 'role ' || g, 'it' from generate_series(1, 3) g"));
        assertEquals(
            3,
            count(
                db,
                "select count(*) from audit_event where "
                    + mine
                    + "action = 'INSERT' and before is null and after ->> 'name' like '"
                    + MARK
                    + " bulk %' and after ? 'created_at' and after ->> 'id' = entity_id"),
            "three inserts, each with its values");

        assertEquals(
            3,
            s.executeUpdate(
                "update customer_contact set role = case when name like '% 1' then role else role || ' changed' end "
                    + "where tenant_id = 'acme' and name like '"
                    + MARK
                    + " bulk %'"));
        assertEquals(
            2,
            count(
                db,
                "select count(*) from audit_event where "
                    + mine
                    + "action = 'UPDATE' and after ->> 'role' = (before ->> 'role') || ' changed' "
                    + "and before - 'role' = '{}' and after - 'role' = '{}'"),
            "two rows changed, each recorded with its role only; the third changed nothing");

        s.executeUpdate(
            "update customer_contact set role = repeat('x', 3000) where tenant_id = 'acme' and name = '"
                + MARK
                + " bulk 2'");
        assertEquals(
            1,
            count(
                db,
                "select count(*) from audit_event where "
                    + mine
                    + "action = 'UPDATE' and after -> 'role' ->> 'length' = '3000' "
                    + "and after -> 'role' ->> 'sha256' = encode(sha256(convert_to(repeat('x', 3000), 'UTF8')), 'hex') "
                    + "and before ->> 'role' = 'role 2 changed'"),
            "a value longer than 2,000 characters is kept by its digest");

        assertEquals(
            2,
            s.executeUpdate(
                "delete from customer_contact where tenant_id = 'acme' and name in ('"
                    + MARK
                    + " bulk 1', '"
                    + MARK
                    + " bulk 3')"));
        assertEquals(
            2,
            count(
                db,
                "select count(*) from audit_event where "
                    + mine
                    + "action = 'DELETE' and after is null and before ->> 'name' like '"
                    + MARK
                    + " bulk %' and before ->> 'id' = entity_id"),
            "two deletes, each with the values it had");

        s.executeUpdate(
            "insert into dispute_reason (tenant_id, code, label) values ('acme', 'IT_AUDIT_A', 'IT')");
        assertEquals(
            1,
            s.executeUpdate(
                "update dispute_reason set code = 'IT_AUDIT_B' where tenant_id = 'acme' and code = 'IT_AUDIT_A'"));
        assertEquals(
            1,
            count(
                db,
                "select count(*) from audit_event where tenant_id = 'acme' and entity = 'dispute_reason' "
                    + "and action = 'UPDATE' and before ->> 'code' = 'IT_AUDIT_A' and after ->> 'code' = 'IT_AUDIT_B'"),
            "an update of a key other than (tenant_id, id) is recorded");
      } finally {
        db.rollback();
      }
    }
  }

  @Test
  void theHashChainFindsARecordEditedBehindTheApplicationsBackAndIsWholeAgainOnceItIsRestored()
      throws SQLException {
    // something to seal: an export is recorded
    assertEquals(200, Portal.get("/api/v1/audit?limit=1", "cfo.acme", "acme").status());
    long newest = records("limit=1", "ops.lead", "acme").get(0).getJsonNumber("id").longValue();
    seal();
    List<JsonObject> listed = records("limit=100", "ops.lead", "acme");
    assertTrue(
        listed.stream()
            .filter(r -> r.getJsonNumber("id").longValue() <= newest)
            .allMatch(r -> r.containsKey("sealSeq")),
        "what was there before sealing reads as sealed: " + listed);
    JsonObject intact = Portal.get("/api/v1/audit/verification", "ops.lead", "acme").json();
    assertTrue(intact.getBoolean("intact"), intact.toString());
    assertTrue(intact.getJsonNumber("checked").longValue() > 0);

    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      long seq;
      String actor;
      try (Statement s = db.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select seal_seq, actor from audit_event where tenant_id = 'acme' "
                      + "and seal_seq is not null order by seal_seq desc limit 1 offset 1")) {
        assertTrue(rs.next());
        seq = rs.getLong(1);
        actor = rs.getString(2);
      }
      try (PreparedStatement tamper =
          db.prepareStatement(
              "update audit_event set actor = 'nobody' where tenant_id = 'acme' and seal_seq = ?")) {
        tamper.setLong(1, seq);
        assertEquals(1, tamper.executeUpdate());
      }
      db.commit();
      try {
        JsonObject broken = Portal.get("/api/v1/audit/verification", "cfo.acme", "acme").json();
        assertFalse(broken.getBoolean("intact"), broken.toString());
        assertEquals(seq, broken.getJsonNumber("brokenAt").longValue());
      } finally {
        bind(db, "acme");
        try (PreparedStatement restore =
            db.prepareStatement(
                "update audit_event set actor = ? where tenant_id = 'acme' and seal_seq = ?")) {
          restore.setString(1, actor);
          restore.setLong(2, seq);
          restore.executeUpdate();
        }
        db.commit();
      }
    }
    assertTrue(
        Portal.get("/api/v1/audit/verification", "ops.lead", "acme").json().getBoolean("intact"));
  }

  @Test
  void anExportOfTheTrailIsItselfRecorded() {
    HttpResponse<byte[]> csv =
        Portal.bytes(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/audit?action=SIGN_IN"))
                .header("Authorization", "Bearer " + Portal.token("cfo.acme"))
                .header("Accept", "text/csv"));
    assertEquals(200, csv.statusCode());
    assertTrue(
        new String(csv.body(), StandardCharsets.UTF_8).startsWith("id,occurred_at,actor,action"));
    JsonObject latest =
        records("action=EXPORT&actor=cfo.acme&entity=audit_event", "ops.lead", "acme").get(0);
    assertEquals("action=SIGN_IN", latest.getJsonObject("after").getString("filter"));
  }

  @Test
  void onlyLeadsAndStakeholdersReadTheTrailAndEachOnlyTheirTenants() {
    assertEquals(401, Portal.get("/api/v1/audit", null, null).status());
    assertEquals(403, Portal.get("/api/v1/audit", "agent.acme", null).status());
    assertEquals(403, Portal.get("/api/v1/audit", "customer.acme", null).status());
    assertEquals(
        403, Portal.get("/api/v1/audit", "cfo.globex", "acme").status(), "not a member of acme");
    Reply added =
        Portal.post(
            "/api/v1/customers/" + account("A-1003") + "/contacts",
            "agent.acme",
            null,
            "{\"name\": \""
                + MARK
                + " plain\", \"role\": \"Buyer\", \"phone\": \"+1 555 0199\", \"primary\": false}");
    assertEquals(201, added.status(), added.body());
    String contact = added.json().getJsonNumber("id").toString();
    assertEquals(
        1, records("entity=customer_contact&entityId=" + contact, "cfo.acme", "acme").size());
    assertTrue(
        records("entity=customer_contact&entityId=" + contact, "ops.lead", "globex").isEmpty(),
        "acme's record is not in globex's trail");
    assertEquals(400, Portal.get("/api/v1/audit?from=yesterday", "ops.lead", "acme").status());
  }

  @Test
  void aClientStakeholderDoesNotReadAnInternalDisputeNoteThroughTheTrailNorItsCsv() {
    Reply disputes = Portal.get("/api/v1/disputes?limit=1", "agent.acme", "acme");
    assertEquals(200, disputes.status(), disputes.body());
    assertFalse(
        disputes.json().getJsonArray("items").isEmpty(), "acme has disputes in the demo data");
    long dispute =
        disputes.json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    String note = MARK + " internal note: customer is bluffing " + System.nanoTime();
    Reply posted =
        Portal.post(
            "/api/v1/disputes/" + dispute + "/messages",
            "agent.acme",
            "acme",
            Json.createObjectBuilder()
                .add("body", note)
                .add("visibility", "INTERNAL")
                .build()
                .toString());
    assertEquals(201, posted.status(), posted.body());
    long message =
        Portal.get("/api/v1/disputes/" + dispute + "/messages", "agent.acme", "acme")
            .structure()
            .asJsonArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(m -> note.equals(m.getString("body")))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    String query = "entity=dispute_message&entityId=" + message;

    List<JsonObject> asLead = records(query, "ops.lead", "acme");
    assertEquals(1, asLead.size());
    assertEquals(
        note, asLead.get(0).getJsonObject("after").getString("body"), "the BPO reads its own note");

    Reply asStakeholder = Portal.get("/api/v1/audit?" + query, "cfo.acme", "acme");
    assertEquals(200, asStakeholder.status(), asStakeholder.body());
    assertFalse(asStakeholder.body().contains("bluffing"), asStakeholder.body());
    JsonObject record = asStakeholder.json().getJsonArray("items").getJsonObject(0);
    assertEquals(
        "INTERNAL",
        record.getJsonObject("after").getString("visibility"),
        "the record keeps its place");
    assertFalse(
        Portal.get("/api/v1/audit?entity=dispute_message", "cfo.acme", "acme")
            .body()
            .contains("bluffing"),
        "nor in the unfiltered list");

    HttpResponse<byte[]> csv =
        Portal.bytes(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/audit?" + query))
                .header("Authorization", "Bearer " + Portal.token("cfo.acme"))
                .header("Accept", "text/csv"));
    assertEquals(200, csv.statusCode());
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertTrue(text.startsWith("id,occurred_at"), text);
    assertFalse(text.contains("bluffing"), text);

    assertEquals(
        403,
        Portal.get("/api/v1/audit?" + query, "customer.acme", null).status(),
        "a customer: nothing");
  }

  // ------------------------------------------------------------------ helpers

  private static List<JsonObject> records(String query, String user, String tenant) {
    Reply reply = Portal.get("/api/v1/audit?" + query, user, tenant);
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static long account(String number) {
    JsonObject match =
        Portal.get("/api/v1/customers?q=" + number, "agent.acme", null)
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(c -> c.getString("number").equals(number))
            .findFirst()
            .orElse(null);
    assertNotNull(match, number + " is seeded");
    return match.getJsonNumber("id").longValue();
  }

  /** What the server's sealer does every few seconds, done now so the test need not wait for it. */
  private static void seal() throws SQLException {
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select audit_seal(100000)");
      }
      db.commit();
    }
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
