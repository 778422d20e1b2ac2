package com.bpo.portal.it.close;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Month-end close against a fixture month of its own in acme (March 2019, before any demo data),
 * with figures worked out by hand: the roll-forward ties to the aging at the month end, the
 * provision follows the policy at its bucket boundaries, the pack publishes only once the ledger
 * difference is explained to the cent, the client signs it off, and a back-dated invoice then goes
 * into the next open month as an adjustment, leaving the signed-off month as it was.
 *
 * <pre>
 * invoice  issued      due         total    March: what happened           owed on 31 March
 * CF-1     2019-02-10  2019-03-12  1000.00  400.00 paid 20 March           600.00, 19 days late
 * CF-2     2019-03-05  2019-04-04  2000.00  credit note 300.00 25 March   1700.00, not yet due
 * CF-3     2018-12-16  2019-01-15   500.00  written off (rebuild: due+60 = 16 March)   0
 * CF-4     2018-09-01  2018-10-01   800.00  nothing                         800.00, 181 days late
 * CF-5     2019-04-02  2019-05-02   700.00  (April)                          -
 * payment CF-P1 450.00 received 20 March, 400.00 applied: 50.00 unapplied at the month end
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CloseApiIT {
  static final String MONTH = "2019-03";
  static final String FIXTURE = "CF-";
  private static final List<String[]> LOCKED = new ArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeAll
  static void fixtureMonth() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      removeFixture(db);
      // acme's demo months are signed off, which (rightly) refuses anything dated before them: lift
      // the
      // lock while the 2019 fixture is loaded, and put it back afterwards
      try (Statement s = db.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select period, signed_off_by, signed_off_at from month_close "
                      + "where status = 'SIGNED_OFF'")) {
        while (rs.next()) {
          LOCKED.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
      update(
          db,
          "update month_close set status = 'PUBLISHED', signed_off_by = null, signed_off_at = null "
              + "where status = 'SIGNED_OFF'");
      long customer;
      try (PreparedStatement q =
          db.prepareStatement(
              "insert into customer_account (tenant_id, number, name, country, "
                  + "currency) values ('acme', 'CF-C1', 'Close fixture customer (test data)', 'US', 'USD') returning id")) {
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          customer = rs.getLong(1);
        }
      }
      long cf1 =
          invoice(db, customer, "CF-1", "2019-02-10", "2019-03-12", "1000.00", "400.00", "0", "0");
      long cf2 =
          invoice(db, customer, "CF-2", "2019-03-05", "2019-04-04", "2000.00", "0", "300.00", "0");
      invoice(db, customer, "CF-3", "2018-12-16", "2019-01-15", "500.00", "0", "0", "500.00");
      invoice(db, customer, "CF-4", "2018-09-01", "2018-10-01", "800.00", "0", "0", "0");
      invoice(db, customer, "CF-5", "2019-04-02", "2019-05-02", "700.00", "0", "0", "0");
      long payment;
      try (PreparedStatement q =
          db.prepareStatement(
              "insert into payment (tenant_id, reference, customer_account_id, "
                  + "received_on, currency, amount) values ('acme', 'CF-P1', ?, date '2019-03-20', 'USD', 450.00) returning id")) {
        q.setLong(1, customer);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          payment = rs.getLong(1);
        }
      }
      update(
          db,
          "insert into payment_allocation (tenant_id, payment_id, invoice_id, amount) values ('acme', "
              + payment
              + ", "
              + cf1
              + ", 400.00)");
      update(
          db,
          "insert into credit_note (tenant_id, number, invoice_id, issued_on, amount, reason) values ('acme', "
              + "'CF-CN1', "
              + cf2
              + ", date '2019-03-25', 300.00, 'Close fixture')");
      // the fixture was written with its history at once: post it on its own dates, as the demo
      // seed does
      update(db, "select ar_journal_rebuild('acme')");
      db.commit();
    }
  }

  /**
   * Each test starts from the fixture month as a draft with nothing entered, whatever ran before
   * it.
   */
  @BeforeEach
  void draftAgain() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      update(db, "delete from month_close_comment where period like '2019-%'");
      update(db, "delete from month_close where period like '2019-%'");
      update(db, "delete from reconciling_item where period like '2019-%'");
      update(db, "delete from ledger_balance where period like '2019-%'");
      update(
          db,
          "delete from ar_posting where invoice_id in (select id from invoice where number in ('CF-6', 'CF-LATE'))");
      update(db, "delete from invoice where number in ('CF-6', 'CF-LATE')");
      db.commit();
    }
  }

  @AfterAll
  static void removeFixtureAndRelock() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      removeFixture(db);
      for (String[] month : LOCKED) {
        try (PreparedStatement q =
            db.prepareStatement(
                "update month_close set status = 'SIGNED_OFF', "
                    + "signed_off_by = ?, signed_off_at = ?::timestamptz where period = ?")) {
          q.setString(1, month[1]);
          q.setString(2, month[2]);
          q.setString(3, month[0]);
          q.executeUpdate();
        }
      }
      update(db, "select ar_journal_rebuild('acme')");
      db.commit();
    }
  }

  @Test
  void theRollForwardTiesWithTheAgingAtTheMonthEndAndTheProvisionFollowsThePolicy() {
    JsonObject pack = lead("GET", "/api/v1/close/" + MONTH, null).json();
    assertEquals("DRAFT", pack.getString("status"));
    JsonObject usd = usd(pack);
    JsonObject flow = usd.getJsonObject("rollForward");
    assertMoney("2300.00", flow, "opening"); // CF-1 1000 + CF-3 500 + CF-4 800
    assertMoney("2000.00", flow, "invoiced"); // CF-2
    assertMoney("-400.00", flow, "cash");
    assertMoney("-300.00", flow, "credits");
    assertMoney("-500.00", flow, "writeOffs"); // CF-3
    assertMoney("3100.00", flow, "closing");
    assertMoney("0.00", flow, "difference");
    // the aging at the month end, from today's open amounts less what was posted since: the same
    // 3100.00
    BigDecimal aged = BigDecimal.ZERO;
    for (JsonObject line : usd.getJsonArray("aging").getValuesAs(JsonObject.class)) {
      aged = aged.add(amount(line, "amount"));
    }
    assertEquals(
        new BigDecimal("3100.00"), aged, "the roll-forward ties with the aging to the cent");
    assertEquals(new BigDecimal("1700.00"), amount(bucket(usd, "CURRENT"), "amount"));
    assertEquals(new BigDecimal("600.00"), amount(bucket(usd, "DAYS_1_30"), "amount"));
    assertEquals(
        new BigDecimal("800.00"),
        amount(bucket(usd, "DAYS_OVER_180"), "amount"),
        "181 days is over 180");
    // the policy: 1 % of 1-30, all of over 180; the opening (end of February) had 5 % of CF-3 (44
    // days)
    // and half of CF-4 (150 days); March's write-off used all of it, the rest is a charge
    JsonObject provision = usd.getJsonObject("provision");
    assertMoney("806.00", provision, "general"); // 6.00 + 800.00
    assertMoney("425.00", provision, "opening"); // 25.00 + 400.00
    assertMoney("425.00", provision, "used");
    assertMoney("806.00", provision, "charge");
    assertMoney("806.00", provision, "closing");
    assertMoney("50.00", usd, "unappliedCash");
  }

  @Test
  void aPackIsPublishedOnceTheLedgerIsExplainedToTheCentThenSignedOffAndTheMonthIsFinal()
      throws SQLException {
    assertEquals(403, Portal.get("/api/v1/close/" + MONTH, "customer.acme", null).status());
    assertEquals(
        404,
        Portal.get("/api/v1/close/" + MONTH, "cfo.acme", null).status(),
        "drafts are the BPO's");
    assertEquals(400, lead("GET", "/api/v1/close/9999-12", null).status());

    assertEquals(
        200,
        lead(
                "PUT",
                "/api/v1/close/" + MONTH + "/ledger",
                "{\"currency\":\"USD\",\"amount\":\"3200.00\"}")
            .status());
    Reply refused = lead("POST", "/api/v1/close/" + MONTH + "/publish", "{}");
    assertEquals(409, refused.status(), refused.body());
    assertTrue(refused.json().getString("type").endsWith("reconciliation-open"), refused.body());
    Reply badItem =
        lead(
            "POST",
            "/api/v1/close/" + MONTH + "/reconciling-items",
            "{\"currency\":\"USD\",\"kind\":\"GUESS\",\"amount\":\"1e9999\",\"explanation\":\"\"}");
    assertEquals(400, badItem.status());
    assertEquals(3, badItem.json().getJsonArray("errors").size(), badItem.body());
    assertEquals(
        201,
        lead(
                "POST",
                "/api/v1/close/" + MONTH + "/reconciling-items",
                "{\"currency\":\"USD\",\"kind\":\"UNAPPLIED_CASH\",\"amount\":\"50.00\",\"explanation\":\"CF-P1 not applied\"}")
            .status());
    JsonObject almost = usd(lead("GET", "/api/v1/close/" + MONTH, null).json());
    assertMoney("50.00", almost.getJsonObject("reconciliation"), "unexplained");
    assertEquals(
        201,
        lead(
                "POST",
                "/api/v1/close/" + MONTH + "/reconciling-items",
                "{\"currency\":\"USD\",\"kind\":\"TIMING\",\"amount\":\"50.00\",\"explanation\":\"Posted on the 31st\"}")
            .status());

    long version =
        lead("GET", "/api/v1/close/" + MONTH, null).json().getJsonNumber("version").longValue();
    assertEquals(
        409,
        lead("POST", "/api/v1/close/" + MONTH + "/publish", "{\"version\":" + (version + 7) + "}")
            .status(),
        "a stale version is refused");
    JsonObject published =
        lead("POST", "/api/v1/close/" + MONTH + "/publish", "{\"version\":" + version + "}").json();
    assertEquals("PUBLISHED", published.getString("status"));
    assertMoney("0.00", usd(published).getJsonObject("reconciliation"), "unexplained");

    // published figures are frozen: a later change to the month's data does not move what the
    // client reads
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      // allowed while the month is only published (not final): a new invoice dated in March
      update(
          db,
          "insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date, currency, "
              + "net_amount, tax_amount, total_amount) select 'acme', 'CF-6', id, date '2019-03-20', date '2019-04-20', "
              + "'USD', 10, 0, 10 from customer_account where number = 'CF-C1'");
      db.commit();
    }
    JsonObject seen = Portal.get("/api/v1/close/" + MONTH, "cfo.acme", null).json();
    assertMoney("3100.00", usd(seen).getJsonObject("rollForward"), "closing");
    assertEquals(
        new BigDecimal("3110.00"),
        new BigDecimal(
            usd(lead("POST", "/api/v1/close/" + MONTH + "/withdraw", "{}").json())
                .getJsonObject("rollForward")
                .getJsonObject("closing")
                .getString("amount")),
        "withdrawn, the draft is computed again and shows it");
    lead(
        "POST",
        "/api/v1/close/" + MONTH + "/reconciling-items",
        "{\"currency\":\"USD\",\"kind\":\"OTHER\",\"amount\":\"-10.00\",\"explanation\":\"CF-6 not in the ledger yet\"}");
    seen = lead("POST", "/api/v1/close/" + MONTH + "/publish", "{}").json();
    assertEquals("PUBLISHED", seen.getString("status"), seen.toString());
    seen = Portal.get("/api/v1/close/" + MONTH, "cfo.acme", null).json();
    assertTrue(
        seen.getJsonArray("actions").toString().contains("SIGN_OFF"),
        seen.getJsonArray("actions").toString());

    assertEquals(
        403,
        lead("POST", "/api/v1/close/" + MONTH + "/sign-off", "{}").status(),
        "the BPO cannot sign");
    Reply comment =
        Portal.post(
            "/api/v1/close/" + MONTH + "/comments",
            "cfo.acme",
            null,
            "{\"body\":\"Why is the provision up?\"}");
    assertEquals(200, comment.status(), comment.body());
    long current = seen.getJsonNumber("version").longValue();
    JsonObject signed =
        Portal.post(
                "/api/v1/close/" + MONTH + "/sign-off",
                "cfo.acme",
                null,
                "{\"version\":" + current + "}")
            .json();
    assertEquals("SIGNED_OFF", signed.getString("status"));
    assertEquals("cfo.acme", signed.getString("signedOffBy"));
    assertEquals(
        0, signed.getJsonArray("actions").size(), "nothing is left to do on a signed-off month");
    assertEquals(409, lead("POST", "/api/v1/close/" + MONTH + "/withdraw", "{}").status());

    // an invoice dated inside the signed-off month (a late item from the client's ledger) does not
    // change it: the database posts it into the first open month as an adjustment, on its own line
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      bind(db);
      update(
          db,
          "insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date, currency, "
              + "net_amount, tax_amount, total_amount) select 'acme', 'CF-LATE', id, date '2019-03-15', "
              + "date '2019-04-15', 'USD', 10, 0, 10 from customer_account where number = 'CF-C1'");
      try (Statement q = db.createStatement();
          ResultSet rs =
              q.executeQuery(
                  "select kind, amount, posted_on from ar_posting where invoice_id = "
                      + "(select id from invoice where number = 'CF-LATE')")) {
        assertTrue(rs.next());
        assertEquals("ADJUSTMENT", rs.getString("kind"));
        assertEquals(0, new BigDecimal("10.00").compareTo(rs.getBigDecimal("amount")));
        assertEquals(
            "2019-04-01", rs.getString("posted_on"), "the first day after the signed-off month");
        assertTrue(!rs.next(), "one posting");
      }
      db.commit();
    }
    JsonObject april = usd(lead("GET", "/api/v1/close/2019-04", null).json());
    assertMoney("10.00", april.getJsonObject("rollForward"), "adjustments");
    assertMoney("3110.00", april.getJsonObject("rollForward"), "opening");

    var pdf =
        Portal.bytes(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/close/" + MONTH + "/pdf"))
                .header("Authorization", "Bearer " + Portal.token("cfo.acme")));
    assertEquals(200, pdf.statusCode());
    assertEquals("%PDF-", new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
    HttpResponse<byte[]> xlsx =
        Portal.bytes(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/close/" + MONTH + "/xlsx"))
                .header("Authorization", "Bearer " + Portal.token("cfo.acme")));
    assertEquals(200, xlsx.statusCode());
    assertEquals("PK", new String(xlsx.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void aSpecificProvisionNeedsASecondPersonAndTheDatabaseRefusesTheMaker() throws SQLException {
    long customer = customerId();
    Reply proposed =
        lead(
            "POST",
            "/api/v1/close/specific-provisions",
            "{\"customerId\":"
                + customer
                + ",\"amount\":\"300.00\",\"reason\":\"CF fixture: insolvency\"}");
    assertEquals(201, proposed.status(), proposed.body());
    long id = proposed.json().getJsonNumber("id").longValue();
    assertEquals(
        403,
        lead("POST", "/api/v1/close/specific-provisions/" + id + "/decision", "{\"approve\":true}")
            .status(),
        "the maker cannot approve");
    assertEquals(
        404,
        Portal.post(
                "/api/v1/close/specific-provisions/" + id + "/decision",
                "cfo.globex",
                null,
                "{\"approve\":true}")
            .status(),
        "another tenant's provision does not exist there");
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      bind(db);
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  update(
                      db,
                      "update specific_provision set status = 'APPROVED', decided_by = proposed_by where id = "
                          + id));
      assertEquals("23514", e.getSQLState(), "the database refuses the maker as approver");
      db.rollback();
    }
    assertEquals(
        204,
        Portal.post(
                "/api/v1/close/specific-provisions/" + id + "/decision",
                "cfo.acme",
                null,
                "{\"approve\":true}")
            .status());
    assertEquals(
        409,
        Portal.post(
                "/api/v1/close/specific-provisions/" + id + "/decision",
                "cfo.acme",
                null,
                "{\"approve\":false}")
            .status(),
        "decided once");
  }

  @Test
  void theJournalAgreesWithEveryInvoiceOpenAmount() throws SQLException {
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      bind(db);
      try (Statement s = db.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select count(*) from invoice i left join (select invoice_id, sum(amount) as s "
                      + "from ar_posting where tenant_id = 'acme' group by invoice_id) p on p.invoice_id = i.id "
                      + "where i.tenant_id = 'acme' and coalesce(p.s, 0) <> i.open_amount")) {
        rs.next();
        assertEquals(0, rs.getLong(1), "every invoice's postings add up to its open amount");
      }
      db.rollback();
    }
  }

  // ------------------------------------------------------------------ helpers

  private static Reply lead(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Portal.URL + path))
            .header("Authorization", "Bearer " + Portal.token("ops.lead"))
            .header("X-Tenant", "acme")
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    return Portal.send(request);
  }

  private static JsonObject usd(JsonObject pack) {
    return pack.getJsonArray("currencies").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("currency").equals("USD"))
        .findFirst()
        .orElseThrow();
  }

  private static JsonObject bucket(JsonObject section, String name) {
    return section.getJsonArray("aging").getValuesAs(JsonObject.class).stream()
        .filter(l -> l.getString("bucket").equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static BigDecimal amount(JsonObject owner, String field) {
    JsonObject money = owner.getJsonObject(field);
    assertNotNull(money, field);
    return new BigDecimal(money.getString("amount"));
  }

  private static void assertMoney(String expected, JsonObject owner, String field) {
    assertEquals(new BigDecimal(expected), amount(owner, field), field);
  }

  private static long customerId() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("select id from customer_account where number = 'CF-C1'")) {
        rs.next();
        long id = rs.getLong(1);
        db.rollback();
        return id;
      }
    }
  }

  private static long invoice(
      Connection db,
      long customer,
      String number,
      String issued,
      String due,
      String total,
      String paid,
      String credited,
      String writtenOff)
      throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement(
            "insert into invoice (tenant_id, number, customer_account_id, "
                + "issue_date, due_date, currency, net_amount, tax_amount, total_amount, paid_amount, credited_amount, "
                + "written_off_amount) values ('acme', ?, ?, ?::date, ?::date, 'USD', ?::numeric, 0, ?::numeric, ?::numeric, "
                + "?::numeric, ?::numeric) returning id")) {
      q.setString(1, number);
      q.setLong(2, customer);
      q.setString(3, issued);
      q.setString(4, due);
      q.setString(5, total);
      q.setString(6, total);
      q.setString(7, paid);
      q.setString(8, credited);
      q.setString(9, writtenOff);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void removeFixture(Connection db) throws SQLException {
    update(db, "delete from month_close_comment where period like '2019-%'");
    update(db, "delete from month_close where period like '2019-%'");
    update(db, "delete from reconciling_item where period like '2019-%'");
    update(db, "delete from ledger_balance where period like '2019-%'");
    update(db, "delete from specific_provision where reason like 'CF fixture%'");
    update(
        db,
        "delete from ar_posting where invoice_id in (select id from invoice where number like '"
            + FIXTURE
            + "%')");
    update(
        db,
        "delete from payment_allocation where payment_id in (select id from payment where reference like 'CF-%')");
    update(db, "delete from payment where reference like 'CF-%'");
    update(db, "delete from credit_note where number like 'CF-%'");
    update(db, "delete from invoice where number like '" + FIXTURE + "%'");
    update(db, "delete from customer_account where number = 'CF-C1'");
  }

  private static void bind(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("select set_config('app.tenant_id', 'acme', true)");
    }
  }

  private static void update(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }
}
