package com.bpo.portal.it.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks end to end: a receiver run by this test (a JDK HttpServer on 127.0.0.1, allowed because
 * acme is set to test mode here as the platform's operator would) registered by acme's lead; a
 * customer raises a dispute through the API; the delivery arrives signed with the secret the
 * registration answered, the receiver fails the first attempt and the retry succeeds; the log shows
 * both attempts; a redelivery after a rotation is signed with both secrets. A tenant not in test
 * mode cannot register a loopback URL (422), only leads manage webhooks, and another tenant's
 * endpoint or delivery is a 404.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookDeliveryIT {
  static final String FIXTURE = "FIX-HOOK-";
  static final String DESCRIPTION = "WebhookDeliveryIT (test data)";
  static final String LEAD = "ops.lead";

  /** One request the receiver got. */
  record Received(String signature, String eventType, String body, int answered) {}

  static HttpServer receiver;
  static final BlockingQueue<Received> RECEIVED = new LinkedBlockingQueue<>();
  static final AtomicInteger REQUESTS = new AtomicInteger();
  static long invoiceId;
  static Boolean acmeWasInTestMode;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeAll
  static void startReceiverAndCreateFixture() throws IOException, SQLException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          // the first request fails, every later one succeeds
          int status = REQUESTS.getAndIncrement() == 0 ? 500 : 200;
          RECEIVED.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("Portal-Signature"),
                  exchange.getRequestHeaders().getFirst("Portal-Event-Type"),
                  body,
                  status));
          byte[] answer = (status == 200 ? "ok" : "receiver down (test)").getBytes();
          exchange.sendResponseHeaders(status, answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    receiver.start();
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("select test_mode from tenant where id = 'acme'")) {
        rs.next();
        acmeWasInTestMode = rs.getBoolean(1);
      }
      try (Statement s = db.createStatement()) {
        // what the platform's operator does: no API lets a tenant's own people set this
        s.executeUpdate("update tenant set test_mode = true where id = 'acme'");
        s.executeUpdate("update tenant set test_mode = false where id = 'globex'");
      }
      bind(db);
      deleteFixture(db);
      try (PreparedStatement insert =
          db.prepareStatement(
              """
          insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date, currency,
                               net_amount, tax_amount, total_amount)
          select 'acme', ?, id, current_date, current_date + 30, currency, ?, 0, ?
          from customer_account where tenant_id = 'acme' and number = 'A-1001' returning id""")) {
        insert.setString(1, FIXTURE + "1");
        insert.setBigDecimal(2, new BigDecimal("500.00"));
        insert.setBigDecimal(3, new BigDecimal("500.00"));
        try (ResultSet rs = insert.executeQuery()) {
          assertTrue(rs.next(), "customer A-1001 exists in acme");
          invoiceId = rs.getLong(1);
        }
      }
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "insert into invoice_line (tenant_id, invoice_id, line_no, description, quantity, unit_price, "
                + "tax_rate, net_amount, tax_amount) select tenant_id, id, 1, 'Fixture goods (test data)', 1, "
                + "total_amount, 0, total_amount, 0 from invoice where tenant_id = 'acme' and id = "
                + invoiceId);
      }
      db.commit();
    }
  }

  @AfterAll
  static void removeFixtureAndStopReceiver() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      deleteFixture(db);
      if (acmeWasInTestMode != null) {
        try (PreparedStatement s =
            db.prepareStatement("update tenant set test_mode = ? where id = 'acme'")) {
          s.setBoolean(1, acmeWasInTestMode);
          s.executeUpdate();
        }
      }
      db.commit();
    } finally {
      if (receiver != null) {
        receiver.stop(0);
      }
    }
  }

  private static boolean finishedWhenDelivered(long deliveryId) throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      try (PreparedStatement q =
          db.prepareStatement(
              "select finished_at is not null and finished_at = delivered_at from webhook_delivery "
                  + "where tenant_id = 'acme' and id = ?")) {
        q.setLong(1, deliveryId);
        try (ResultSet rs = q.executeQuery()) {
          return rs.next() && rs.getBoolean(1);
        }
      } finally {
        db.rollback();
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
      // secrets, deliveries and attempts cascade from their endpoint
      s.executeUpdate(
          "delete from webhook_endpoint where tenant_id = 'acme' and description = '"
              + DESCRIPTION
              + "'");
      s.executeUpdate(
          "delete from webhook_event e where tenant_id = 'acme' and not exists (select 1 from "
              + "webhook_delivery d where d.tenant_id = e.tenant_id and d.event_id = e.id)");
      s.executeUpdate(
          "delete from dispute where tenant_id = 'acme' and id in (select dispute_id from dispute_item "
              + "where tenant_id = 'acme' and invoice_id in "
              + ours
              + ")");
      s.executeUpdate(
          "delete from invoice where tenant_id = 'acme' and number like '" + FIXTURE + "%'");
    }
  }

  // ------------------------------------------------------------------ delivery

  @Test
  void aDeliveryReachesTheReceiverSignedAndIsRetriedAfterItFailsOnce() throws Exception {
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    Reply created = Portal.post("/api/v1/webhooks/endpoints", LEAD, "acme", endpoint(url));
    assertEquals(201, created.status(), created.body());
    String secret = created.json().getString("secret");
    assertTrue(secret.startsWith("whsec_"), secret);
    long endpointId = created.json().getJsonObject("endpoint").getJsonNumber("id").longValue();
    assertTrue(
        Portal.get("/api/v1/webhooks/endpoints/" + endpointId, LEAD, "acme")
                .body()
                .indexOf("whsec_")
            < 0,
        "the secret is shown once, at creation");

    Reply raised =
        Portal.post(
            "/api/v1/disputes",
            "customer.acme",
            null,
            "{\"reasonCode\": \"QUANTITY\", \"description\": \"Fixture dispute (test data)\", "
                + "\"items\": [{\"invoiceId\": "
                + invoiceId
                + ", \"amount\": \"40.00\"}]}");
    assertEquals(201, raised.status(), raised.body());
    long disputeId = raised.json().getJsonObject("dispute").getJsonNumber("id").longValue();

    long started = System.nanoTime();
    Received first = RECEIVED.poll(60, TimeUnit.SECONDS);
    assertNotNull(first, "the first attempt arrives");
    Received second = RECEIVED.poll(60, TimeUnit.SECONDS);
    assertNotNull(second, "the failed attempt is tried again");
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println(
        "WebhookDeliveryIT: first attempt and retry received within " + millis + " ms");

    for (Received r : List.of(first, second)) {
      assertEquals("dispute.raised", r.eventType());
      assertSignedWith(secret, r);
      JsonObject body = json(r.body());
      assertEquals("dispute.raised", body.getString("type"));
      assertEquals("acme", body.getString("tenant"));
      assertEquals(disputeId, body.getJsonObject("data").getJsonNumber("disputeId").longValue());
      assertEquals("40.00", body.getJsonObject("data").getString("disputedAmount"));
    }
    assertEquals(500, first.answered());
    assertEquals(200, second.answered());
    assertEquals(first.body(), second.body(), "a retry sends the same document");

    // the log: one delivery, delivered at its second attempt, both attempts recorded
    JsonObject delivery =
        await(
            () -> deliveriesOf(endpointId).getJsonObject(0),
            d -> "DELIVERED".equals(d.getString("status")));
    assertEquals(2, delivery.getInt("attemptCount"));
    long deliveryId = delivery.getJsonNumber("id").longValue();
    Reply detail = Portal.get("/api/v1/webhooks/deliveries/" + deliveryId, LEAD, "acme");
    assertEquals(200, detail.status(), detail.body());
    JsonArray attempts = detail.json().getJsonArray("attempts");
    assertEquals(2, attempts.size(), detail.body());
    assertEquals(500, attempts.getJsonObject(0).getInt("statusCode"));
    assertEquals("receiver down (test)", attempts.getJsonObject(0).getString("responseExcerpt"));
    assertEquals(200, attempts.getJsonObject(1).getInt("statusCode"));
    // the purge measures the retention from when a delivery finished, which the job records
    assertTrue(finishedWhenDelivered(deliveryId), "finished_at is the delivery's delivered_at");
    assertEquals(
        1,
        Portal.get(
                "/api/v1/webhooks/deliveries?status=DELIVERED&endpoint=" + endpointId, LEAD, "acme")
            .json()
            .getJsonArray("items")
            .size());

    // another tenant's lead sees no such delivery
    assertEquals(
        404, Portal.get("/api/v1/webhooks/deliveries/" + deliveryId, LEAD, "globex").status());
    assertEquals(
        404,
        Portal.post(
                "/api/v1/webhooks/deliveries/" + deliveryId + "/redeliver", LEAD, "globex", "{}")
            .status());

    // a rotation: the new secret is shown once; meanwhile the old one signs too
    Reply rotated =
        Portal.post(
            "/api/v1/webhooks/endpoints/" + endpointId + "/rotate-secret", LEAD, "acme", "{}");
    assertEquals(200, rotated.status(), rotated.body());
    String newSecret = rotated.json().getString("secret");
    assertNotEquals(secret, newSecret);

    Reply again =
        Portal.post("/api/v1/webhooks/deliveries/" + deliveryId + "/redeliver", LEAD, "acme", "{}");
    assertEquals(202, again.status(), again.body());
    long redeliveryId = again.json().getJsonNumber("id").longValue();
    Received third = RECEIVED.poll(60, TimeUnit.SECONDS);
    assertNotNull(third, "the redelivery arrives");
    assertEquals(first.body(), third.body());
    assertSignedWith(newSecret, third);
    assertSignedWith(secret, third);
    assertEquals(3, third.signature().split(",").length, third.signature());
    JsonObject redelivered =
        await(
            () -> Portal.get("/api/v1/webhooks/deliveries/" + redeliveryId, LEAD, "acme").json(),
            d -> "DELIVERED".equals(d.getString("status")));
    assertEquals(deliveryId, redelivered.getJsonNumber("redeliveryOf").longValue());
    assertEquals(2, deliveriesOf(endpointId).size());

    // each secret was answered once; no read, no log page and no audit record holds either
    for (String read :
        List.of(
            "/api/v1/webhooks/endpoints",
            "/api/v1/webhooks/endpoints/" + endpointId,
            "/api/v1/webhooks/deliveries?endpoint=" + endpointId,
            "/api/v1/webhooks/deliveries/" + redeliveryId)) {
      Reply r = Portal.get(read, LEAD, "acme");
      assertEquals(200, r.status(), r.body());
      assertFalse(
          r.body().contains(secret) || r.body().contains(newSecret), read + ": " + r.body());
    }
    assertAuditedWithoutSecrets(endpointId, secret, newSecret);

    // globex's lead filtering the log by acme's endpoint finds nothing
    Reply foreign =
        Portal.get("/api/v1/webhooks/deliveries?endpoint=" + endpointId, LEAD, "globex");
    assertEquals(200, foreign.status(), foreign.body());
    assertEquals(0, foreign.json().getJsonArray("items").size(), foreign.body());
  }

  /**
   * The endpoint is in the audit trail (its creation, and the rotation as a change of
   * secret_rotated_at) but no audit record of the tenant holds a secret.
   */
  private static void assertAuditedWithoutSecrets(long endpointId, String... secrets)
      throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      try (PreparedStatement q =
          db.prepareStatement(
              """
              select count(*) from audit_event
              where tenant_id = 'acme' and entity = 'webhook_endpoint' and entity_id = ?
                and (action = 'INSERT' or after -> 'secret_rotated_at' is not null)""")) {
        q.setString(1, String.valueOf(endpointId));
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          assertEquals(2, rs.getInt(1), "the endpoint's creation and its rotation are audited");
        }
      }
      for (String secret : secrets) {
        try (PreparedStatement q =
            db.prepareStatement(
                """
                select count(*) from audit_event where tenant_id = 'acme'
                  and strpos(coalesce(before::text, '') || coalesce(after::text, ''), ?) > 0""")) {
          q.setString(1, secret);
          try (ResultSet rs = q.executeQuery()) {
            rs.next();
            assertEquals(0, rs.getInt(1), "audit records holding a webhook secret");
          }
        }
      }
      db.rollback();
    }
  }

  // ------------------------------------------------------------------ refusals

  @Test
  void aTenantNotInTestModeCannotRegisterALoopbackOrPlainHttpUrl() {
    for (String url :
        List.of(
            "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
            "https://127.0.0.1/hook",
            "https://169.254.169.254/latest/meta-data",
            "https://10.0.0.1/hook")) {
      Reply refused = Portal.post("/api/v1/webhooks/endpoints", LEAD, "globex", endpoint(url));
      assertEquals(422, refused.status(), url + ": " + refused.body());
      Portal.assertProblem(refused, "url-refused");
      assertEquals(
          "url", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
    assertEquals(
        0,
        Portal.get("/api/v1/webhooks/endpoints", LEAD, "globex")
            .json()
            .getJsonArray("items")
            .stream()
            .filter(e -> e.toString().contains(DESCRIPTION))
            .count());
  }

  @Test
  void unknownEventsAreABadRequest() {
    Reply refused =
        Portal.post(
            "/api/v1/webhooks/endpoints",
            LEAD,
            "acme",
            "{\"url\": \"http://127.0.0.1:1/hook\", \"events\": [\"invoice.eaten\"], \"description\": \""
                + DESCRIPTION
                + "\"}");
    assertEquals(400, refused.status(), refused.body());
    Portal.assertProblem(refused, "validation");
  }

  @Test
  void onlyTheTenantsLeadsManageItsWebhooks() {
    assertEquals(401, Portal.get("/api/v1/webhooks/endpoints", null, null).status());
    for (String user : List.of("agent.acme", "customer.acme", "cfo.acme")) {
      Reply reply = Portal.get("/api/v1/webhooks/endpoints", user, "acme");
      assertEquals(403, reply.status(), user + ": " + reply.body());
      Reply create =
          Portal.post(
              "/api/v1/webhooks/endpoints", user, "acme", endpoint("http://127.0.0.1:1/hook"));
      assertEquals(403, create.status(), user + ": " + create.body());
    }
  }

  @Test
  void anotherTenantsEndpointIsNotFoundAndAStaleVersionIsRefused() {
    Reply created =
        Portal.post(
            "/api/v1/webhooks/endpoints", LEAD, "acme", endpoint("http://127.0.0.1:1/unused"));
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonObject("endpoint").getJsonNumber("id").longValue();
    String path = "/api/v1/webhooks/endpoints/" + id;
    assertEquals(404, Portal.get(path, LEAD, "globex").status());
    assertEquals(404, Portal.post(path + "/rotate-secret", LEAD, "globex", "{}").status());
    assertEquals(404, Portal.get("/api/v1/webhooks/endpoints/999999999", LEAD, "acme").status());

    Reply read = Portal.get(path, LEAD, "acme");
    long version = read.json().getJsonNumber("version").longValue();
    String change =
        "{\"url\": \"http://127.0.0.1:2/unused\", \"events\": [\"scorecard.signed_off\"], "
            + "\"enabled\": false, \"description\": \""
            + DESCRIPTION
            + "\"}";
    Reply changed = put(path, "\"" + version + "\"", change);
    assertEquals(200, changed.status(), changed.body());
    assertEquals(false, changed.json().getBoolean("enabled"));
    Reply stale = put(path, "\"" + version + "\"", change);
    assertEquals(412, stale.status(), stale.body());
    Portal.assertProblem(stale, "stale");
    assertEquals(400, put(path, null, change).status(), "a change without a version");

    assertEquals(404, delete(path, "globex").status());
    assertEquals(204, delete(path, "acme").status());
    assertEquals(404, Portal.get(path, LEAD, "acme").status());
  }

  // ------------------------------------------------------------------ helpers

  private static String endpoint(String url) {
    return "{\"url\": \""
        + url
        + "\", \"events\": [\"dispute.raised\"], \"description\": \""
        + DESCRIPTION
        + "\"}";
  }

  /** The receiver's side: one v1 of the header is the HMAC of "t.body" under the secret. */
  private static void assertSignedWith(String secret, Received r) throws Exception {
    assertNotNull(r.signature(), "signed");
    String[] parts = r.signature().split(",");
    assertTrue(parts[0].startsWith("t="), r.signature());
    long t = Long.parseLong(parts[0].substring(2));
    assertTrue(Math.abs(System.currentTimeMillis() / 1000 - t) < 300, "a fresh timestamp: " + t);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(mac.doFinal((t + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
    List<String> signatures = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      assertTrue(parts[i].startsWith("v1="), r.signature());
      signatures.add(parts[i].substring(3));
    }
    assertTrue(signatures.contains(expected), "signed with the secret: " + r.signature());
  }

  private static JsonArray deliveriesOf(long endpointId) {
    Reply reply = Portal.get("/api/v1/webhooks/deliveries?endpoint=" + endpointId, LEAD, "acme");
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getJsonArray("items");
  }

  private static JsonObject await(
      java.util.function.Supplier<JsonObject> read, Predicate<JsonObject> done)
      throws InterruptedException {
    JsonObject last = null;
    for (int i = 0; i < 60; i++) {
      last = read.get();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not reached in 30 s: " + last);
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static Reply put(String path, String ifMatch, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Portal.URL + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + Portal.token(LEAD))
            .header("X-Tenant", "acme")
            .PUT(HttpRequest.BodyPublishers.ofString(json));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return Portal.send(request);
  }

  private static Reply delete(String path, String tenant) {
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.URL + path))
            .header("Authorization", "Bearer " + Portal.token(LEAD))
            .header("X-Tenant", tenant)
            .DELETE());
  }
}
