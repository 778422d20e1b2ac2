package com.bpo.portal.it.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Imports that sync by the client's numbers: the same file again writes nothing, a changed file
 * updates exactly the invoices that changed (and the receivables journal follows), a change to an
 * invoice the BPO worked on is refused with its reason, and the connectors' JSON lines endpoint
 * answers a replayed Idempotency-Key with its first result.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportSyncIT {
  private static final String HEADER =
      "invoice_number,customer_number,issue_date,due_date,currency,line_no,description,"
          + "quantity,unit_price,tax_rate,invoice_total\n";

  /** Three invoices of A-1001 (USD), the first with two lines. */
  private static final String FILE =
      HEADER
          + "SYNC-1,A-1001,2026-11-01,2026-12-01,USD,1,Licence,2,150.00,0.20,660.00\n"
          + "SYNC-1,A-1001,2026-11-01,2026-12-01,USD,2,Support,1,250.00,0.20,660.00\n"
          + "SYNC-2,A-1001,2026-11-02,2026-12-02,USD,1,Licence,1,100.00,0,100.00\n"
          + "SYNC-3,A-1001,2026-11-03,2026-12-03,USD,1,Licence,1,300.00,0,300.00\n";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeEach
  @AfterEach
  void removeFixture() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select set_config('app.tenant_id', 'acme', true)");
        s.executeUpdate(
            "delete from ar_posting where tenant_id = 'acme' and invoice_id in "
                + "(select id from invoice where tenant_id = 'acme' and number like 'SYNC-%')");
        s.executeUpdate("delete from invoice where tenant_id = 'acme' and number like 'SYNC-%'");
        s.executeUpdate(
            "delete from customer_account where tenant_id = 'acme' and number like 'SYNC-%'");
      }
      db.commit();
    }
  }

  @Test
  void theSameFileAgainWritesNothingAndAChangedFileUpdatesExactlyTheChangedInvoices()
      throws SQLException {
    Reply first = csv(FILE);
    assertEquals(201, first.status(), first.body());
    assertCounts(first.json(), 3, 0, 0, 0);
    Map<String, String> written = rowVersions();
    long postings = postings();

    Reply again = csv(FILE);
    assertEquals(201, again.status(), again.body());
    assertCounts(again.json(), 0, 0, 3, 0);
    assertEquals(written, rowVersions(), "no invoice or line was written again (version, xmin)");
    assertEquals(postings, postings(), "nothing posted to the journal");

    String changed =
        FILE.replace("SYNC-1,A-1001,2026-11-01,2026-12-01", "SYNC-1,A-1001,2026-11-01,2026-12-31")
            .replace("Licence,1,100.00,0,100.00", "Licence,1,80.00,0,80.00");
    Reply sync = csv(changed);
    assertEquals(201, sync.status(), sync.body());
    assertCounts(sync.json(), 0, 2, 1, 0);
    Map<String, String> after = rowVersions();
    assertEquals(version(written, "SYNC-1") + 1, version(after, "SYNC-1"));
    assertEquals(version(written, "SYNC-2") + 1, version(after, "SYNC-2"));
    assertEquals(written.get("SYNC-3"), after.get("SYNC-3"), "the unchanged invoice untouched");
    assertEquals(
        written.get("SYNC-1 lines"), after.get("SYNC-1 lines"), "a new due date keeps the lines");
    assertEquals("2026-12-31", invoice("SYNC-1").getString("dueDate"));
    assertEquals("80.00", invoice("SYNC-2").getJsonObject("total").getString("amount"));
    assertJournalMatchesOpenAmounts();
  }

  @Test
  void aChangeToAnInvoiceUnderDisputeOrPaidIsRefusedWithItsReasonAndTheFileIsNotApplied()
      throws SQLException {
    assertEquals(201, csv(FILE).status());
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select set_config('app.tenant_id', 'acme', true)");
        s.executeUpdate(
            "update invoice set disputed = true, disputed_amount = 10 where number = 'SYNC-2'");
        s.executeUpdate("update invoice set paid_amount = 50 where number = 'SYNC-3'");
      }
      db.commit();
    }
    Map<String, String> before = rowVersions();
    String changed =
        FILE.replace("SYNC-1,A-1001,2026-11-01,2026-12-01", "SYNC-1,A-1001,2026-11-01,2026-12-31")
            .replace("SYNC-2,A-1001,2026-11-02,2026-12-02", "SYNC-2,A-1001,2026-11-02,2026-12-31")
            .replace("Licence,1,300.00,0,300.00", "Licence,1,350.00,0,350.00");
    Reply refused = csv(changed);
    assertEquals(422, refused.status(), refused.body());
    Portal.assertProblem(refused, "import-rejected");
    List<JsonObject> errors = refused.json().getJsonArray("errors").getValuesAs(JsonObject.class);
    assertEquals(2, errors.size(), refused.body());
    assertEquals(3, errors.get(0).getInt("row"));
    assertEquals("due_date", errors.get(0).getString("field"));
    assertTrue(errors.get(0).getString("message").contains("under dispute"), refused.body());
    assertEquals(4, errors.get(1).getInt("row"));
    assertTrue(errors.get(1).getString("message").contains("has 50.00 paid"), refused.body());
    assertEquals(before, rowVersions(), "not even the free change of SYNC-1 was kept");

    String id = refused.json().getString("detail").replaceAll(".*/imports/(\\d+)/errors", "$1");
    JsonObject run = Portal.get("/api/v1/imports/" + id, "agent.acme", "acme").json();
    assertCounts(run, 0, 0, 0, 2);
    assertJournalMatchesOpenAmounts();
  }

  /**
   * Past the import's groups: invoices are compared with the stored ones a thousand at a time and
   * written ten thousand at a time, so a refusal in the last group is found after a later row's
   * field error (the report still lists them in row order), and a change in the first group and one
   * in the second are both applied, with the balances and the journal equal to the invoices.
   */
  @Test
  void aFileOfThousandsOfInvoicesSyncsAcrossItsGroupsAndReportsErrorsInRowOrder()
      throws SQLException {
    Reply first = csv(manyInvoices(Map.of()));
    assertEquals(201, first.status(), first.body());
    assertCounts(first.json(), 2500, 0, 0, 0);
    try (Connection db = acme();
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(distinct i.id), count(l.line_no) from invoice i join invoice_line l "
                    + "on l.tenant_id = i.tenant_id and l.invoice_id = i.id "
                    + "where i.tenant_id = 'acme' and i.number like 'SYNC-B-%'")) {
      rs.next();
      assertEquals(List.of(2500L, 2500L), List.of(rs.getLong(1), rs.getLong(2)));
    }
    try (Connection db = acme();
        Statement s = db.createStatement()) {
      s.executeUpdate("update invoice set paid_amount = 10 where number = 'SYNC-B-2300'");
    }
    Map<String, String> before = rowVersions();

    Reply refused =
        csv(
            manyInvoices(
                Map.of(
                    5, "2026-12-31,USD,1,Service,1,100.00,0,100.00",
                    2300, "2026-12-31,USD,1,Service,1,100.00,0,100.00",
                    2450, "2026-12-01,XX,1,Service,1,100.00,0,100.00")));
    assertEquals(422, refused.status(), refused.body());
    List<JsonObject> errors = refused.json().getJsonArray("errors").getValuesAs(JsonObject.class);
    assertEquals(
        List.of(2300, 2450),
        errors.stream().map(e -> e.getInt("row")).toList(),
        "the refusal found last is listed first: " + refused.body());
    assertTrue(errors.get(0).getString("message").contains("has 10.00 paid"), refused.body());
    assertEquals(before, rowVersions(), "nothing of the rejected file was kept");

    Reply sync =
        csv(
            manyInvoices(
                Map.of(
                    5, "2026-12-31,USD,1,Service,1,100.00,0,100.00",
                    1500, "2026-12-01,USD,1,Service,1,175.50,0,175.50")));
    assertEquals(201, sync.status(), sync.body());
    assertCounts(sync.json(), 0, 2, 2498, 0);
    Map<String, String> after = rowVersions();
    assertEquals(version(before, "SYNC-B-0005") + 1, version(after, "SYNC-B-0005"));
    assertEquals(before.get("SYNC-B-0005 lines"), after.get("SYNC-B-0005 lines"));
    assertEquals(version(before, "SYNC-B-1500") + 1, version(after, "SYNC-B-1500"));
    assertEquals(before.get("SYNC-B-0006"), after.get("SYNC-B-0006"), "an unchanged one untouched");
    assertEquals("2026-12-31", invoice("SYNC-B-0005").getString("dueDate"));
    assertEquals("175.50", invoice("SYNC-B-1500").getJsonObject("total").getString("amount"));
    assertJournalMatchesOpenAmounts();
    try (Connection db = acme();
        Statement s = db.createStatement();
        ResultSet drift = s.executeQuery("select * from receivable_balance_drift('acme')")) {
      assertTrue(!drift.next(), "the receivable balances equal the invoices");
    }
  }

  /**
   * 2,500 one-line invoices SYNC-B-0001… of A-1001, 100.00 due 2026-12-01, invoice n on row n;
   * {@code changed} gives some their fields from the due date on.
   */
  private static String manyInvoices(Map<Integer, String> changed) {
    StringBuilder file = new StringBuilder(HEADER);
    for (int n = 1; n <= 2500; n++) {
      file.append(String.format("SYNC-B-%04d,A-1001,2026-11-01,", n))
          .append(changed.getOrDefault(n, "2026-12-01,USD,1,Service,1,100.00,0,100.00"))
          .append('\n');
    }
    return file.toString();
  }

  @Test
  void aCustomerAccountThatChangedIsUpdatedAndOneWithInvoicesKeepsItsCurrency() {
    String header = "customer_number,name,country,currency,payment_terms_days,credit_limit\n";
    assertCounts(
        csv("customers", header + "SYNC-C1,Sync Ltd,GB,GBP,30,1000.00\n").json(), 1, 0, 0, 0);
    Reply changed = csv("customers", header + "SYNC-C1,Sync Ltd,GB,GBP,45,2500.00\n");
    assertEquals(201, changed.status(), changed.body());
    assertCounts(changed.json(), 0, 1, 0, 0);
    Reply currency = csv("customers", header + "A-1001,x,US,EUR,30,0\n");
    assertEquals(422, currency.status(), currency.body());
    assertEquals(
        "currency",
        currency.json().getJsonArray("errors").getJsonObject(0).getString("field"),
        currency.body());
  }

  @Test
  void theBulkEndpointAnswersAReplayedKeyWithTheFirstResultAndRefusesTheKeyWithAnotherBody()
      throws SQLException {
    String lines =
        "{\"invoice_number\":\"SYNC-10\",\"customer_number\":\"A-1001\",\"issue_date\":\"2026-11-01\","
            + "\"due_date\":\"2026-12-01\",\"currency\":\"USD\",\"line_no\":1,\"description\":\"Licence\","
            + "\"quantity\":2,\"unit_price\":\"150.00\",\"tax_rate\":0.20,\"invoice_total\":360.00}\n";
    String key = "sync-it-" + UUID.randomUUID();
    HttpResponse<byte[]> first = bulk("invoices", key, lines);
    assertEquals(201, first.statusCode(), text(first));
    JsonObject report = reply(first).json();
    assertCounts(report, 1, 0, 0, 0);
    Map<String, String> written = rowVersions();

    HttpResponse<byte[]> replay = bulk("invoices", key, lines);
    assertEquals(201, replay.statusCode(), text(replay));
    assertEquals(text(first), text(replay), "the first answer, word for word");
    assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(null));
    assertEquals(written, rowVersions(), "nothing imported again");

    Reply reused = reply(bulk("invoices", key, lines.replace("360.00", "361.00")));
    assertEquals(422, reused.status(), reused.body());
    Portal.assertProblem(reused, "idempotency-key-reused");
    Reply otherKind = reply(bulk("customers", key, lines));
    assertEquals(422, otherKind.status(), otherKind.body());

    Reply newKey = reply(bulk("invoices", key + "-2", lines));
    assertEquals(201, newKey.status(), newKey.body());
    assertCounts(newKey.json(), 0, 0, 1, 0);

    // a rejected upload is replayed as it was answered
    String badKey = key + "-bad";
    HttpResponse<byte[]> bad =
        bulk("invoices", badKey, lines.replace("\"USD\"", "\"XX\"") + "[]\n");
    assertEquals(422, bad.statusCode(), text(bad));
    HttpResponse<byte[]> badAgain =
        bulk("invoices", badKey, lines.replace("\"USD\"", "\"XX\"") + "[]\n");
    assertEquals(422, badAgain.statusCode());
    assertEquals(text(bad), text(badAgain));
    assertEquals(2, reply(bad).json().getJsonArray("errors").size(), text(bad));

    assertEquals(404, reply(bulk("receipts", key + "-kind", lines)).status());
    assertEquals(
        400,
        reply(bulk("invoices", "a key with spaces", lines)).status(),
        "a key must be visible ASCII without spaces");
  }

  @Test
  void onlyTheBpoUsesTheBulkEndpoint() {
    HttpRequest.Builder anonymous =
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/imports/invoices"))
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofString("{}\n"));
    assertEquals(401, Portal.send(anonymous).status());
    assertEquals(
        403,
        Portal.send(
                HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/imports/invoices"))
                    .header("Content-Type", "application/x-ndjson")
                    .header("Authorization", "Bearer " + Portal.token("cfo.acme"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}\n")))
            .status());
  }

  // ------------------------------------------------------------------ helpers

  private static void assertCounts(
      JsonObject report, long created, long updated, long unchanged, long refused) {
    assertEquals(
        List.of(created, updated, unchanged, refused),
        List.of(
            report.getJsonNumber("created").longValue(),
            report.getJsonNumber("updated").longValue(),
            report.getJsonNumber("unchanged").longValue(),
            report.getJsonNumber("refused").longValue()),
        report.toString());
  }

  /** Per invoice "version/xmin", and per invoice "… lines" the xmins of its lines. */
  private static Map<String, String> rowVersions() throws SQLException {
    Map<String, String> versions = new TreeMap<>();
    try (Connection db = acme();
        PreparedStatement q =
            db.prepareStatement(
                "select i.number, i.version || '/' || i.xmin as v, "
                    + "(select string_agg(l.xmin::text, ',' order by l.line_no) from invoice_line l "
                    + "where l.tenant_id = i.tenant_id and l.invoice_id = i.id) as lines "
                    + "from invoice i where i.tenant_id = 'acme' and i.number like 'SYNC-%'");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        versions.put(rs.getString("number"), rs.getString("v"));
        versions.put(rs.getString("number") + " lines", rs.getString("lines"));
      }
    }
    return versions;
  }

  /** The owner obeys row-level security too: a session bound to acme. */
  private static Connection acme() throws SQLException {
    Connection db = Portal.asOwner();
    try (Statement s = db.createStatement()) {
      s.execute("select set_config('app.tenant_id', 'acme', false)");
    }
    return db;
  }

  private static long version(Map<String, String> versions, String number) {
    return Long.parseLong(versions.get(number).split("/")[0]);
  }

  private static long postings() throws SQLException {
    try (Connection db = acme();
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from ar_posting where tenant_id = 'acme' and invoice_id in "
                    + "(select id from invoice where tenant_id = 'acme' and number like 'SYNC-%')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void assertJournalMatchesOpenAmounts() throws SQLException {
    try (Connection db = acme();
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select i.number, i.open_amount, coalesce(sum(p.amount), 0) as posted "
                    + "from invoice i left join ar_posting p on p.tenant_id = i.tenant_id "
                    + "and p.invoice_id = i.id where i.tenant_id = 'acme' and i.number like 'SYNC-%' "
                    + "group by i.number, i.open_amount")) {
      int invoices = 0;
      while (rs.next()) {
        invoices++;
        BigDecimal open = rs.getBigDecimal("open_amount");
        assertEquals(
            0, open.compareTo(rs.getBigDecimal("posted")), rs.getString("number") + " " + open);
      }
      assertTrue(invoices > 0);
    }
  }

  private static Reply csv(String file) {
    return csv("invoices", file);
  }

  private static Reply csv(String kind, String file) {
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/imports?kind=" + kind))
            .header("Content-Type", "text/csv")
            .header("Authorization", "Bearer " + Portal.token("agent.acme"))
            .header("X-Tenant", "acme")
            .POST(HttpRequest.BodyPublishers.ofString(file)));
  }

  private static HttpResponse<byte[]> bulk(String kind, String key, String lines) {
    return Portal.bytes(
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/imports/" + kind))
            .header("Content-Type", "application/x-ndjson")
            .header("Idempotency-Key", key)
            .header("Authorization", "Bearer " + Portal.token("agent.acme"))
            .header("X-Tenant", "acme")
            .POST(HttpRequest.BodyPublishers.ofString(lines)));
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static Reply reply(HttpResponse<byte[]> response) {
    return new Reply(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        text(response));
  }

  private static JsonObject invoice(String number) {
    return Portal.get("/api/v1/invoices?q=" + number, "agent.acme", "acme")
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(i -> i.getString("number").equals(number))
        .findFirst()
        .orElseThrow();
  }
}
