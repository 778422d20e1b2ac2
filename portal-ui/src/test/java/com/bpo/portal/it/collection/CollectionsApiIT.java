package com.bpo.portal.it.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Collections over HTTP against a fixture in acme: four accounts of its own (numbers FIX-COLL-*),
 * all PUBLIC_SECTOR so that the fixture strategy (rank 0, made through the API) is theirs while the
 * demo's strategies keep the demo accounts. The dunning scenario (run, run again, release, mail in
 * GreenMail in English and French) is one test, because a tenant has one run a day; acme's run of
 * today is removed first so the scenario starts from nothing.
 *
 * <p>Fixture (days relative to today in acme's zone): C1 (English, medium risk): I1 100.00 due -1
 * (level 1), I2 200.00 due -20 (level 2), I3 50.00 due -3 wholly disputed, I5 80.00 due -2 under an
 * open promise, I4 999.00 due +10 (no step yet). C2 (French, high risk): 300.00 due -16 (level 2).
 * C3 (on hold, low risk): 75.00 due -5. C4: two promises made 20 days ago for 10 days ago, one paid
 * 12 days ago, the other not at all; its collector is a fixture staff member.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CollectionsApiIT {
  static final String FIXTURE = "FIX-COLL-";
  static final String COLLECTOR = "it.collector";

  /**
   * C4's collector, a member of acme's staff made here, so that the demo's broken promises do not
   * outrank it.
   */
  static final String PROMISE_COLLECTOR = "it.promises";

  static final String EN_MAILBOX = "ap@fix-coll-en.example";
  static final String FR_MAILBOX = "ap@fix-coll-fr.example";
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

  static final Map<String, Long> ACCOUNTS = new LinkedHashMap<>();
  static final Map<String, Long> INVOICES = new LinkedHashMap<>();
  static long keptPromise;
  static long brokenPromise;
  static long customerInvoice;
  static GreenMail smtp;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeAll
  static void createFixture() throws SQLException {
    smtp = new GreenMail(ServerSetupTest.SMTP);
    smtp.start();
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      deleteFixture(db);
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "insert into tenant_staff (tenant_id, username, display_name, email, role) values ('acme', '"
                + PROMISE_COLLECTOR
                + "', 'Fixture collector (test data)', 'it.promises@bpo.example', 'bpo-agent')");
        s.executeUpdate(
            "insert into tenant_staff (tenant_id, username, display_name, email, role) values ('acme', '"
                + COLLECTOR
                + "', 'Fixture collector (test data)', null, 'bpo-agent')");
        // today's run starts from nothing (its notices cascade)
        s.executeUpdate(
            "delete from dunning_run where tenant_id = 'acme' and run_date = '" + TODAY + "'");
      }
      account(db, "C1", "en", "MEDIUM", false, COLLECTOR, EN_MAILBOX);
      account(
          db,
          "C2",
          "en",
          "MEDIUM",
          false,
          COLLECTOR,
          FR_MAILBOX); // French and high risk through the API
      account(db, "C3", "en", "LOW", true, COLLECTOR, null);
      account(db, "C4", "en", "MEDIUM", false, PROMISE_COLLECTOR, null);
      invoice(db, "I1", "C1", -1, "100.00", "0");
      invoice(db, "I2", "C1", -20, "200.00", "0");
      invoice(db, "I3", "C1", -3, "50.00", "50.00");
      invoice(db, "I4", "C1", 10, "999.00", "0");
      invoice(db, "I5", "C1", -2, "80.00", "0");
      invoice(db, "J1", "C2", -16, "300.00", "0");
      invoice(db, "K1", "C3", -5, "75.00", "0");
      invoice(db, "L1", "C4", 30, "500.00", "0");
      invoice(db, "L2", "C4", 30, "400.00", "0");
      brokenPromise = promise(db, "C4", "L1", "500.00");
      keptPromise = promise(db, "C4", "L2", "400.00");
      try (Statement s = db.createStatement()) {
        ResultSet pay =
            s.executeQuery(
                "insert into payment (tenant_id, reference, customer_account_id, received_on, "
                    + "currency, amount) values ('acme', '"
                    + FIXTURE
                    + "PAY', "
                    + ACCOUNTS.get("C4")
                    + ", '"
                    + TODAY.minusDays(12)
                    + "', 'USD', 400.00) returning id");
        pay.next();
        long payment = pay.getLong(1);
        s.executeUpdate(
            "insert into payment_allocation (tenant_id, payment_id, invoice_id, amount) values ('acme', "
                + payment
                + ", "
                + INVOICES.get("L2")
                + ", 400.00)");
        s.executeUpdate(
            "update invoice set paid_amount = 400.00 where tenant_id = 'acme' and id = "
                + INVOICES.get("L2"));
        ResultSet open =
            s.executeQuery(
                "select min(id) from invoice where tenant_id = 'acme' and open_amount > 10 "
                    + "and disputed_amount = 0 and customer_account_id = (select id from customer_account where tenant_id = 'acme' "
                    + "and number = 'A-1001')");
        open.next();
        customerInvoice = open.getLong(1);
      }
      db.commit();
    }
    // the fixture strategy, through the API: the first reminder the day after due, the second at 15
    // days
    Reply strategy =
        Portal.post(
            "/api/v1/collections/strategies",
            "ops.lead",
            "acme",
            """
        {"code": "ITFIX", "name": "Fixture strategy (test data)", "rank": 0, "customerTypes": ["PUBLIC_SECTOR"],
         "effectiveFrom": "%s", "steps": [
           {"dayOffset": 1, "level": 1, "action": "MAIL", "templateKey": "first_reminder", "needsRelease": true},
           {"dayOffset": 15, "level": 2, "action": "LETTER", "templateKey": "second_reminder", "needsRelease": true}]}
        """
                .formatted(TODAY.minusDays(1)));
    assertEquals(201, strategy.status(), strategy.body());
    Reply french =
        put(
            "/api/v1/collections/accounts/" + ACCOUNTS.get("C2"),
            "ops.lead",
            """
        {"riskClass": "HIGH", "customerType": "PUBLIC_SECTOR", "language": "fr", "onHold": false, "version": 0}""");
    assertEquals(200, french.status(), french.body());
    assertEquals("fr", french.json().getString("language"));
    Reply promised =
        Portal.post(
            "/api/v1/collections/accounts/" + ACCOUNTS.get("C1") + "/promises",
            "agent.acme",
            "acme",
            "{\"amount\": \"80.00\", \"promisedOn\": \""
                + TODAY.plusDays(5)
                + "\", \"invoiceIds\": ["
                + INVOICES.get("I5")
                + "]}");
    assertEquals(201, promised.status(), promised.body());
    assertEquals("OPEN", promised.json().getString("status"));
  }

  @AfterAll
  static void removeFixture() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      deleteFixture(db);
      db.commit();
    } finally {
      if (smtp != null) {
        smtp.stop();
      }
    }
  }

  private static void bind(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("select set_config('app.tenant_id', 'acme', true)");
    }
  }

  private static void deleteFixture(Connection db) throws SQLException {
    String accounts =
        "(select id from customer_account where tenant_id = 'acme' and number like '"
            + FIXTURE
            + "%')";
    try (Statement s = db.createStatement()) {
      s.executeUpdate(
          "delete from dunning_notice where tenant_id = 'acme' and (customer_account_id in "
              + accounts
              + " or strategy_id in (select id from collection_strategy where tenant_id = 'acme' and code = 'ITFIX'))");
      s.executeUpdate(
          "delete from collection_strategy where tenant_id = 'acme' and code = 'ITFIX'");
      s.executeUpdate(
          "delete from promise_to_pay where tenant_id = 'acme' and (customer_account_id in "
              + accounts
              + " or note = 'fixture')");
      s.executeUpdate(
          "delete from payment_allocation where tenant_id = 'acme' and payment_id in (select id from payment "
              + "where tenant_id = 'acme' and reference like '"
              + FIXTURE
              + "%')");
      s.executeUpdate(
          "delete from payment where tenant_id = 'acme' and reference like '" + FIXTURE + "%'");
      s.executeUpdate(
          "delete from invoice where tenant_id = 'acme' and customer_account_id in " + accounts);
      // activities, profiles and contacts cascade from the account
      s.executeUpdate(
          "delete from customer_account where tenant_id = 'acme' and number like '"
              + FIXTURE
              + "%'");
      s.executeUpdate(
          "delete from tenant_staff where tenant_id = 'acme' and username in ('"
              + PROMISE_COLLECTOR
              + "', '"
              + COLLECTOR
              + "')");
    }
  }

  private static void account(
      Connection db,
      String key,
      String language,
      String risk,
      boolean hold,
      String collector,
      String email)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into customer_account (tenant_id, number, name, country, "
                + "currency, collector) values ('acme', ?, ?, 'US', 'USD', ?) returning id")) {
      insert.setString(1, FIXTURE + key);
      insert.setString(2, "Fixture " + key + " (test data)");
      insert.setString(3, collector);
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        ACCOUNTS.put(key, rs.getLong(1));
      }
    }
    if (!key.equals("C2")) {
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into collection_account (tenant_id, customer_account_id, "
                  + "risk_class, customer_type, language, on_hold, hold_reason) values ('acme', ?, ?, 'PUBLIC_SECTOR', ?, ?, ?)")) {
        insert.setLong(1, ACCOUNTS.get(key));
        insert.setString(2, risk);
        insert.setString(3, language);
        insert.setBoolean(4, hold);
        insert.setString(5, hold ? "Fixture hold" : null);
        insert.executeUpdate();
      }
    }
    if (email != null) {
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into customer_contact (tenant_id, customer_account_id, "
                  + "name, email, is_primary, created_by) values ('acme', ?, 'Accounts payable', ?, true, 'it')")) {
        insert.setLong(1, ACCOUNTS.get(key));
        insert.setString(2, email);
        insert.executeUpdate();
      }
    }
  }

  private static void invoice(
      Connection db, String key, String account, int dueInDays, String total, String disputed)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into invoice (tenant_id, number, customer_account_id, "
                + "issue_date, due_date, currency, net_amount, tax_amount, total_amount, disputed_amount, disputed) "
                + "values ('acme', ?, ?, ?, ?, 'USD', ?, 0, ?, ?, ?) returning id")) {
      insert.setString(1, FIXTURE + key);
      insert.setLong(2, ACCOUNTS.get(account));
      insert.setObject(3, TODAY.plusDays(dueInDays).minusDays(30));
      insert.setObject(4, TODAY.plusDays(dueInDays));
      insert.setBigDecimal(5, new BigDecimal(total));
      insert.setBigDecimal(6, new BigDecimal(total));
      insert.setBigDecimal(7, new BigDecimal(disputed));
      insert.setBoolean(8, new BigDecimal(disputed).signum() > 0);
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        INVOICES.put(key, rs.getLong(1));
      }
    }
  }

  /** A promise made 20 days ago for 10 days ago, on one invoice. */
  private static long promise(Connection db, String account, String invoice, String amount)
      throws SQLException {
    long id;
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into promise_to_pay (tenant_id, customer_account_id, "
                + "currency, amount, promised_on, status, made_on, created_by) values ('acme', ?, 'USD', ?, ?, 'OPEN', ?, 'it') "
                + "returning id")) {
      insert.setLong(1, ACCOUNTS.get(account));
      insert.setBigDecimal(2, new BigDecimal(amount));
      insert.setObject(3, TODAY.minusDays(10));
      insert.setObject(4, TODAY.minusDays(20));
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    try (Statement s = db.createStatement()) {
      s.executeUpdate(
          "insert into promise_invoice (tenant_id, promise_id, invoice_id) values ('acme', "
              + id
              + ", "
              + INVOICES.get(invoice)
              + ")");
    }
    return id;
  }

  // ------------------------------------------------------------------ dunning

  @Test
  void
      aRunProposesExactlyTheFixturesNoticesASecondRunAddsNoneAndTheReleasedLettersArriveInTheirLanguage()
          throws Exception {
    Reply first = Portal.post("/api/v1/collections/runs", "ops.lead", "acme", "{}");
    assertEquals(200, first.status(), first.body());
    assertTrue(first.json().getInt("noticesAdded") >= 4, first.body());
    long run = first.json().getJsonObject("run").getJsonNumber("id").longValue();
    assertEquals(TODAY.toString(), first.json().getJsonObject("run").getString("runDate"));

    Reply detail = Portal.get("/api/v1/collections/runs/" + run, "agent.acme", "acme");
    assertEquals(200, detail.status(), detail.body());
    Map<String, JsonObject> ours = fixtureNotices(detail.json());
    assertEquals(
        List.of("C1#1", "C1#2", "C2#2", "C3#1"), List.copyOf(ours.keySet()), detail.body());

    JsonObject c1first = ours.get("C1#1");
    assertEquals("PROPOSED", c1first.getString("status"));
    assertEquals("100.00", c1first.getJsonObject("total").getString("amount"));
    assertEquals(
        Map.of("I1", "", "I3", "DISPUTED", "I5", "PROMISED"),
        lines(c1first),
        "I4 is not due for any step");
    assertEquals("200.00", ours.get("C1#2").getJsonObject("total").getString("amount"));
    assertEquals(Map.of("I2", ""), lines(ours.get("C1#2")));
    assertEquals("fr", ours.get("C2#2").getString("language"));
    assertEquals("300.00", ours.get("C2#2").getJsonObject("total").getString("amount"));
    assertEquals("EXCLUDED", ours.get("C3#1").getString("status"));
    assertEquals("ON_HOLD", ours.get("C3#1").getString("exclusion"));
    assertEquals(Map.of("K1", "ON_HOLD"), lines(ours.get("C3#1")));

    Reply second = Portal.post("/api/v1/collections/runs", "ops.lead", "acme", "{}");
    assertEquals(200, second.status(), second.body());
    assertEquals(
        run, second.json().getJsonObject("run").getJsonNumber("id").longValue(), "the same run");
    assertEquals(0, second.json().getInt("noticesAdded"), second.body());
    assertEquals(0, second.json().getInt("linesAdded"), second.body());
    assertEquals(
        ours.keySet(),
        fixtureNotices(Portal.get("/api/v1/collections/runs/" + run, "ops.lead", "acme").json())
            .keySet());

    assertEquals(
        403,
        Portal.post(
                "/api/v1/collections/runs/" + run + "/release",
                "agent.acme",
                "acme",
                "{\"version\": 0}")
            .status(),
        "agents do not release");
    long version = detail.json().getJsonObject("run").getJsonNumber("version").longValue();
    Reply stale =
        Portal.post(
            "/api/v1/collections/runs/" + run + "/release",
            "ops.lead",
            "acme",
            "{\"version\": " + (version + 7) + "}");
    assertEquals(409, stale.status(), stale.body());
    Reply released =
        Portal.post(
            "/api/v1/collections/runs/" + run + "/release",
            "ops.lead",
            "acme",
            "{\"version\": " + version + "}");
    assertEquals(200, released.status(), released.body());
    assertEquals("RELEASED", released.json().getJsonObject("run").getString("status"));
    Map<String, JsonObject> sent = fixtureNotices(released.json());
    assertEquals("SENT", sent.get("C1#1").getString("status"));
    assertEquals(FR_MAILBOX, sent.get("C2#2").getString("recipient"));
    assertEquals(
        "EXCLUDED", sent.get("C3#1").getString("status"), "an excluded notice is never sent");
    assertEquals(
        0,
        Portal.post("/api/v1/collections/runs", "ops.lead", "acme", "{}")
            .json()
            .getInt("noticesAdded"),
        "a released day adds nothing");

    MimeMessage french =
        awaitMail(FR_MAILBOX, s -> s.contains("Deuxième relance de paiement"), "the French letter");
    String frenchText = text(french);
    assertTrue(frenchText.contains("Total dû") && frenchText.contains("300,00"), frenchText);
    byte[] pdf = pdf(french);
    assertTrue(
        new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"),
        "a PDF is attached");
    MimeMessage english =
        awaitMail(
            EN_MAILBOX,
            s -> s.contains("Payment reminder") && s.contains(FIXTURE + "C1"),
            "the English first reminder");
    assertTrue(text(english).contains("Total due: $100.00"), text(english));
    awaitMail(
        EN_MAILBOX, s -> s.contains("Second payment reminder"), "the English second reminder");
    assertTrue(
        List.of(smtp.getReceivedMessages()).stream()
            .noneMatch(m -> recipients(m).contains("fix-coll-hold")),
        "nothing for the account on hold");

    // the timeline shows the letters, and the customer of another account sees none of them
    Reply timeline =
        Portal.get(
            "/api/v1/collections/accounts/" + ACCOUNTS.get("C2") + "/timeline",
            "agent.acme",
            "acme");
    assertEquals(200, timeline.status(), timeline.body());
    assertTrue(
        timeline.body().contains("\"NOTICE\"") && timeline.body().contains("ACTIVITY_LETTER"),
        timeline.body());
    long frenchNotice = sent.get("C2#2").getJsonNumber("id").longValue();
    assertEquals(
        404,
        Portal.get("/api/v1/collections/notices/" + frenchNotice, "customer.acme", "acme")
            .status());
    assertEquals(
        404,
        Portal.get("/api/v1/collections/notices/" + frenchNotice + "/pdf", "customer.acme", "acme")
            .status());
    assertEquals(
        404,
        Portal.get("/api/v1/collections/notices/" + frenchNotice, "ops.lead", "globex").status());
    Reply mine = Portal.get("/api/v1/collections/notices", "customer.acme", "acme");
    assertEquals(200, mine.status(), mine.body());
    assertFalse(mine.body().contains(FIXTURE), mine.body());
    Reply letter =
        Portal.get("/api/v1/collections/notices/" + frenchNotice + "/pdf", "agent.acme", "acme");
    assertEquals(200, letter.status());
    assertEquals("application/pdf", letter.contentType());
  }

  // ------------------------------------------------------------------ promises

  @Test
  void aBrokenPromiseIsDetectedFromThePaymentsAndMakesATaskAndAMailForTheCollector() {
    Reply evaluation =
        Portal.post("/api/v1/collections/promises/evaluation", "agent.acme", "acme", "{}");
    assertEquals(200, evaluation.status(), evaluation.body());
    assertTrue(
        evaluation.json().getInt("broken") >= 1 && evaluation.json().getInt("kept") >= 1,
        evaluation.body());

    JsonObject broken =
        Portal.get("/api/v1/collections/promises/" + brokenPromise, "agent.acme", "acme").json();
    assertEquals("BROKEN", broken.getString("status"), broken.toString());
    assertEquals("0.00", broken.getJsonObject("paid").getString("amount"));
    JsonObject kept =
        Portal.get("/api/v1/collections/promises/" + keptPromise, "agent.acme", "acme").json();
    assertEquals("KEPT", kept.getString("status"), kept.toString());
    assertEquals("400.00", kept.getJsonObject("paid").getString("amount"));

    Reply timeline =
        Portal.get(
            "/api/v1/collections/accounts/" + ACCOUNTS.get("C4") + "/timeline",
            "agent.acme",
            "acme");
    assertTrue(
        timeline.body().contains("ACTIVITY_TASK") && timeline.body().contains("BROKEN"),
        timeline.body());
    awaitMail(
        "it.promises@bpo.example",
        s -> s.contains("Promise to pay broken") && s.contains(FIXTURE + "C4"),
        "the collector's note");
    Reply worklist =
        Portal.get(
            "/api/v1/collections/worklist?collector=" + PROMISE_COLLECTOR, "ops.lead", "acme");
    assertEquals(200, worklist.status(), worklist.body());
    JsonObject top = worklist.json().getJsonArray("items").getJsonObject(0);
    assertEquals(
        FIXTURE + "C4",
        top.getString("number"),
        "a broken promise comes first: " + worklist.body());
    assertTrue(top.getBoolean("brokenPromise"));
  }

  @Test
  void aCustomerProposesAPromiseOnTheirOwnInvoiceAndTheCollectorCountersIt() {
    String body =
        "{\"amount\": \"1.00\", \"promisedOn\": \""
            + TODAY.plusDays(3)
            + "\", \"invoiceIds\": ["
            + customerInvoice
            + "], \"note\": \"fixture\"}";
    Reply account = Portal.get("/api/v1/invoices/" + customerInvoice, "customer.acme", "acme");
    long own = account.json().getJsonObject("invoice").getJsonNumber("customerId").longValue();
    Reply proposed =
        Portal.post(
            "/api/v1/collections/accounts/" + own + "/promises", "customer.acme", "acme", body);
    assertEquals(201, proposed.status(), proposed.body());
    assertEquals("PROPOSED", proposed.json().getString("status"));
    assertTrue(proposed.json().getBoolean("proposedByCustomer"));
    long id = proposed.json().getJsonNumber("id").longValue();

    assertEquals(
        404,
        Portal.post(
                "/api/v1/collections/accounts/" + ACCOUNTS.get("C1") + "/promises",
                "customer.acme",
                "acme",
                body)
            .status(),
        "another customer's account");
    Reply past =
        Portal.post(
            "/api/v1/collections/accounts/" + own + "/promises",
            "customer.acme",
            "acme",
            body.replace(TODAY.plusDays(3).toString(), TODAY.minusDays(1).toString()));
    assertEquals(400, past.status(), past.body());
    Portal.assertProblem(past, "validation");
    assertTrue(past.body().contains("promisedOn"), past.body());
    assertEquals(
        403,
        Portal.post(
                "/api/v1/collections/promises/" + id + "/decision",
                "customer.acme",
                "acme",
                "{\"answer\": \"ACCEPT\", \"version\": 0}")
            .status(),
        "a customer does not answer their own proposal");

    Reply countered =
        Portal.post(
            "/api/v1/collections/promises/" + id + "/decision",
            "agent.acme",
            "acme",
            "{\"answer\": \"COUNTER\", \"amount\": \"2.00\", \"promisedOn\": \""
                + TODAY.plusDays(2)
                + "\", \"version\": "
                + proposed.json().getJsonNumber("version").longValue()
                + "}");
    assertEquals(200, countered.status(), countered.body());
    assertEquals("OPEN", countered.json().getString("status"));
    assertEquals("2.00", countered.json().getJsonObject("amount").getString("amount"));
    Reply again =
        Portal.post(
            "/api/v1/collections/promises/" + id + "/decision",
            "agent.acme",
            "acme",
            "{\"answer\": \"ACCEPT\", \"version\": "
                + countered.json().getJsonNumber("version").longValue()
                + "}");
    assertEquals(409, again.status(), "no longer a proposal: " + again.body());
  }

  // ------------------------------------------------------------------ worklist and activities

  @Test
  void theWorklistRanksByTheDocumentedPriorityAndPagesByKeyset() {
    // C2: 300 × (1 + 16/30) × 3 = 1380; C1: (430 − 50 disputed − 80 promised) × (1 + 20/30) × 2 =
    // 1000;
    // C3: 75 × (1 + 5/30) × 1 = 88 (on hold, still on the list: the collector sees why in the
    // account)
    Reply first =
        Portal.get(
            "/api/v1/collections/worklist?all=true&limit=2&collector=" + COLLECTOR,
            "agent.acme",
            "acme");
    assertEquals(200, first.status(), first.body());
    List<JsonObject> items = first.json().getJsonArray("items").getValuesAs(JsonObject.class);
    assertEquals(
        List.of(FIXTURE + "C2", FIXTURE + "C1"),
        items.stream().map(i -> i.getString("number")).toList());
    assertEquals(
        0,
        new BigDecimal("1380").compareTo(items.get(0).getJsonNumber("priority").bigDecimalValue()),
        items.get(0).toString());
    assertEquals(
        0,
        new BigDecimal("1000").compareTo(items.get(1).getJsonNumber("priority").bigDecimalValue()),
        items.get(1).toString());
    assertEquals("300.00", items.get(1).getJsonObject("netOverdue").getString("amount"));
    assertEquals(20, items.get(1).getInt("daysOverdue"));
    String cursor = first.json().getString("next");
    Reply second =
        Portal.get(
            "/api/v1/collections/worklist?all=true&limit=2&collector="
                + COLLECTOR
                + "&cursor="
                + cursor,
            "agent.acme",
            "acme");
    List<JsonObject> rest = second.json().getJsonArray("items").getValuesAs(JsonObject.class);
    assertEquals(
        List.of(FIXTURE + "C3"),
        rest.stream().map(i -> i.getString("number")).toList(),
        second.body());
    assertTrue(second.json().isNull("next"));
    assertEquals(
        0, new BigDecimal("88").compareTo(rest.get(0).getJsonNumber("priority").bigDecimalValue()));
  }

  @Test
  void aCallIsLoggedWithItsOutcomeAndNextActionAndABadOneIsRefusedFieldByField() {
    long c3 = ACCOUNTS.get("C3");
    Reply bad =
        Portal.post(
            "/api/v1/collections/accounts/" + c3 + "/activities",
            "agent.acme",
            "acme",
            "{\"kind\": \"CALL\", \"nextActionOn\": \"" + TODAY.minusDays(1) + "\"}");
    assertEquals(400, bad.status(), bad.body());
    Portal.assertProblem(bad, "validation");
    assertTrue(
        bad.body().contains("\"outcome\"") && bad.body().contains("\"nextActionOn\""), bad.body());
    Reply logged =
        Portal.post(
            "/api/v1/collections/accounts/" + c3 + "/activities",
            "agent.acme",
            "acme",
            "{\"kind\": \"CALL\", \"contact\": \"Pat Payables\", \"outcome\": \"LEFT_MESSAGE\", \"note\": \"Call back\", "
                + "\"nextActionOn\": \""
                + TODAY.plusDays(2)
                + "\"}");
    assertEquals(201, logged.status(), logged.body());
    assertEquals("agent.acme", logged.json().getString("createdBy"));
    JsonObject profile =
        Portal.get("/api/v1/collections/accounts/" + c3, "agent.acme", "acme").json();
    assertEquals(TODAY.plusDays(2).toString(), profile.getString("nextActionOn"));
    Reply timeline =
        Portal.get("/api/v1/collections/accounts/" + c3 + "/timeline", "agent.acme", "acme");
    assertTrue(
        timeline.body().contains("LEFT_MESSAGE") && timeline.body().contains("Pat Payables"),
        timeline.body());
  }

  @Test
  void aLeadReassignsAccountsToAnotherCollectorAllOrNone() {
    long c3 = ACCOUNTS.get("C3");
    String path = "/api/v1/collections/worklist/assignments";
    assertEquals(
        403,
        Portal.post(
                path,
                "agent.acme",
                "acme",
                "{\"ids\": [" + c3 + "], \"collector\": \"agent.acme\"}")
            .status(),
        "agents do not reassign");
    Reply foreign =
        Portal.post(
            path,
            "ops.lead",
            "acme",
            "{\"ids\": [" + c3 + ", 999999999], \"collector\": " + "\"agent.acme\"}");
    assertEquals(400, foreign.status(), foreign.body());
    assertTrue(foreign.body().contains("\"ids\""), foreign.body());
    assertEquals(COLLECTOR, collector(c3), "all or none");
    Reply stranger =
        Portal.post(
            path, "ops.lead", "acme", "{\"ids\": [" + c3 + "], \"collector\": \"cfo.acme\"}");
    assertEquals(
        400, stranger.status(), "a client stakeholder does not collect: " + stranger.body());
    Reply given =
        Portal.post(
            path, "ops.lead", "acme", "{\"ids\": [" + c3 + "], \"collector\": \"agent.acme\"}");
    assertEquals(200, given.status(), given.body());
    assertEquals(1, given.json().getInt("assigned"));
    assertEquals("agent.acme", collector(c3));
    Reply back =
        Portal.post(
            path,
            "ops.lead",
            "acme",
            "{\"ids\": [" + c3 + "], \"collector\": \"" + COLLECTOR + "\"}");
    assertEquals(200, back.status(), back.body());
    assertEquals(COLLECTOR, collector(c3));
  }

  private static String collector(long account) {
    return Portal.get("/api/v1/collections/accounts/" + account, "ops.lead", "acme")
        .json()
        .getString("collector");
  }

  @Test
  void aStaleProfileVersionIsAConflict() {
    Reply stale =
        put(
            "/api/v1/collections/accounts/" + ACCOUNTS.get("C1"),
            "ops.lead",
            "{\"riskClass\": \"HIGH\", \"customerType\": \"PUBLIC_SECTOR\", \"language\": \"en\", \"onHold\": false, "
                + "\"version\": 99}");
    assertEquals(409, stale.status(), stale.body());
  }

  // ------------------------------------------------------------------ who may

  @Test
  void everyEndpointRefusesTheWrongCallerAndHidesAnotherTenantsIds() {
    long c1 = ACCOUNTS.get("C1");
    assertEquals(401, Portal.get("/api/v1/collections/worklist", null, "acme").status());
    assertEquals(401, Portal.get("/api/v1/collections/accounts/" + c1, null, "acme").status());
    assertEquals(403, Portal.get("/api/v1/collections/worklist", "customer.acme", "acme").status());
    assertEquals(403, Portal.get("/api/v1/collections/worklist", "cfo.acme", "acme").status());
    assertEquals(
        403,
        Portal.get("/api/v1/collections/accounts/" + c1 + "/timeline", "cfo.acme", "acme")
            .status());
    assertEquals(403, Portal.post("/api/v1/collections/runs", "agent.acme", "acme", "{}").status());
    assertEquals(403, Portal.get("/api/v1/collections/runs", "customer.acme", "acme").status());
    assertEquals(
        403,
        Portal.get("/api/v1/collections/worklist", "cfo.globex", "acme").status(),
        "not a member");
    assertEquals(200, Portal.get("/api/v1/collections/strategies", "cfo.acme", "acme").status());
    Reply metrics =
        Portal.get(
            "/api/v1/collections/metrics?from=" + TODAY.minusDays(30) + "&to=" + TODAY,
            "cfo.acme",
            "acme");
    assertEquals(200, metrics.status(), metrics.body());
    assertTrue(
        metrics.json().containsKey("tenant") && metrics.json().containsKey("dunningCoverage"),
        metrics.body());
    assertEquals(403, Portal.get("/api/v1/collections/metrics", "customer.acme", "acme").status());
    assertEquals(
        400,
        Portal.get(
                "/api/v1/collections/metrics?from=" + TODAY + "&to=" + TODAY.minusDays(1),
                "ops.lead",
                "acme")
            .status());
    assertEquals(
        403, Portal.post("/api/v1/collections/strategies", "agent.acme", "acme", "{}").status());

    assertEquals(
        404, Portal.get("/api/v1/collections/accounts/" + c1, "ops.lead", "globex").status());
    assertEquals(
        404,
        Portal.get("/api/v1/collections/accounts/" + c1 + "/timeline", "ops.lead", "globex")
            .status());
    assertEquals(
        404,
        Portal.post(
                "/api/v1/collections/accounts/" + c1 + "/activities",
                "ops.lead",
                "globex",
                "{\"kind\": \"NOTE\", \"note\": \"x\"}")
            .status());
    assertEquals(
        404,
        Portal.get("/api/v1/collections/promises/" + brokenPromise, "ops.lead", "globex").status());
    assertEquals(
        404,
        Portal.get("/api/v1/collections/promises/" + brokenPromise, "customer.acme", "acme")
            .status());
    assertEquals(
        404,
        Portal.post(
                "/api/v1/collections/accounts/" + c1 + "/promises",
                "customer.globex",
                "globex",
                "{\"amount\": \"1.00\"}")
            .status());
    assertEquals(
        404, Portal.get("/api/v1/collections/accounts/999999999", "ops.lead", "acme").status());
    assertEquals(
        404, Portal.get("/api/v1/collections/runs/999999999", "ops.lead", "acme").status());
    Reply globexWorklist =
        Portal.get("/api/v1/collections/worklist?all=true&limit=500", "ops.lead", "globex");
    assertEquals(200, globexWorklist.status(), globexWorklist.body());
    assertFalse(
        globexWorklist.body().contains(FIXTURE), "acme's accounts are not on globex's worklist");
    Reply badFilter =
        Portal.get("/api/v1/collections/worklist?risk=EXTREME&minAmount=lots", "ops.lead", "acme");
    assertEquals(400, badFilter.status(), badFilter.body());
    assertTrue(
        badFilter.body().contains("\"risk\"") && badFilter.body().contains("\"minAmount\""),
        badFilter.body());
  }

  // ------------------------------------------------------------------ helpers

  private static Map<String, JsonObject> fixtureNotices(JsonObject detail) {
    Map<String, JsonObject> ours = new java.util.TreeMap<>();
    for (JsonObject notice : detail.getJsonArray("notices").getValuesAs(JsonObject.class)) {
      if (notice.getString("accountNumber").startsWith(FIXTURE)) {
        ours.put(
            notice.getString("accountNumber").substring(FIXTURE.length())
                + "#"
                + notice.getInt("level"),
            notice);
      }
    }
    return ours;
  }

  /** Invoice key → exclusion ("" when chased). */
  private static Map<String, String> lines(JsonObject notice) {
    Map<String, String> lines = new java.util.TreeMap<>();
    for (JsonObject line : notice.getJsonArray("lines").getValuesAs(JsonObject.class)) {
      String exclusion =
          line.containsKey("exclusion") && !line.isNull("exclusion")
              ? line.getString("exclusion")
              : "";
      lines.put(line.getString("number").substring(FIXTURE.length()), exclusion);
    }
    return lines;
  }

  private static Reply put(String path, String user, String json) {
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.URL + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + Portal.token(user))
            .header("X-Tenant", "acme")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static String recipients(MimeMessage message) {
    try {
      Address[] to = message.getAllRecipients();
      return to == null ? "" : List.of(to).toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage message) {
    try {
      Object content = message.getContent();
      if (content instanceof String s) {
        return s;
      }
      Multipart parts = (Multipart) content;
      return (String) parts.getBodyPart(0).getContent();
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] pdf(MimeMessage message) throws MessagingException, IOException {
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.getFileName() != null && part.getFileName().endsWith(".pdf")) {
        try (InputStream in = part.getInputStream()) {
          return in.readAllBytes();
        }
      }
    }
    return fail("no PDF attached");
  }

  /**
   * Waits (up to 45 s: the outbox goes out every 2 s) for a mail to {@code recipient} whose subject
   * matches.
   */
  private static MimeMessage awaitMail(String recipient, Predicate<String> subject, String what) {
    long deadline = System.currentTimeMillis() + 45_000;
    List<String> seen = new ArrayList<>();
    while (System.currentTimeMillis() < deadline) {
      seen.clear();
      for (MimeMessage message : smtp.getReceivedMessages()) {
        try {
          String s = message.getSubject() == null ? "" : message.getSubject();
          seen.add(s + " -> " + recipients(message));
          if (recipients(message).contains(recipient) && subject.test(s)) {
            return message;
          }
        } catch (MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return fail("no mail: " + what + " (to " + recipient + "); received " + seen);
  }
}
