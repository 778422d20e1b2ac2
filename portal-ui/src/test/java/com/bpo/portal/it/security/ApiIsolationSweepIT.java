package com.bpo.portal.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The isolation suite. Every operation of the API, as the OpenAPI document lists it (so a new
 * endpoint is swept without anyone remembering to add it), is tried without a token, with a forged
 * one, with an expired one, in a tenant the caller does not belong to, in a tenant that does not
 * exist, with the other tenant's ids for every role, and with another customer's ids; nothing may
 * answer with data. {@link #ID_TABLES} says which table an id parameter names; a path parameter it
 * does not know fails the suite, so a new one cannot slip through unswept.
 *
 * <p>The attacker acts in globex and aims at acme's rows (and customer.acme at acme's other
 * customers). Fixture rows the demo may lack (an import run, an attachment) are made and removed
 * here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIsolationSweepIT {
  /**
   * Path prefix (after /api/v1) and parameter → the table whose id it carries; most specific first.
   */
  static final Map<String, String> ID_TABLES = new LinkedHashMap<>();

  static {
    ID_TABLES.put("/disputes/{id}/attachments/{attachment}#attachment", "dispute_attachment");
    ID_TABLES.put("/disputes/{id}", "dispute");
    ID_TABLES.put("/customers/{id}", "customer_account");
    ID_TABLES.put("/invoices/{id}", "invoice");
    ID_TABLES.put("/imports/{id}", "import_run");
    ID_TABLES.put("/governance/meetings/{id}/attendees/{attendee}#attendee", "governance_attendee");
    ID_TABLES.put("/governance/meetings/{id}", "governance_meeting");
    ID_TABLES.put("/governance/entries/{id}/links/{kind}/{target}#target", "invoice");
    ID_TABLES.put("/governance/entries/{id}", "governance_entry");
    ID_TABLES.put("/governance/views/{id}", "governance_saved_view");
    ID_TABLES.put(
        "/procedures/{id}/versions/{version}/attachments/{attachment}#attachment",
        "procedure_attachment");
    ID_TABLES.put("/procedures/{id}/versions/{version}#version", "procedure_version");
    ID_TABLES.put("/procedures/{id}", "procedure");
    ID_TABLES.put("/close/{period}/reconciling-items/{id}", "reconciling_item");
    ID_TABLES.put("/close/specific-provisions/{id}", "specific_provision");
    ID_TABLES.put("/collections/accounts/{id}", "customer_account");
    ID_TABLES.put("/collections/promises/{id}", "promise_to_pay");
    ID_TABLES.put("/collections/runs/{id}", "dunning_run");
    ID_TABLES.put("/collections/notices/{id}", "dunning_notice");
    ID_TABLES.put("/credit/accounts/{id}", "customer_account");
    ID_TABLES.put("/credit/limit-requests/{id}", "credit_limit_request");
    ID_TABLES.put("/credit/holds/{id}", "credit_hold");
    ID_TABLES.put("/credit/refunds/{id}", "refund");
    ID_TABLES.put("/approvals/{id}", "approval");
    ID_TABLES.put("/cash/lines/{id}/candidates/{candidate}#candidate", "cash_match");
    ID_TABLES.put("/cash/lines/{id}", "bank_statement_line");
    ID_TABLES.put("/cash/statements/{id}", "bank_statement");
    ID_TABLES.put("/webhooks/endpoints/{id}", "webhook_endpoint");
    ID_TABLES.put("/webhooks/deliveries/{id}", "webhook_delivery");
  }

  /** Parameters that are not row ids: the same value means the caller's own tenant's record. */
  static final Map<String, String> NAMED_PARAMETERS =
      Map.of(
          "period", YearMonth.now().minusMonths(1).toString(),
          "code", "DSO",
          "kind", "INVOICE",
          "username", "cfo.acme",
          "slug", "acme");

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final List<String[]> GLOBEX_ACTORS =
      List.of(
          new String[] {"ops.lead", "globex"},
          new String[] {"cfo.globex", "globex"},
          new String[] {"customer.globex", "globex"});

  /**
   * acme's ids per table: of a customer other than customer.acme's account where the table has one.
   */
  private static final Map<String, Long> ACME_IDS = new LinkedHashMap<>();

  private static final List<String> FIXTURES = new ArrayList<>();
  private static List<String[]> operations;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeAll
  static void findTargets() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      long account =
          single(
              db, "select id from customer_account where tenant_id = 'acme' and number = 'A-1002'");
      ACME_IDS.put("customer_account", account);
      ACME_IDS.put(
          "invoice",
          single(
              db,
              "select min(id) from invoice where tenant_id = 'acme' and customer_account_id = "
                  + account));
      long dispute =
          single(
              db,
              "select min(id) from dispute where tenant_id = 'acme' and customer_account_id = "
                  + account);
      ACME_IDS.put("dispute", dispute);
      for (String table :
          List.of("governance_meeting", "governance_entry", "governance_attendee")) {
        ACME_IDS.put(
            table, single(db, "select min(id) from " + table + " where tenant_id = 'acme'"));
      }
      for (String table : List.of("credit_limit_request", "credit_hold", "approval")) {
        ACME_IDS.put(
            table, single(db, "select min(id) from " + table + " where tenant_id = 'acme'"));
      }
      long procedureVersion =
          single(db, "select min(id) from procedure_version where tenant_id = 'acme'");
      ACME_IDS.put("procedure_version", procedureVersion);
      ACME_IDS.put(
          "procedure",
          single(
              db,
              "select procedure_id from procedure_version where tenant_id = 'acme' "
                  + "and id = "
                  + procedureVersion));
      try (Statement s = db.createStatement()) {
        ResultSet view =
            s.executeQuery(
                "insert into governance_saved_view (tenant_id, username, name, filter) "
                    + "values ('acme', 'ops.lead', 'sweep', '{}') returning id");
        view.next();
        ACME_IDS.put("governance_saved_view", view.getLong(1));
        FIXTURES.add(
            "delete from governance_saved_view where tenant_id = 'acme' and id = "
                + view.getLong(1));
        ResultSet run =
            s.executeQuery(
                "insert into import_run (tenant_id, kind, file_name, sha256, outcome, data_rows, "
                    + "created, unchanged, error_count, created_by) values ('acme', 'INVOICES', 'sweep.csv', 'sweep', 'APPLIED', "
                    + "0, 0, 0, 0, 'sweep') returning id");
        run.next();
        ACME_IDS.put("import_run", run.getLong(1));
        FIXTURES.add("delete from import_run where tenant_id = 'acme' and id = " + run.getLong(1));
        ResultSet file =
            s.executeQuery(
                "insert into procedure_attachment (tenant_id, version_id, file_name, media_type, "
                    + "size_bytes, sha256, content, uploaded_by) values ('acme', "
                    + procedureVersion
                    + ", 'sweep.pdf', "
                    + "'application/pdf', 8, repeat('0', 64), '%PDF-1.4'::bytea, 'sweep') returning id");
        file.next();
        ACME_IDS.put("procedure_attachment", file.getLong(1));
        FIXTURES.add(
            "delete from procedure_attachment where tenant_id = 'acme' and id = "
                + file.getLong(1));
        ResultSet refund =
            s.executeQuery(
                "insert into refund (tenant_id, customer_account_id, amount, currency, "
                    + "payee_name, iban, reason, requested_by) values ('acme', "
                    + account
                    + ", 1, 'USD', 'sweep', "
                    + "'DE89370400440532013000', 'sweep', 'sweep') returning id");
        refund.next();
        ACME_IDS.put("refund", refund.getLong(1));
        FIXTURES.add("delete from refund where tenant_id = 'acme' and id = " + refund.getLong(1));
        ResultSet attachment =
            s.executeQuery(
                "insert into dispute_attachment (tenant_id, dispute_id, file_name, "
                    + "media_type, size_bytes, sha256, content, uploaded_by, party) values ('acme', "
                    + dispute
                    + ", 'sweep.pdf', "
                    + "'application/pdf', 8, repeat('0', 64), '%PDF-1.4'::bytea, 'sweep', 'BPO') returning id");
        attachment.next();
        ACME_IDS.put("dispute_attachment", attachment.getLong(1));
        FIXTURES.add(
            "delete from dispute_attachment where tenant_id = 'acme' and id = "
                + attachment.getLong(1));
        // collections: a strategy never in force, a run long past with a notice to A-1002, a
        // declined promise of A-1002
        ResultSet strategy =
            s.executeQuery(
                "insert into collection_strategy (tenant_id, code, version_no, name, "
                    + "effective_from, created_by) values ('acme', 'SWEEP', 1, 'sweep', '2999-01-01', 'sweep') returning id");
        strategy.next();
        long strategyId = strategy.getLong(1);
        ResultSet dunningRun =
            s.executeQuery(
                "insert into dunning_run (tenant_id, run_date, created_by) "
                    + "values ('acme', '2001-01-01', 'sweep') returning id");
        dunningRun.next();
        long runId = dunningRun.getLong(1);
        ACME_IDS.put("dunning_run", runId);
        ResultSet notice =
            s.executeQuery(
                "insert into dunning_notice (tenant_id, run_id, customer_account_id, level, "
                    + "strategy_id, step_no, action, template_key, needs_release, language, currency, total, status) values "
                    + "('acme', "
                    + runId
                    + ", "
                    + account
                    + ", 1, "
                    + strategyId
                    + ", 1, 'MAIL', 'first_reminder', true, "
                    + "'en', 'USD', 1.00, 'SENT') returning id");
        notice.next();
        ACME_IDS.put("dunning_notice", notice.getLong(1));
        ResultSet promise =
            s.executeQuery(
                "insert into promise_to_pay (tenant_id, customer_account_id, currency, amount, "
                    + "promised_on, status, made_on, created_by) values ('acme', "
                    + account
                    + ", 'USD', 1.00, '2001-01-02', "
                    + "'DECLINED', '2001-01-01', 'sweep') returning id");
        promise.next();
        long promiseId = promise.getLong(1);
        ACME_IDS.put("promise_to_pay", promiseId);
        FIXTURES.add("delete from promise_to_pay where tenant_id = 'acme' and id = " + promiseId);
        FIXTURES.add("delete from dunning_run where tenant_id = 'acme' and id = " + runId);
        FIXTURES.add(
            "delete from collection_strategy where tenant_id = 'acme' and id = " + strategyId);
        cashFixture(s);
        webhookFixture(db, s);
      }
      db.commit();
    }
    operations = operations();
  }

  /** A bank statement with one line and its suggested candidate, whatever the demo holds. */
  /**
   * acme's webhook endpoint (the demo's, disabled) and a delivery to it that has failed for good
   * (so the dispatcher never sends it), for the sweep to aim at.
   */
  private static void webhookFixture(Connection db, Statement s) throws SQLException {
    long endpoint = single(db, "select min(id) from webhook_endpoint where tenant_id = 'acme'");
    ACME_IDS.put("webhook_endpoint", endpoint);
    try (ResultSet event =
        s.executeQuery(
            "insert into webhook_event (tenant_id, type, data) values "
                + "('acme', 'sweep.fixture', '{}') returning id")) {
      event.next();
      long eventId = event.getLong(1);
      try (ResultSet delivery =
          s.executeQuery(
              "insert into webhook_delivery (tenant_id, endpoint_id, event_id, status, attempts,"
                  + " next_attempt_at) values ('acme', "
                  + endpoint
                  + ", "
                  + eventId
                  + ", 'FAILED', 15, null) returning id")) {
        delivery.next();
        ACME_IDS.put("webhook_delivery", delivery.getLong(1));
      }
      FIXTURES.add(
          "delete from webhook_delivery where tenant_id = 'acme' and id = "
              + ACME_IDS.get("webhook_delivery"));
      FIXTURES.add("delete from webhook_event where tenant_id = 'acme' and id = " + eventId);
    }
  }

  private static void cashFixture(Statement s) throws SQLException {
    ResultSet account =
        s.executeQuery(
            "insert into bank_account (tenant_id, account, currency, name) values "
                + "('acme', 'SWEEPCASH0000000001', 'EUR', 'sweep') returning id");
    account.next();
    long accountId = account.getLong(1);
    ResultSet statement =
        s.executeQuery(
            "insert into bank_statement (tenant_id, bank_account_id, statement_id, format, "
                + "file_sha256, line_count, imported_by) values ('acme', "
                + accountId
                + ", 'sweep', 'CSV', 'sweep', 1, "
                + "'sweep') returning id");
    statement.next();
    long statementId = statement.getLong(1);
    ResultSet line =
        s.executeQuery(
            "insert into bank_statement_line (tenant_id, statement_id, entry_ref, booking_date, "
                + "amount, currency, status, version) values ('acme', "
                + statementId
                + ", 'sweep', current_date, 1.00, 'EUR', "
                + "'SUGGESTED', 1) returning id");
    line.next();
    long lineId = line.getLong(1);
    ResultSet match =
        s.executeQuery(
            "insert into cash_match (tenant_id, line_id, rule, confidence, status, reason, "
                + "decided_by) values ('acme', "
                + lineId
                + ", 'REFERENCE', 0.5, 'SUGGESTED', 'sweep', 'sweep') returning id");
    match.next();
    ACME_IDS.put("bank_statement", statementId);
    ACME_IDS.put("bank_statement_line", lineId);
    ACME_IDS.put("cash_match", match.getLong(1));
    FIXTURES.add("delete from cash_match where tenant_id = 'acme' and line_id = " + lineId);
    FIXTURES.add("delete from bank_statement_line where tenant_id = 'acme' and id = " + lineId);
    FIXTURES.add("delete from bank_statement where tenant_id = 'acme' and id = " + statementId);
    FIXTURES.add("delete from bank_account where tenant_id = 'acme' and id = " + accountId);
  }

  @AfterAll
  static void removeFixtures() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (Statement s = db.createStatement()) {
        for (String delete : FIXTURES) {
          s.executeUpdate(delete);
        }
      }
      db.commit();
    }
  }

  @Test
  void theSweepCoversTheWholeApiAndKnowsEveryPathParameter() {
    assertTrue(operations.size() >= 40, "the OpenAPI document lists the API: " + operations.size());
    List<String> unknown = new ArrayList<>();
    for (String[] operation : operations) {
      Matcher m = PARAMETER.matcher(operation[1]);
      while (m.find()) {
        if (!NAMED_PARAMETERS.containsKey(m.group(1)) && table(operation[1], m.group(1)) == null) {
          unknown.add(operation[0] + " " + operation[1] + " {" + m.group(1) + "}");
        }
      }
    }
    assertEquals(List.of(), unknown, "teach ID_TABLES which table these parameters name");
  }

  @Test
  void everyOperationRefusesAMissingForgedOrUnsignedToken() {
    String real = Portal.token("ops.lead");
    String[] parts = real.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + flipped(parts[2]);
    String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    String selfMade =
        parts[0]
            + "."
            + base64(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("\"ops.lead\"", "\"admin\""))
            + "."
            + parts[2];
    List<String> leaks = new ArrayList<>();
    for (String[] operation : operations) {
      String path = concrete(operation[1], null);
      expect(leaks, 401, call(operation[0], path, null, "acme"), operation, "no token");
      expect(leaks, 401, call(operation[0], path, forged, "acme"), operation, "forged signature");
      expect(leaks, 401, call(operation[0], path, unsigned, "acme"), operation, "alg none");
      expect(leaks, 401, call(operation[0], path, selfMade, "acme"), operation, "edited claims");
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void everyOperationRefusesAnExpiredToken() throws InterruptedException {
    // a genuine Keycloak token from a client whose tokens live 3 s; the server under test allows 2
    // s of skew
    String form =
        "grant_type=password&client_id=portal-cli-expiring&username=ops.lead&password=demo"
            + "&scope="
            + java.net.URLEncoder.encode("openid organization:*", StandardCharsets.UTF_8);
    Reply issued =
        Portal.send(
            HttpRequest.newBuilder(
                    URI.create(Portal.KEYCLOAK + "/realms/portal/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertEquals(200, issued.status(), issued.body());
    String token = issued.json().getString("access_token");
    assertEquals(200, call("GET", "/api/v1/me", token, "acme").status(), "fresh, it is accepted");
    long expiresAt =
        jakarta.json.Json.createReader(
                new java.io.StringReader(
                    new String(
                        Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                        StandardCharsets.UTF_8)))
            .readObject()
            .getJsonNumber("exp")
            .longValue();
    Thread.sleep(Math.max(0, (expiresAt + 3) * 1000 - System.currentTimeMillis()));
    List<String> leaks = new ArrayList<>();
    for (String[] operation : operations) {
      expect(
          leaks,
          401,
          call(operation[0], concrete(operation[1], null), token, "acme"),
          operation,
          "expired");
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void everyOperationRefusesATenantTheCallerDoesNotBelongToOrThatDoesNotExist() {
    List<String> leaks = new ArrayList<>();
    for (String[] operation : operations) {
      String path = concrete(operation[1], null);
      expect(
          leaks,
          403,
          call(operation[0], path, Portal.token("cfo.globex"), "acme"),
          operation,
          "cfo.globex in acme");
      expect(
          leaks,
          403,
          call(operation[0], path, Portal.token("customer.globex"), "acme"),
          operation,
          "customer.globex in acme");
      expect(
          leaks,
          403,
          call(operation[0], path, Portal.token("ops.lead"), "no-such-tenant"),
          operation,
          "a tenant that does not exist");
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void noOperationServesOrChangesAnotherTenantsRecordsForAnyRole() {
    List<String> leaks = new ArrayList<>();
    for (String[] operation : operations) {
      if (!operation[1].contains("{") || operation[1].startsWith("/api/v1/admin/")) {
        continue; // nothing to aim at; the admin paths take no tenant and refuse every tenant role
      }
      String path = concrete(operation[1], ACME_IDS);
      if (path == null) {
        continue; // no id parameter: it can only name the caller's own tenant's records
      }
      for (String[] actor : GLOBEX_ACTORS) {
        Reply reply = call(operation[0], path, Portal.token(actor[0]), actor[1]);
        refused(leaks, reply, operation, actor[0] + " in " + actor[1] + " with acme's ids");
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void noOperationServesOrChangesAnotherCustomersRecords() {
    List<String> leaks = new ArrayList<>();
    for (String[] operation : operations) {
      String path =
          operation[1].startsWith("/api/v1/admin/") ? null : concrete(operation[1], ACME_IDS);
      if (path != null) {
        refused(
            leaks,
            call(operation[0], path, Portal.token("customer.acme"), "acme"),
            operation,
            "customer.acme with A-1002's ids");
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void collectionsListOnlyTheCallersTenant() throws SQLException {
    Map<String, String> collections =
        Map.of(
            "/api/v1/customers?limit=500",
            "customer_account",
            "/api/v1/invoices?limit=500",
            "invoice",
            "/api/v1/disputes?limit=500",
            "dispute",
            "/api/v1/audit?limit=500",
            "audit_event",
            "/api/v1/governance/entries?limit=500",
            "governance_entry");
    Map<String, java.util.Set<Long>> acme = new LinkedHashMap<>();
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      for (String table : collections.values()) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        try (Statement s = db.createStatement();
            ResultSet rs =
                s.executeQuery("select id from " + table + " where tenant_id = 'acme'")) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
        acme.put(table, ids);
      }
      db.rollback();
    }
    List<String> leaks = new ArrayList<>();
    for (String[] actor :
        List.of(
            new String[] {"ops.lead", "globex"},
            new String[] {"cfo.globex", "globex"},
            new String[] {"customer.globex", "globex"},
            new String[] {"customer.acme", "acme"})) {
      for (Map.Entry<String, String> collection : collections.entrySet()) {
        Reply reply = Portal.get(collection.getKey(), actor[0], actor[1]);
        if (reply.status() != 200) {
          continue; // a role refusal leaks nothing
        }
        for (JsonObject item : reply.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
          long id = item.getJsonNumber("id").longValue();
          boolean foreign =
              actor[1].equals("globex")
                  ? acme.get(collection.getValue()).contains(id)
                  : collection.getValue().equals("customer_account")
                      && id == ACME_IDS.get("customer_account");
          if (foreign) {
            leaks.add(
                collection.getKey()
                    + " as "
                    + actor[0]
                    + " listed "
                    + collection.getValue()
                    + " "
                    + id);
          }
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Refused means no success and, for a read, the same answer a missing id gets (or a role
   * refusal).
   */
  private static void refused(List<String> leaks, Reply reply, String[] operation, String who) {
    boolean ok =
        reply.status() >= 400
            && reply.status() != 500
            && (!operation[0].equals("GET") || reply.status() == 404 || reply.status() == 403);
    if (!ok) {
      leaks.add(
          operation[0]
              + " "
              + operation[1]
              + " as "
              + who
              + " answered "
              + reply.status()
              + ": "
              + abbreviate(reply.body()));
    }
  }

  private static void expect(
      List<String> leaks, int status, Reply reply, String[] operation, String how) {
    if (reply.status() != status) {
      leaks.add(
          operation[0]
              + " "
              + operation[1]
              + " ("
              + how
              + ") answered "
              + reply.status()
              + " instead of "
              + status
              + ": "
              + abbreviate(reply.body()));
    }
  }

  /** Every (method, path) of the OpenAPI document, paths as the client calls them. */
  private static List<String[]> operations() {
    Reply document =
        Portal.send(HttpRequest.newBuilder(URI.create(Portal.URL + "/openapi?format=JSON")).GET());
    assertEquals(200, document.status(), document.body());
    JsonObject paths = document.json().getJsonObject("paths");
    List<String[]> found = new ArrayList<>();
    for (String path : new TreeSet<>(paths.keySet())) {
      String full = path.startsWith("/api/") ? path : "/api/v1" + path;
      for (String method : paths.getJsonObject(path).keySet()) {
        String verb = method.toUpperCase(java.util.Locale.ROOT);
        if (List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(verb)) {
          found.add(new String[] {verb, full});
        }
      }
    }
    return found;
  }

  /**
   * The path with each parameter filled: ids from {@code ids} (null: any number), or null if it has
   * no id.
   */
  private static String concrete(String template, Map<String, Long> ids) {
    Matcher m = PARAMETER.matcher(template);
    StringBuilder out = new StringBuilder();
    boolean aimed = false;
    while (m.find()) {
      String name = m.group(1);
      String value;
      if (NAMED_PARAMETERS.containsKey(name)) {
        value = NAMED_PARAMETERS.get(name);
      } else {
        String table = table(template, name);
        Long id = ids == null || table == null ? null : ids.get(table);
        value = id == null ? "1" : id.toString();
        aimed |= id != null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return ids == null || aimed ? out.toString() : null;
  }

  private static String table(String template, String parameter) {
    String relative = template.replaceFirst("^/api/v1", "");
    for (Map.Entry<String, String> entry : ID_TABLES.entrySet()) {
      String[] key = entry.getKey().split("#");
      String prefix = key[0];
      String named =
          key.length > 1
              ? key[1]
              : PARAMETER
                  .matcher(prefix)
                  .results()
                  .reduce((a, b) -> b)
                  .map(r -> r.group(1))
                  .orElse("");
      if (relative.startsWith(prefix) && named.equals(parameter)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static Reply call(String method, String path, String token, String tenant) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Portal.URL + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                method.equals("GET") || method.equals("DELETE")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (tenant != null) {
      request.header("X-Tenant", tenant);
    }
    return Portal.send(request);
  }

  private static String flipped(String signature) {
    char[] chars = signature.toCharArray();
    for (int i = 0; i < 8 && i < chars.length; i++) {
      chars[i] = chars[i] == 'A' ? 'B' : 'A';
    }
    return new String(chars);
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String abbreviate(String body) {
    return body.length() > 160 ? body.substring(0, 160) + "…" : body;
  }

  private static long single(Connection db, String sql) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      assertTrue(rs.next(), sql);
      long value = rs.getLong(1);
      assertTrue(!rs.wasNull(), "the demo data has a row for: " + sql);
      return value;
    }
  }

  static void bind(Connection db, String tenant) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
      s.setString(1, tenant);
      s.execute();
    }
  }
}
