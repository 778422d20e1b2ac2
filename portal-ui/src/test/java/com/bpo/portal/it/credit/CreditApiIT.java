package com.bpo.portal.it.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.credit.CreditTransferSchema;
import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Credit and four eyes through the API: a write-off above the tenant's threshold waits for a lead
 * and moves money only once approved; nobody approves their own request, neither through the API
 * nor through SQL as the application role; a limit request takes effect only when the right person
 * approves; an approved refund becomes a pain.001 file that validates; and every door refuses
 * strangers (401), customers (403) and other tenants' ids (404).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CreditApiIT {
  static final String ACCOUNT = "CR-IT";
  static final String INVOICE = "CRIT-WO";
  static long account;
  static long invoice;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeAll
  static void createFixture() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      deleteFixture(db);
      try (Statement s = db.createStatement()) {
        ResultSet rs =
            s.executeQuery(
                "insert into customer_account (tenant_id, number, name, country, currency, "
                    + "credit_limit) values ('acme', '"
                    + ACCOUNT
                    + "', 'Credit fixture (test data)', 'US', 'USD', 5000) "
                    + "returning id");
        rs.next();
        account = rs.getLong(1);
        // 2,000 received and not applied: unapplied credit to refund
        s.executeUpdate(
            "insert into payment (tenant_id, reference, customer_account_id, received_on, currency, amount) "
                + "values ('acme', 'CRIT-PAY', "
                + account
                + ", current_date - 3, 'USD', 2000)");
        rs =
            s.executeQuery(
                """
            insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date, currency,
                                 net_amount, tax_amount, total_amount)
            select 'acme', 'CRIT-WO', id, current_date, current_date + 30, currency, 5000, 0, 5000
            from customer_account where tenant_id = 'acme' and number = 'A-1001' returning id""");
        rs.next();
        invoice = rs.getLong(1);
        s.executeUpdate(
            "insert into invoice_line (tenant_id, invoice_id, line_no, description, quantity, unit_price, "
                + "tax_rate, net_amount, tax_amount) values ('acme', "
                + invoice
                + ", 1, 'Fixture goods (test data)', 1, "
                + "5000, 0, 5000, 0)");
      }
      db.commit();
    }
  }

  @AfterAll
  static void removeFixture() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      deleteFixture(db);
      db.commit();
    }
  }

  private static void deleteFixture(Connection db) throws SQLException {
    String account =
        "(select id from customer_account where tenant_id = 'acme' and number = '" + ACCOUNT + "')";
    String disputes =
        "(select dispute_id from dispute_item where tenant_id = 'acme' and invoice_id in "
            + "(select id from invoice where tenant_id = 'acme' and number = '"
            + INVOICE
            + "'))";
    String approvals =
        "(select id from approval where tenant_id = 'acme' and (customer_account_id in "
            + account
            + " or payload_ref in (select 'dispute:' || d from "
            + disputes
            + " x(d))))";
    try (Statement s = db.createStatement()) {
      s.executeUpdate(
          "delete from approval_decision where tenant_id = 'acme' and approval_id in " + approvals);
      for (String table :
          List.of(
              "credit_limit_change", "credit_review", "credit_hold", "refund", "credit_profile")) {
        s.executeUpdate(
            "delete from "
                + table
                + " where tenant_id = 'acme' and customer_account_id in "
                + account);
      }
      s.executeUpdate(
          "delete from credit_limit_request where tenant_id = 'acme' and customer_account_id in "
              + account);
      s.executeUpdate("delete from approval where tenant_id = 'acme' and id in " + approvals);
      s.executeUpdate("delete from dispute where tenant_id = 'acme' and id in " + disputes);
      s.executeUpdate(
          "delete from credit_note where tenant_id = 'acme' and invoice_id in (select id from invoice "
              + "where tenant_id = 'acme' and number = '"
              + INVOICE
              + "')");
      s.executeUpdate(
          "delete from invoice where tenant_id = 'acme' and number = '" + INVOICE + "'");
      s.executeUpdate("delete from payment where tenant_id = 'acme' and reference = 'CRIT-PAY'");
      s.executeUpdate(
          "delete from customer_account where tenant_id = 'acme' and number = '" + ACCOUNT + "'");
    }
  }

  private static void bind(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("select set_config('app.tenant_id', 'acme', true)");
    }
  }

  // ------------------------------------------------------------------ four eyes on a write-off

  @Test
  void anAgentsWriteOffAboveTheThresholdWaitsForALeadAndAppliesOnlyOnceApproved()
      throws SQLException {
    JsonObject raised =
        ok(
            201,
            Portal.post(
                "/api/v1/disputes",
                "customer.acme",
                null,
                json(
                    Json.createObjectBuilder()
                        .add("reasonCode", "QUANTITY")
                        .add("description", "Fixture dispute (test data): damaged goods")
                        .add(
                            "items",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("invoiceId", invoice)
                                        .add("lineNo", 1)
                                        .add("amount", "2500.00"))))));
    long dispute = raised.getJsonObject("dispute").getJsonNumber("id").longValue();
    JsonObject reviewing = ok(200, transition(dispute, "START_REVIEW", version(raised), null));

    Reply waiting = transition(dispute, "RESOLVE", version(reviewing), "WRITTEN_OFF");
    assertEquals(
        202, waiting.status(), "above the threshold the write-off waits: " + waiting.body());
    assertEquals("0.00", writtenOff(), "nothing is written off yet");
    JsonObject still =
        ok(200, Portal.get("/api/v1/disputes/" + dispute, "agent.acme", null))
            .getJsonObject("dispute");
    assertEquals("IN_REVIEW", still.getString("status"));
    assertEquals(
        409,
        transition(dispute, "RESOLVE", version(reviewing), "WRITTEN_OFF").status(),
        "one approval waits already");

    JsonObject pending = inboxItem("ops.lead", "dispute:" + dispute);
    long approval = pending.getJsonNumber("id").longValue();
    assertEquals("WRITE_OFF", pending.getString("kind"));
    assertEquals("agent.acme", pending.getString("maker"));
    assertEquals("2500.00", pending.getJsonObject("amount").getString("amount"));
    assertEquals(
        403,
        Portal.post("/api/v1/approvals/" + approval + "/approve", "agent.acme", null, "{}")
            .status(),
        "an agent approves nothing, least of all their own write-off");
    assertEquals(
        403,
        Portal.post("/api/v1/approvals/" + approval + "/approve", "cfo.acme", null, "{}").status(),
        "the matrix gives write-offs to leads");
    assertEquals("0.00", writtenOff());

    JsonObject approved =
        ok(
            200,
            Portal.post(
                "/api/v1/approvals/" + approval + "/approve",
                "ops.lead",
                "acme",
                "{\"note\": \"Checked the delivery notes\"}"));
    assertEquals("APPLIED", approved.getJsonObject("approval").getString("status"));
    assertEquals("2500.00", writtenOff(), "applied once a second person approved");
    JsonObject resolved =
        ok(200, Portal.get("/api/v1/disputes/" + dispute, "agent.acme", null))
            .getJsonObject("dispute");
    assertEquals("RESOLVED", resolved.getString("status"));
    assertEquals("WRITTEN_OFF", resolved.getString("outcome"));
    assertEquals(
        409,
        Portal.post("/api/v1/approvals/" + approval + "/approve", "ops.lead", "acme", "{}")
            .status(),
        "decided once");
  }

  // ------------------------------------------------------------------ nobody approves their own
  // request

  @Test
  void theMakerCannotApproveTheirOwnLimitRequestThroughTheApiOrThroughSql() throws SQLException {
    JsonObject own =
        ok(
            201,
            Portal.post(
                "/api/v1/credit/limit-requests",
                "ops.lead",
                "acme",
                limitRequest("9000.00", "Lead's own request")));
    long approval = own.getJsonNumber("approvalId").longValue();
    Reply self =
        Portal.post("/api/v1/approvals/" + approval + "/approve", "ops.lead", "acme", "{}");
    assertEquals(
        403, self.status(), "up to 10,000 a lead approves, but not their own: " + self.body());
    assertTrue(self.body().contains("own"), self.body());
    JsonObject detail = ok(200, Portal.get("/api/v1/approvals/" + approval, "ops.lead", "acme"));
    assertEquals(false, detail.getBoolean("mayDecide"));

    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      bind(db);
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> {
                try (PreparedStatement insert =
                    db.prepareStatement(
                        "insert into approval_decision (tenant_id, approval_id, "
                            + "maker, approver, approver_role, decision) values ('acme', ?, 'ops.lead', 'ops.lead', 'bpo-lead', 'APPROVE')")) {
                  insert.setLong(1, approval);
                  insert.executeUpdate();
                }
              });
      assertEquals(
          "23514",
          refused.getSQLState(),
          "the CHECK refuses a decision by the maker: " + refused.getMessage());
      db.rollback();
      bind(db);
      SQLException forged =
          assertThrows(
              SQLException.class,
              () -> {
                try (PreparedStatement insert =
                    db.prepareStatement(
                        "insert into approval_decision (tenant_id, approval_id, "
                            + "maker, approver, approver_role, decision) values ('acme', ?, 'somebody.else', 'ops.lead', 'bpo-lead', "
                            + "'APPROVE')")) {
                  insert.setLong(1, approval);
                  insert.executeUpdate();
                }
              });
      assertEquals(
          "23503",
          forged.getSQLState(),
          "nor can a decision name another maker: " + forged.getMessage());
      db.rollback();
    }
    assertEquals(
        "PENDING",
        ok(200, Portal.get("/api/v1/approvals/" + approval, "cfo.acme", null))
            .getJsonObject("approval")
            .getString("status"));
    closeBySql(approval);
  }

  // ------------------------------------------------------------------ limits

  @Test
  void aLimitAboveTheLeadsBandTakesEffectOnlyWhenTheStakeholderApprovesAndStaysInTheHistory() {
    BigDecimal before = new BigDecimal(profile().getJsonObject("limit").getString("amount"));
    String wanted = before.add(new BigDecimal("15000.00")).toPlainString();
    JsonObject request =
        ok(
            201,
            Portal.post(
                "/api/v1/credit/limit-requests",
                "agent.acme",
                null,
                limitRequest(wanted, "Orders double for the season")));
    assertEquals("REQUESTED", request.getString("status"));
    long approval = request.getJsonNumber("approvalId").longValue();
    assertEquals(
        before.toPlainString(),
        profile().getJsonObject("limit").getString("amount"),
        "not yet in force");
    assertEquals(
        403,
        Portal.post("/api/v1/approvals/" + approval + "/approve", "ops.lead", "acme", "{}")
            .status(),
        "above 10,000 the lead has no authority");
    JsonObject approved =
        ok(200, Portal.post("/api/v1/approvals/" + approval + "/approve", "cfo.acme", null, "{}"));
    assertEquals("APPLIED", approved.getJsonObject("approval").getString("status"));
    JsonObject profile = profile();
    assertEquals(wanted, profile.getJsonObject("limit").getString("amount"));
    JsonObject last = profile.getJsonArray("history").getJsonObject(0);
    assertEquals(wanted, last.getJsonObject("newLimit").getString("amount"));
    assertEquals(before.toPlainString(), last.getJsonObject("oldLimit").getString("amount"));
    assertEquals("cfo.acme", last.getString("changedBy"));
    JsonObject accountRead =
        ok(200, Portal.get("/api/v1/customers/" + account, "ops.lead", "acme"));
    assertEquals(
        new BigDecimal(wanted),
        new BigDecimal(accountRead.getJsonObject("creditLimit").getString("amount")),
        "the account shows the limit in force, not the one before: " + accountRead);
    assertEquals(
        "APPROVED",
        ok(
                200,
                Portal.get(
                    "/api/v1/credit/limit-requests/" + request.getJsonNumber("id"),
                    "agent.acme",
                    null))
            .getString("status"));

    JsonObject refusedRequest =
        ok(
            201,
            Portal.post(
                "/api/v1/credit/limit-requests",
                "agent.acme",
                null,
                limitRequest(
                    new BigDecimal(wanted).add(new BigDecimal("1000.00")).toPlainString(),
                    "More again")));
    long refusal = refusedRequest.getJsonNumber("approvalId").longValue();
    assertEquals(
        400,
        Portal.post("/api/v1/approvals/" + refusal + "/refuse", "cfo.acme", null, "{}").status(),
        "a refusal says why");
    ok(
        200,
        Portal.post(
            "/api/v1/approvals/" + refusal + "/refuse",
            "cfo.acme",
            null,
            "{\"note\": \"Not now\"}"));
    assertEquals(
        wanted, profile().getJsonObject("limit").getString("amount"), "a refusal keeps the limit");
    assertEquals(
        "REFUSED",
        ok(
                200,
                Portal.get(
                    "/api/v1/credit/limit-requests/" + refusedRequest.getJsonNumber("id"),
                    "agent.acme",
                    null))
            .getString("status"));
  }

  @Test
  void aHoldIsSetAndReleasedWithAReason() {
    Reply noReason =
        Portal.post(
            "/api/v1/credit/holds",
            "agent.acme",
            null,
            json(Json.createObjectBuilder().add("customerAccountId", account)));
    assertEquals(400, noReason.status(), noReason.body());
    JsonObject hold =
        ok(
            201,
            Portal.post(
                "/api/v1/credit/holds",
                "agent.acme",
                null,
                json(
                    Json.createObjectBuilder()
                        .add("customerAccountId", account)
                        .add("reason", "Cheque bounced"))));
    assertTrue(profile().getJsonArray("flags").toString().contains("ON_HOLD"));
    assertEquals(
        409,
        Portal.post(
                "/api/v1/credit/holds",
                "agent.acme",
                null,
                json(
                    Json.createObjectBuilder()
                        .add("customerAccountId", account)
                        .add("reason", "Again")))
            .status());
    assertEquals(
        403,
        Portal.post(
                "/api/v1/credit/holds/" + hold.getJsonNumber("id") + "/release",
                "cfo.acme",
                null,
                "{\"reason\": \"Paid\"}")
            .status(),
        "the client sees holds; the BPO sets and releases them");
    assertEquals(
        204,
        Portal.post(
                "/api/v1/credit/holds/" + hold.getJsonNumber("id") + "/release",
                "agent.acme",
                null,
                json(
                    Json.createObjectBuilder()
                        .add("reason", "Replaced by a transfer")
                        .add("version", hold.getJsonNumber("version").longValue())))
            .status());
    assertTrue(!profile().getJsonArray("flags").toString().contains("ON_HOLD"));
  }

  // ------------------------------------------------------------------ refunds

  @Test
  void anApprovedRefundBecomesAPain001FileThatValidates() {
    Reply settings =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/credit/settings"))
                .header("Authorization", "Bearer " + Portal.token("ops.lead"))
                .header("X-Tenant", "acme")
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"debtorName\": \"Acme Industries\", \"debtorIban\": \"GB82 WEST 1234 5698 7654 32\"}")));
    assertEquals(200, settings.status(), settings.body());
    Reply badIban =
        Portal.post(
            "/api/v1/credit/refunds",
            "agent.acme",
            null,
            refund("1500.00", "DE89370400440532013001"));
    assertEquals(400, badIban.status(), badIban.body());
    assertTrue(badIban.body().contains("\"iban\""), badIban.body());
    assertEquals(
        400,
        Portal.post(
                "/api/v1/credit/refunds",
                "agent.acme",
                null,
                refund("2000.01", "DE89370400440532013000"))
            .status(),
        "no more than the unapplied credit");

    JsonObject asked =
        ok(
            201,
            Portal.post(
                "/api/v1/credit/refunds",
                "agent.acme",
                null,
                refund("1500.00", "DE89 3704 0044 0532 0130 00")));
    assertEquals("REQUESTED", asked.getString("status"));
    long id = asked.getJsonNumber("id").longValue();
    assertEquals(409, file(id, "agent.acme").status(), "no file before the approval");
    long approval = asked.getJsonNumber("approvalId").longValue();
    assertEquals(
        403,
        Portal.post("/api/v1/approvals/" + approval + "/approve", "agent.acme", null, "{}")
            .status());
    ok(200, Portal.post("/api/v1/approvals/" + approval + "/approve", "ops.lead", "acme", "{}"));

    Reply file = file(id, "agent.acme");
    assertEquals(200, file.status(), file.body());
    assertTrue(file.contentType().startsWith("application/xml"), file.contentType());
    assertEquals(Optional.empty(), CreditTransferSchema.problem(file.body()), file.body());
    assertTrue(file.body().contains("<IBAN>DE89370400440532013000</IBAN>"), file.body());
    assertTrue(file.body().contains("<InstdAmt Ccy=\"USD\">1500.00</InstdAmt>"), file.body());
    assertTrue(file.body().contains("<EndToEndId>RF-" + id + "</EndToEndId>"), file.body());
  }

  // ------------------------------------------------------------------ doors

  @Test
  void strangersCustomersAndOtherTenantsAreRefused() throws SQLException {
    String path = "/api/v1/credit/accounts/" + account;
    assertEquals(401, Portal.get(path, null, "acme").status());
    assertEquals(403, Portal.get(path, "customer.acme", null).status());
    assertEquals(403, Portal.get("/api/v1/approvals", "customer.acme", null).status());
    assertEquals(403, Portal.get(path, "cfo.globex", "acme").status(), "not a member of acme");
    assertEquals(
        404, Portal.get(path, "ops.lead", "globex").status(), "acme's account seen from globex");
    assertEquals(404, Portal.get(path, "cfo.globex", null).status());
    assertEquals(404, Portal.get("/api/v1/credit/accounts/987654321", "agent.acme", null).status());
    assertEquals(
        200,
        Portal.get(path, "cfo.acme", null).status(),
        "the client's stakeholder reads the profile");
    JsonObject request =
        ok(
            201,
            Portal.post(
                "/api/v1/credit/limit-requests",
                "ops.lead",
                "acme",
                limitRequest("1.00", "Door test")));
    long approval = request.getJsonNumber("approvalId").longValue();
    assertEquals(404, Portal.get("/api/v1/approvals/" + approval, "cfo.globex", null).status());
    assertEquals(
        404,
        Portal.post("/api/v1/approvals/" + approval + "/approve", "cfo.globex", null, "{}")
            .status());
    assertEquals(
        404,
        Portal.get(
                "/api/v1/credit/limit-requests/" + request.getJsonNumber("id"),
                "ops.lead",
                "globex")
            .status());
    assertEquals(
        404,
        Portal.post(
                "/api/v1/credit/holds",
                "ops.lead",
                "globex",
                json(
                    Json.createObjectBuilder()
                        .add("customerAccountId", account)
                        .add("reason", "x")))
            .status());
    assertEquals(
        403,
        Portal.post(
                "/api/v1/approvals/" + approval + "/refuse",
                "cfo.acme",
                null,
                "{\"note\": \"door test\"}")
            .status(),
        "a lead's band: the stakeholder neither approves nor refuses");
    closeBySql(approval);
  }

  // ------------------------------------------------------------------ helpers

  private static JsonObject profile() {
    return ok(200, Portal.get("/api/v1/credit/accounts/" + account, "agent.acme", null));
  }

  /**
   * Refuses a request that nobody in the demo may decide (a lead's own, in the lead's band), so
   * that the account has no open request for the next test: the tests share the account.
   */
  private static void closeBySql(long approval) throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "update credit_limit_request set status = 'REFUSED' where tenant_id = 'acme' and approval_id = "
                + approval);
        s.executeUpdate(
            "update approval set status = 'REFUSED' where tenant_id = 'acme' and id = " + approval);
      }
      db.commit();
    }
  }

  private static JsonObject inboxItem(String user, String payloadRef) {
    JsonObject inbox = ok(200, Portal.get("/api/v1/approvals?limit=500", user, "acme"));
    return inbox.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(a -> a.getString("payloadRef").equals(payloadRef))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(payloadRef + " is not in " + user + "'s inbox: " + inbox));
  }

  private static String writtenOff() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      try (Statement s = db.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select written_off_amount from invoice where tenant_id = 'acme' and id = "
                      + invoice)) {
        rs.next();
        String value = rs.getBigDecimal(1).toPlainString();
        db.rollback();
        return value;
      }
    }
  }

  private static Reply transition(long dispute, String action, long version, String outcome) {
    JsonObjectBuilder step =
        Json.createObjectBuilder().add("action", action).add("version", version);
    if (outcome != null) {
      step.add("outcome", outcome).add("note", "Written off as agreed (test data)");
    }
    return Portal.post(
        "/api/v1/disputes/" + dispute + "/transitions", "agent.acme", null, json(step));
  }

  private static long version(JsonObject detail) {
    return detail.getJsonObject("dispute").getJsonNumber("version").longValue();
  }

  private static String limitRequest(String limit, String reason) {
    return json(
        Json.createObjectBuilder()
            .add("customerAccountId", account)
            .add("requestedLimit", limit)
            .add("reason", reason));
  }

  private static String refund(String amount, String iban) {
    return json(
        Json.createObjectBuilder()
            .add("customerAccountId", account)
            .add("amount", amount)
            .add("payeeName", "Credit fixture (test data)")
            .add("iban", iban)
            .add("reason", "Overpaid twice"));
  }

  private static Reply file(long id, String user) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/credit/refunds/" + id + "/pain001"))
            .header("Authorization", "Bearer " + Portal.token(user))
            .header("X-Tenant", "acme")
            .GET();
    return Portal.send(request);
  }

  private static JsonObject ok(int status, Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    return reply.json();
  }

  private static String json(JsonObjectBuilder builder) {
    return builder.build().toString();
  }
}
