package com.bpo.portal.it.dispute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The disputes API over HTTP: raising with its checks, the workflow and its refusals, the money of
 * each outcome (credit notes, the invoice's open amount, the aging's disputed column), who reads
 * which message, evidence files judged by content, tenant and account isolation, notifications by
 * mail (to a GreenMail server on port 3025, where the server under test sends them) and bulk
 * assignment. Every dispute is raised on fixture invoices of its own, made and removed here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DisputeApiIT {
  static final String FIXTURE = "FIX-DISP-";
  static final String TEAM_MAILBOX = "disputes-acme@bpo.example";
  static final String CUSTOMER_MAILBOX = "ap@coyote-supplies.example";

  /** Fixture invoices: number suffix, customer account, total (nothing paid, due in 30 days). */
  record FixtureInvoice(String suffix, String customer, String total) {}

  static final List<FixtureInvoice> INVOICES =
      List.of(
          new FixtureInvoice("RAISE", "A-1001", "1000.00"),
          new FixtureInvoice("ACCEPT", "A-1001", "800.00"),
          new FixtureInvoice("PARTLY", "A-1001", "500.00"),
          new FixtureInvoice("REJECT", "A-1001", "400.00"),
          new FixtureInvoice("THREAD", "A-1001", "300.00"),
          new FixtureInvoice("EVIDENCE", "A-1001", "250.00"),
          new FixtureInvoice("ASSIGN", "A-1001", "200.00"),
          new FixtureInvoice("NEIGHBOUR", "A-1002", "700.00"));

  static final Map<String, Long> INVOICE_IDS = new LinkedHashMap<>();
  static GreenMail smtp;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeAll
  static void startMailServerAndCreateFixture() throws SQLException {
    smtp = new GreenMail(ServerSetupTest.SMTP);
    smtp.start();
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      deleteFixture(db);
      try (PreparedStatement insert =
          db.prepareStatement(
              """
          insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date, currency,
                               net_amount, tax_amount, total_amount)
          select 'acme', ?, id, current_date, current_date + 30, currency, ?, 0, ?
          from customer_account where tenant_id = 'acme' and number = ? returning id""")) {
        for (FixtureInvoice f : INVOICES) {
          insert.setString(1, FIXTURE + f.suffix());
          insert.setBigDecimal(2, new BigDecimal(f.total()));
          insert.setBigDecimal(3, new BigDecimal(f.total()));
          insert.setString(4, f.customer());
          try (ResultSet rs = insert.executeQuery()) {
            assertTrue(rs.next(), "customer " + f.customer() + " exists in acme");
            INVOICE_IDS.put(f.suffix(), rs.getLong(1));
          }
        }
      }
      try (Statement s = db.createStatement()) {
        // one line each, so that a dispute can name it (see raise: disputes without a line fail
        // today)
        s.executeUpdate(
            "insert into invoice_line (tenant_id, invoice_id, line_no, description, quantity, unit_price, "
                + "tax_rate, net_amount, tax_amount) select tenant_id, id, 1, 'Fixture goods (test data)', 1, total_amount, "
                + "0, total_amount, 0 from invoice where tenant_id = 'acme' and number like '"
                + FIXTURE
                + "%'");
      }
      db.commit();
    }
  }

  @AfterAll
  static void removeFixtureAndStopMailServer() throws SQLException {
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
    String ours =
        "(select id from invoice where tenant_id = 'acme' and number like '" + FIXTURE + "%')";
    try (Statement s = db.createStatement()) {
      // dispute items, events, messages and attachments cascade from their dispute
      s.executeUpdate(
          "delete from dispute where tenant_id = 'acme' and id in (select dispute_id from dispute_item "
              + "where tenant_id = 'acme' and invoice_id in "
              + ours
              + ")");
      s.executeUpdate("delete from credit_note where tenant_id = 'acme' and invoice_id in " + ours);
      s.executeUpdate(
          "delete from invoice where tenant_id = 'acme' and number like '" + FIXTURE + "%'");
    }
  }

  // ------------------------------------------------------------------ raising

  @Test
  void aDisputeOnAWholeInvoiceIsRaised() {
    long invoice = INVOICE_IDS.get("RAISE");
    Reply raised =
        Portal.post("/api/v1/disputes", "customer.acme", null, newDispute(invoice, "40.00"));
    assertEquals(201, raised.status(), raised.body());
    JsonObject item = raised.json().getJsonArray("items").getJsonObject(0);
    assertEquals(invoice, item.getJsonNumber("invoiceId").longValue());
    assertTrue(!item.containsKey("lineNo") || item.isNull("lineNo"), item.toString());
    assertEquals("40.00", item.getJsonObject("amount").getString("amount"));
    assertEquals("DISPUTED", invoice(invoice).getJsonObject("invoice").getString("status"));
  }

  @Test
  void aCustomerRaisesADisputeOnTheirInvoiceWhichThenShowsAsDisputed() {
    long invoice = INVOICE_IDS.get("RAISE");
    Reply raised =
        Portal.post("/api/v1/disputes", "customer.acme", null, newLineDispute(invoice, "150.00"));
    assertEquals(201, raised.status(), raised.body());
    JsonObject dispute = raised.json().getJsonObject("dispute");
    assertEquals("NEW", dispute.getString("status"));
    assertEquals("D-" + dispute.getJsonNumber("id").longValue(), dispute.getString("number"));
    assertEquals("150.00", dispute.getJsonObject("disputed").getString("amount"));
    assertEquals("A-1001", dispute.getString("customerNumber"));
    JsonObject item = raised.json().getJsonArray("items").getJsonObject(0);
    assertEquals(invoice, item.getJsonNumber("invoiceId").longValue());
    assertEquals("150.00", item.getJsonObject("amount").getString("amount"));
    assertEquals(1, item.getInt("lineNo"));

    JsonObject shown = invoice(invoice);
    assertEquals("DISPUTED", shown.getJsonObject("invoice").getString("status"));
    assertEquals("1000.00", open(shown), "raising a dispute credits nothing");
  }

  @Test
  void moreThanTheOpenAmountIsRefusedOnTheItemsAmount() {
    long invoice = INVOICE_IDS.get("RAISE");
    Reply reply =
        Portal.post("/api/v1/disputes", "customer.acme", null, newDispute(invoice, "1000.01"));
    assertEquals(400, reply.status(), reply.body());
    Portal.assertProblem(reply, "validation");
    assertEquals(List.of("items[0].amount"), fields(reply));
  }

  @Test
  void anInvoiceOfAnotherCustomerOrTenantIsRefusedAsIfItDidNotExist() {
    Reply neighbours =
        Portal.post(
            "/api/v1/disputes",
            "customer.acme",
            null,
            newDispute(INVOICE_IDS.get("NEIGHBOUR"), "10.00"));
    assertEquals(400, neighbours.status(), neighbours.body());
    Portal.assertProblem(neighbours, "validation");
    assertEquals(List.of("items[0].invoiceId"), fields(neighbours));
    assertTrue(neighbours.body().contains("no such invoice"), neighbours.body());

    long globexInvoice =
        Portal.get("/api/v1/invoices?limit=1", "cfo.globex", null)
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    for (String user : List.of("customer.acme", "agent.acme")) {
      Reply otherTenant =
          Portal.post("/api/v1/disputes", user, "acme", newDispute(globexInvoice, "1.00"));
      assertEquals(400, otherTenant.status(), user + ": " + otherTenant.body());
      assertEquals(List.of("items[0].invoiceId"), fields(otherTenant));
      assertTrue(otherTenant.body().contains("no such invoice"), otherTenant.body());
    }
  }

  @Test
  void raisingNeedsASignIn() {
    assertEquals(
        401,
        Portal.post("/api/v1/disputes", null, null, newDispute(INVOICE_IDS.get("RAISE"), "1.00"))
            .status());
  }

  // ------------------------------------------------------------------ workflow and money

  @Test
  void theWorkflowRefusesWrongStepsAndAnAcceptedDisputeIsCreditedInFull() {
    long invoice = INVOICE_IDS.get("ACCEPT");
    long customer = customerId("A-1001");
    JsonObject before = agingRow(customer);

    JsonObject raised = raise("customer.acme", invoice, "200.00");
    long id = id(raised);
    JsonObject during = agingRow(customer);
    assertAmount(
        amount(before, "disputed").add(new BigDecimal("200.00")), amount(during, "disputed"));
    assertAmount(amount(before, "total"), amount(during, "total"));
    assertAmount(
        amount(before, "current").subtract(new BigDecimal("200.00")), amount(during, "current"));

    // refusals: nothing changes
    long version = version(raised);
    Reply fromNew = transition(id, "agent.acme", "RESOLVE", version, "accepted", "ACCEPTED", null);
    assertEquals(409, fromNew.status(), fromNew.body());
    Portal.assertProblem(fromNew, "transition-refused");
    Reply customerReviews =
        transition(id, "customer.acme", "START_REVIEW", version, null, null, null);
    assertEquals(403, customerReviews.status(), customerReviews.body());
    Reply stale = transition(id, "agent.acme", "START_REVIEW", version - 1, null, null, null);
    assertEquals(409, stale.status(), stale.body());
    Portal.assertProblem(stale, "conflict");
    assertEquals("NEW", status(id));

    JsonObject reviewing =
        ok(transition(id, "agent.acme", "START_REVIEW", version, null, null, null));
    assertEquals("IN_REVIEW", reviewing.getJsonObject("dispute").getString("status"));
    Reply staleAgain =
        transition(id, "agent.acme", "ASK_CUSTOMER", version, "Which delivery?", null, null);
    assertEquals(409, staleAgain.status(), "the version moved with the step: " + staleAgain.body());

    Reply noQuestion =
        transition(id, "agent.acme", "ASK_CUSTOMER", version(reviewing), null, null, null);
    assertEquals(400, noQuestion.status(), noQuestion.body());
    assertEquals(List.of("note"), fields(noQuestion));
    JsonObject asked =
        ok(
            transition(
                id,
                "agent.acme",
                "ASK_CUSTOMER",
                version(reviewing),
                "Which delivery note is short?",
                null,
                null));
    assertEquals("AWAITING_CUSTOMER", asked.getJsonObject("dispute").getString("status"));

    Reply answer =
        Portal.post(
            "/api/v1/disputes/" + id + "/messages",
            "customer.acme",
            null,
            json(
                Json.createObjectBuilder().add("body", "Delivery note DN-77, two cases missing.")));
    assertEquals(201, answer.status(), answer.body());
    JsonObject answered = answer.json().getJsonObject("dispute");
    assertEquals(
        "IN_REVIEW", answered.getString("status"), "the customer's answer puts it back in review");

    JsonObject resolved =
        ok(
            transition(
                id,
                "agent.acme",
                "RESOLVE",
                answered.getJsonNumber("version").longValue(),
                "We credit the missing cases.",
                "ACCEPTED",
                null));
    assertEquals("RESOLVED", resolved.getJsonObject("dispute").getString("status"));
    assertEquals("ACCEPTED", resolved.getJsonObject("dispute").getString("outcome"));
    assertEquals(
        "200.00", resolved.getJsonObject("dispute").getJsonObject("settled").getString("amount"));

    JsonObject credited = invoice(invoice);
    assertEquals("600.00", open(credited), "800.00 less the 200.00 accepted");
    assertEquals("PARTIALLY_PAID", credited.getJsonObject("invoice").getString("status"));
    assertEquals("200.00", credited.getJsonObject("credited").getString("amount"));
    List<JsonObject> notes = credited.getJsonArray("creditNotes").getValuesAs(JsonObject.class);
    assertEquals(1, notes.size());
    assertEquals("200.00", notes.get(0).getJsonObject("amount").getString("amount"));
    assertTrue(
        notes.get(0).getString("number").matches("CN-\\d{1,12}"),
        "a credit note number a person can read out: " + notes.get(0).getString("number"));

    JsonObject after = agingRow(customer);
    assertAmount(amount(before, "disputed"), amount(after, "disputed"));
    assertAmount(
        amount(before, "total").subtract(new BigDecimal("200.00")), amount(after, "total"));
    // the invoice is not yet due: what was disputed is gone from the current bucket as credited,
    // not back in it
    assertAmount(
        amount(before, "current").subtract(new BigDecimal("200.00")), amount(after, "current"));

    awaitMail(
        CUSTOMER_MAILBOX,
        subject -> mentions(subject, id) && subject.contains("resolved"),
        "the customer is told that " + number(id) + " is resolved");
  }

  @Test
  void aPartlyAcceptedDisputeCreditsExactlyTheAcceptedAmountAndReleasesTheRest() {
    long invoice = INVOICE_IDS.get("PARTLY");
    long customer = customerId("A-1001");
    JsonObject before = agingRow(customer);
    JsonObject raised = raise("customer.acme", invoice, "300.00");
    long id = id(raised);
    JsonObject reviewing =
        ok(transition(id, "agent.acme", "START_REVIEW", version(raised), null, null, null));

    Reply tooMuch =
        transition(
            id,
            "agent.acme",
            "RESOLVE",
            version(reviewing),
            "Part of it.",
            "PARTLY_ACCEPTED",
            "300.00");
    assertEquals(
        400,
        tooMuch.status(),
        "a partial acceptance is less than the disputed amount: " + tooMuch.body());
    assertEquals(List.of("acceptedAmount"), fields(tooMuch));

    JsonObject resolved =
        ok(
            transition(
                id,
                "agent.acme",
                "RESOLVE",
                version(reviewing),
                "We credit 120.00 of it.",
                "PARTLY_ACCEPTED",
                "120.00"));
    assertEquals("PARTLY_ACCEPTED", resolved.getJsonObject("dispute").getString("outcome"));
    assertEquals(
        "120.00", resolved.getJsonObject("dispute").getJsonObject("settled").getString("amount"));

    JsonObject credited = invoice(invoice);
    assertEquals("380.00", open(credited));
    assertEquals("120.00", credited.getJsonObject("credited").getString("amount"));
    assertEquals(
        "PARTIALLY_PAID",
        credited.getJsonObject("invoice").getString("status"),
        "no longer disputed");
    JsonObject after = agingRow(customer);
    assertAmount(amount(before, "disputed"), amount(after, "disputed"));
    assertAmount(
        amount(before, "total").subtract(new BigDecimal("120.00")), amount(after, "total"));
  }

  @Test
  void aRejectedDisputeCreditsNothingButReleasesTheDisputedAmount() {
    long invoice = INVOICE_IDS.get("REJECT");
    long customer = customerId("A-1001");
    JsonObject before = agingRow(customer);
    JsonObject raised = raise("customer.acme", invoice, "100.00");
    long id = id(raised);
    assertAmount(
        amount(before, "disputed").add(new BigDecimal("100.00")),
        amount(agingRow(customer), "disputed"));
    JsonObject reviewing =
        ok(transition(id, "agent.acme", "START_REVIEW", version(raised), null, null, null));
    JsonObject resolved =
        ok(
            transition(
                id,
                "agent.acme",
                "RESOLVE",
                version(reviewing),
                "The delivery was complete.",
                "REJECTED",
                null));
    assertEquals("REJECTED", resolved.getJsonObject("dispute").getString("outcome"));
    assertEquals(
        "0.00", resolved.getJsonObject("dispute").getJsonObject("settled").getString("amount"));

    JsonObject shown = invoice(invoice);
    assertEquals("400.00", open(shown));
    assertEquals("OPEN", shown.getJsonObject("invoice").getString("status"));
    assertTrue(shown.getJsonArray("creditNotes").isEmpty());
    JsonObject after = agingRow(customer);
    assertAmount(amount(before, "disputed"), amount(after, "disputed"));
    assertAmount(amount(before, "total"), amount(after, "total"));
    assertAmount(amount(before, "current"), amount(after, "current"));
  }

  // ------------------------------------------------------------------ who reads what

  @Test
  void eachPartyReadsOnlyTheMessagesMeantForIt() {
    JsonObject raised = raise("customer.acme", INVOICE_IDS.get("THREAD"), "30.00");
    long id = id(raised);
    Map<String, String> bodies =
        Map.of(
            "CUSTOMER",
            "To the customer " + id,
            "CLIENT",
            "To the client " + id,
            "INTERNAL",
            "Between us " + id);
    for (String visibility : List.of("CUSTOMER", "CLIENT", "INTERNAL")) {
      Reply posted =
          Portal.post(
              "/api/v1/disputes/" + id + "/messages",
              "agent.acme",
              "acme",
              json(
                  Json.createObjectBuilder()
                      .add("body", bodies.get(visibility))
                      .add("visibility", visibility)));
      assertEquals(201, posted.status(), posted.body());
    }
    assertEquals(Set.of("CUSTOMER"), visibilitiesSeenBy(id, "customer.acme"));
    assertEquals(Set.of("CUSTOMER", "CLIENT"), visibilitiesSeenBy(id, "cfo.acme"));
    assertEquals(Set.of("CUSTOMER", "CLIENT", "INTERNAL"), visibilitiesSeenBy(id, "agent.acme"));
    String customersView = Portal.get("/api/v1/disputes/" + id, "customer.acme", null).body();
    assertFalse(
        customersView.contains(bodies.get("CLIENT"))
            || customersView.contains(bodies.get("INTERNAL")),
        customersView);

    Reply internalByCustomer =
        Portal.post(
            "/api/v1/disputes/" + id + "/messages",
            "customer.acme",
            null,
            json(
                Json.createObjectBuilder().add("body", "let me in").add("visibility", "INTERNAL")));
    assertEquals(403, internalByCustomer.status(), internalByCustomer.body());
    Reply clientByCustomer =
        Portal.post(
            "/api/v1/disputes/" + id + "/messages",
            "customer.acme",
            null,
            json(Json.createObjectBuilder().add("body", "let me in").add("visibility", "CLIENT")));
    assertEquals(403, clientByCustomer.status(), clientByCustomer.body());
    Reply internalByClient =
        Portal.post(
            "/api/v1/disputes/" + id + "/messages",
            "cfo.acme",
            null,
            json(
                Json.createObjectBuilder().add("body", "let me in").add("visibility", "INTERNAL")));
    assertEquals(403, internalByClient.status(), internalByClient.body());
    assertEquals(Set.of("CUSTOMER", "CLIENT", "INTERNAL"), visibilitiesSeenBy(id, "agent.acme"));
    assertEquals(
        3,
        Portal.get("/api/v1/disputes/" + id + "/messages", "agent.acme", "acme")
            .structure()
            .asJsonArray()
            .size(),
        "the refused posts left nothing");
  }

  @Test
  void aCustomersViewHasNoInternalServiceTargets() {
    JsonObject raised = raise("customer.acme", INVOICE_IDS.get("THREAD"), "20.00");
    long id = id(raised);
    JsonObject staffView =
        Portal.get("/api/v1/disputes/" + id, "agent.acme", "acme").json().getJsonObject("dispute");
    assertTrue(
        staffView.containsKey("firstResponseDue") && staffView.containsKey("resolutionDue"),
        staffView.toString());

    for (JsonObject customersView :
        List.of(
            raised.getJsonObject("dispute"),
            Portal.get("/api/v1/disputes/" + id, "customer.acme", null)
                .json()
                .getJsonObject("dispute"),
            Portal.get("/api/v1/disputes?limit=500", "customer.acme", null)
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(d -> d.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow())) {
      for (String field :
          List.of(
              "firstResponseDue", "resolutionDue", "firstResponseBreached", "resolutionBreached")) {
        assertFalse(
            customersView.containsKey(field) && !customersView.isNull(field),
            field + " in " + customersView);
      }
      assertTrue(customersView.containsKey("promisedResponseOn"), customersView.toString());
    }
  }

  // ------------------------------------------------------------------ evidence

  @Test
  void aPdfIsStoredWithItsHashAndDownloadedUnchanged() throws Exception {
    long id = id(raise("customer.acme", INVOICE_IDS.get("EVIDENCE"), "25.00"));
    byte[] pdf = smallPdf();
    Reply stored = attach(id, "customer.acme", null, "delivery note.pdf", pdf);
    assertEquals(201, stored.status(), stored.body());
    JsonObject attachment = stored.json();
    assertEquals(sha256(pdf), attachment.getString("sha256"));
    assertEquals("application/pdf", attachment.getString("mediaType"));
    assertEquals(pdf.length, attachment.getInt("sizeBytes"));
    long attachmentId = attachment.getJsonNumber("id").longValue();

    for (String[] reader : new String[][] {{"customer.acme", null}, {"agent.acme", "acme"}}) {
      HttpResponse<byte[]> download =
          Portal.bytes(
              authorised(
                      HttpRequest.newBuilder(
                          URI.create(
                              Portal.URL
                                  + "/api/v1/disputes/"
                                  + id
                                  + "/attachments/"
                                  + attachmentId)),
                      reader[0],
                      reader[1])
                  .GET());
      assertEquals(200, download.statusCode(), reader[0]);
      assertArrayEquals(pdf, download.body(), reader[0]);
      assertTrue(
          download.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
      assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));
    }
    JsonObject detail = Portal.get("/api/v1/disputes/" + id, "agent.acme", "acme").json();
    assertEquals(
        sha256(pdf), detail.getJsonArray("attachments").getJsonObject(0).getString("sha256"));
  }

  @Test
  void aProgramNamedPdfAndAnOversizedFileAreRefused() {
    long id = id(raise("customer.acme", INVOICE_IDS.get("EVIDENCE"), "5.00"));
    byte[] program = new byte[4096];
    program[0] = 'M';
    program[1] = 'Z';
    Reply exe = attach(id, "customer.acme", null, "invoice.pdf", program);
    assertEquals(415, exe.status(), exe.body());
    Portal.assertProblem(exe, "attachment-type");

    byte[] big = new byte[5 * 1024 * 1024 + 1];
    byte[] head = smallPdf();
    System.arraycopy(head, 0, big, 0, head.length);
    Reply tooLarge = attach(id, "customer.acme", null, "scan.pdf", big);
    assertEquals(413, tooLarge.status(), tooLarge.body());

    assertTrue(
        Portal.get("/api/v1/disputes/" + id, "agent.acme", "acme")
            .json()
            .getJsonArray("attachments")
            .isEmpty(),
        "refused files leave nothing behind");
  }

  // ------------------------------------------------------------------ isolation

  @Test
  void anotherTenantsUsersAndAnotherAccountsCustomerGet404() {
    long acmeDispute = id(raise("customer.acme", INVOICE_IDS.get("THREAD"), "10.00"));
    for (String user : List.of("customer.globex", "cfo.globex")) {
      assertEquals(404, Portal.get("/api/v1/disputes/" + acmeDispute, user, null).status(), user);
      assertEquals(
          404,
          Portal.get("/api/v1/disputes/" + acmeDispute + "/messages", user, null).status(),
          user);
    }
    Reply opsInGlobex = Portal.get("/api/v1/disputes/" + acmeDispute, "ops.lead", "globex");
    assertEquals(
        404, opsInGlobex.status(), "a lead of both tenants reads acme's dispute only in acme");
    assertEquals(200, Portal.get("/api/v1/disputes/" + acmeDispute, "ops.lead", "acme").status());
    assertEquals(
        404,
        Portal.post(
                "/api/v1/disputes/" + acmeDispute + "/messages",
                "cfo.globex",
                null,
                json(Json.createObjectBuilder().add("body", "hello").add("visibility", "CUSTOMER")))
            .status());
    assertEquals(401, Portal.get("/api/v1/disputes/" + acmeDispute, null, null).status());

    // the BPO logs a dispute for another customer of acme: customer.acme may not see it
    Reply logged =
        Portal.post(
            "/api/v1/disputes",
            "agent.acme",
            "acme",
            newLineDispute(INVOICE_IDS.get("NEIGHBOUR"), "70.00"));
    assertEquals(201, logged.status(), logged.body());
    long neighbours = id(logged.json());
    assertEquals("A-1002", logged.json().getJsonObject("dispute").getString("customerNumber"));
    assertEquals(404, Portal.get("/api/v1/disputes/" + neighbours, "customer.acme", null).status());
    assertEquals(
        404,
        Portal.get("/api/v1/disputes/" + neighbours + "/messages", "customer.acme", null).status());
    assertEquals(
        404,
        Portal.post(
                "/api/v1/disputes/" + neighbours + "/messages",
                "customer.acme",
                null,
                json(Json.createObjectBuilder().add("body", "mine?")))
            .status());
    assertEquals(
        404,
        transition(neighbours, "customer.acme", "CLOSE", version(logged.json()), null, null, null)
            .status());
    assertEquals(404, attach(neighbours, "customer.acme", null, "x.pdf", smallPdf()).status());
    assertTrue(
        Portal.get("/api/v1/disputes?limit=500", "customer.acme", null)
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .noneMatch(d -> d.getJsonNumber("id").longValue() == neighbours),
        "nor list it");
    assertEquals(200, Portal.get("/api/v1/disputes/" + neighbours, "cfo.acme", null).status());
  }

  // ------------------------------------------------------------------ mail

  @Test
  void raisingMailsTheTeamAndTheCustomer() {
    long id = id(raise("customer.acme", INVOICE_IDS.get("RAISE"), "12.00"));
    awaitMail(
        TEAM_MAILBOX,
        subject -> mentions(subject, id),
        "the acme dispute team hears of " + number(id));
    awaitMail(
        CUSTOMER_MAILBOX,
        subject -> mentions(subject, id),
        "the customer gets a receipt for " + number(id));
  }

  @Test
  void theCustomersMailIsInTheLanguageTheyChoseAndTheTeamsInTheTenants() throws SQLException {
    try {
      chooseLanguage("customer.acme", "fr");
      long id = id(raise("customer.acme", INVOICE_IDS.get("RAISE"), "13.00"));
      awaitMail(
          CUSTOMER_MAILBOX,
          subject -> mentions(subject, id) && subject.startsWith("Litige"),
          "the customer, who reads French, gets a French receipt for " + number(id));
      awaitMail(
          TEAM_MAILBOX,
          subject -> mentions(subject, id) && subject.startsWith("Dispute"),
          "the team mailbox, nobody's own, gets the tenant's language for " + number(id));
    } finally {
      chooseLanguage("customer.acme", null);
    }
  }

  /** Sets (or with null, forgets) a person's language as the portal keeps it. */
  private static void chooseLanguage(String username, String language) throws SQLException {
    try (Connection db = Portal.asOwner();
        PreparedStatement forget =
            db.prepareStatement("delete from user_language where user_name = ?");
        PreparedStatement choose =
            db.prepareStatement("insert into user_language (user_name, language) values (?, ?)")) {
      forget.setString(1, username);
      forget.executeUpdate();
      if (language != null) {
        choose.setString(1, username);
        choose.setString(2, language);
        choose.executeUpdate();
      }
    }
  }

  // ------------------------------------------------------------------ assignment

  @Test
  void aLeadAssignsDisputesInBulkToTheTenantsStaffOnly() {
    long first = id(raise("customer.acme", INVOICE_IDS.get("ASSIGN"), "10.00"));
    long second = id(raise("customer.acme", INVOICE_IDS.get("ASSIGN"), "20.00"));
    String body = assignment(List.of(first, second), "agent.acme");

    assertEquals(
        403, Portal.post("/api/v1/disputes/assignments", "customer.acme", null, body).status());
    assertEquals(403, Portal.post("/api/v1/disputes/assignments", "cfo.acme", null, body).status());
    Reply unknown =
        Portal.post(
            "/api/v1/disputes/assignments",
            "ops.lead",
            "acme",
            assignment(List.of(first, second), "nobody.here"));
    assertEquals(400, unknown.status(), unknown.body());
    assertEquals(List.of("assignee"), fields(unknown));
    Reply clientAsAssignee =
        Portal.post(
            "/api/v1/disputes/assignments",
            "ops.lead",
            "acme",
            assignment(List.of(first), "cfo.acme"));
    assertEquals(
        400,
        clientAsAssignee.status(),
        "a client stakeholder works no disputes: " + clientAsAssignee.body());
    for (long id : List.of(first, second)) {
      JsonObject dispute =
          Portal.get("/api/v1/disputes/" + id, "agent.acme", "acme")
              .json()
              .getJsonObject("dispute");
      assertTrue(
          !dispute.containsKey("assignee") || dispute.isNull("assignee"),
          "refused batches assign nobody");
    }

    Reply assigned = Portal.post("/api/v1/disputes/assignments", "ops.lead", "acme", body);
    assertEquals(200, assigned.status(), assigned.body());
    assertEquals(2, assigned.json().getInt("assigned"));
    for (long id : List.of(first, second)) {
      JsonObject dispute =
          Portal.get("/api/v1/disputes/" + id, "agent.acme", "acme")
              .json()
              .getJsonObject("dispute");
      assertEquals("agent.acme", dispute.getString("assignee"));
    }
    List<String> assignedToAgent =
        Portal.get("/api/v1/disputes?assignee=agent.acme&limit=500", "agent.acme", "acme")
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(d -> d.getString("number"))
            .toList();
    assertTrue(
        assignedToAgent.containsAll(List.of(number(first), number(second))),
        assignedToAgent.toString());
  }

  // ------------------------------------------------------------------ helpers

  /** A dispute on a whole invoice, as the API documents it and the raise screen sends it. */
  private static String newDispute(long invoiceId, String amount) {
    return json(
        Json.createObjectBuilder()
            .add("reasonCode", "QUANTITY")
            .add("description", "Fixture dispute (test data): short delivery")
            .add(
                "items",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("invoiceId", invoiceId)
                            .add("amount", amount))));
  }

  /**
   * A dispute on line 1 of an invoice. The tests that need a dispute to work on raise it this way,
   * so that the line path is exercised too; {@link #aDisputeOnAWholeInvoiceIsRaised} covers whole
   * invoices.
   */
  private static String newLineDispute(long invoiceId, String amount) {
    return json(
        Json.createObjectBuilder()
            .add("reasonCode", "QUANTITY")
            .add("description", "Fixture dispute (test data): short delivery")
            .add(
                "items",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("invoiceId", invoiceId)
                            .add("lineNo", 1)
                            .add("amount", amount))));
  }

  private static JsonObject raise(String user, long invoiceId, String amount) {
    Reply reply =
        Portal.post(
            "/api/v1/disputes",
            user,
            user.equals("ops.lead") ? "acme" : null,
            newLineDispute(invoiceId, amount));
    assertEquals(201, reply.status(), reply.body());
    return reply.json();
  }

  private static Reply transition(
      long id,
      String user,
      String action,
      long version,
      String note,
      String outcome,
      String acceptedAmount) {
    JsonObjectBuilder step =
        Json.createObjectBuilder().add("action", action).add("version", version);
    if (note != null) {
      step.add("note", note);
    }
    if (outcome != null) {
      step.add("outcome", outcome);
    }
    if (acceptedAmount != null) {
      step.add("acceptedAmount", acceptedAmount);
    }
    return Portal.post(
        "/api/v1/disputes/" + id + "/transitions",
        user,
        user.endsWith(".acme") ? null : "acme",
        json(step));
  }

  private static JsonObject ok(Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private static String assignment(List<Long> ids, String assignee) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    ids.forEach(array::add);
    return json(Json.createObjectBuilder().add("ids", array).add("assignee", assignee));
  }

  private static Reply attach(
      long id, String user, String tenant, String fileName, byte[] content) {
    return Portal.send(
        authorised(
            HttpRequest.newBuilder(
                    URI.create(Portal.URL + "/api/v1/disputes/" + id + "/attachments"))
                .header("Content-Type", "application/octet-stream")
                .header("X-File-Name", fileName)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)),
            user,
            tenant));
  }

  private static HttpRequest.Builder authorised(
      HttpRequest.Builder request, String user, String tenant) {
    request.header("Authorization", "Bearer " + Portal.token(user));
    if (tenant != null) {
      request.header("X-Tenant", tenant);
    }
    return request;
  }

  private static Set<String> visibilitiesSeenBy(long id, String user) {
    Reply reply =
        Portal.get(
            "/api/v1/disputes/" + id + "/messages", user, user.endsWith(".acme") ? null : "acme");
    assertEquals(200, reply.status(), user + ": " + reply.body());
    return reply.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
        .map(m -> m.getString("visibility"))
        .collect(Collectors.toSet());
  }

  private static String status(long id) {
    return Portal.get("/api/v1/disputes/" + id, "agent.acme", "acme")
        .json()
        .getJsonObject("dispute")
        .getString("status");
  }

  private static JsonObject invoice(long id) {
    Reply reply = Portal.get("/api/v1/invoices/" + id, "agent.acme", "acme");
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private static String open(JsonObject invoiceDetail) {
    return invoiceDetail.getJsonObject("invoice").getJsonObject("open").getString("amount");
  }

  private static JsonObject agingRow(long customerId) {
    Reply reply =
        Portal.get("/api/v1/receivables/aging?customer=" + customerId, "agent.acme", "acme");
    assertEquals(200, reply.status(), reply.body());
    List<JsonObject> rows = reply.json().getJsonArray("customers").getValuesAs(JsonObject.class);
    assertEquals(1, rows.size(), reply.body());
    return rows.get(0);
  }

  private static BigDecimal amount(JsonObject o, String field) {
    return new BigDecimal(o.getJsonObject(field).getString("amount"));
  }

  private static void assertAmount(BigDecimal expected, BigDecimal actual) {
    assertEquals(0, expected.compareTo(actual), "expected " + expected + " but was " + actual);
  }

  private static long customerId(String number) {
    return Portal.get("/api/v1/customers?q=" + number, "agent.acme", "acme")
        .json()
        .getJsonArray("items")
        .getJsonObject(0)
        .getJsonNumber("id")
        .longValue();
  }

  private static long id(JsonObject detail) {
    return detail.getJsonObject("dispute").getJsonNumber("id").longValue();
  }

  private static long version(JsonObject detail) {
    return detail.getJsonObject("dispute").getJsonNumber("version").longValue();
  }

  private static String number(long id) {
    return "D-" + id;
  }

  /** The subject names this dispute, and not another whose number merely starts the same. */
  private static boolean mentions(String subject, long id) {
    return Pattern.compile("\\bD-" + id + "(?!\\d)").matcher(subject).find();
  }

  private static List<String> fields(Reply reply) {
    return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field"))
        .toList();
  }

  private static String json(JsonObjectBuilder builder) {
    return builder.build().toString();
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
          Address[] to = message.getAllRecipients();
          boolean addressed =
              to != null
                  && List.of(to).stream()
                      .anyMatch(
                          a ->
                              a.toString().equalsIgnoreCase(recipient)
                                  || a.toString().contains("<" + recipient + ">"));
          seen.add(s + " -> " + (to == null ? "[]" : List.of(to)));
          if (addressed && subject.test(s)) {
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

  /** A small but real PDF: one empty page. */
  private static byte[] smallPdf() {
    String pdf =
        "%PDF-1.4\n"
            + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
            + "trailer << /Root 1 0 R >>\n"
            + "%%EOF\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(pdf.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(
        new byte[] {
          (byte) 0xe2, (byte) 0xe3, (byte) 0xcf, (byte) 0xd3, '\n'
        }); // binary, as PDFs are
    return out.toByteArray();
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
