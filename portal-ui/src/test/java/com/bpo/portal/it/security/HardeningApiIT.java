package com.bpo.portal.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Limits on what a request and a user may send: bodies over their limit answer 413 whether they
 * declare their length or arrive in chunks, CSV imports may be far larger, and customer-facing
 * writes beyond the rate limit answer 429 with Retry-After, counted per user in PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HardeningApiIT {
  private static final int MB = 1024 * 1024;

  /**
   * The server's default (portal.ratelimit.customer-writes.limit); the test run does not change it.
   */
  private static final int WRITES_PER_MINUTE = Integer.getInteger("portal.ratelimit.limit", 30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  /**
   * Before as well as after: the WAR is deployed once per run, and the classes before this one may
   * have used up customer.acme's writes of the minute.
   */
  @BeforeEach
  @AfterEach
  void forgetTheCounts() throws SQLException {
    resetQuota();
  }

  @Test
  void aJsonBodyDeclaredOverTheLimitIsRefusedWith413() throws IOException {
    byte[] body = json(2 * MB);
    String head =
        "POST /api/v1/disputes/assignments HTTP/1.1\r\nHost: localhost\r\n"
            + "Authorization: Bearer "
            + Portal.token("agent.acme")
            + "\r\nX-Tenant: acme\r\n"
            + "Content-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    String answer = exchange(head, body, false);
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
    assertTrue(answer.contains("\"status\":413"), answer);
    assertTrue(
        answer.contains("X-Content-Type-Options: nosniff"),
        "security headers come first: " + answer);
  }

  @Test
  void aChunkedBodyIsCountedAsItIsReadAndRefusedWith413() throws IOException {
    String head =
        "POST /api/v1/disputes/assignments HTTP/1.1\r\nHost: localhost\r\n"
            + "Authorization: Bearer "
            + Portal.token("agent.acme")
            + "\r\nX-Tenant: acme\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    String answer = exchange(head, json(2 * MB), true);
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.contains("\"status\":413"), answer);
    assertTrue(!answer.contains("Exception"), answer);
  }

  @Test
  void aCsvImportMayBeFarLargerThanOtherBodies() throws IOException {
    // rows that fail validation: the import is rejected (nothing kept), but not for its size
    StringBuilder csv =
        new StringBuilder(
            "customer_number,name,country,currency,payment_terms_days,credit_limit\n");
    while (csv.length() < 2 * MB) {
      csv.append("SIZE-TEST,Size test,XX,EUR,not-a-number,0\n");
    }
    String head =
        "POST /api/v1/imports?kind=customers HTTP/1.1\r\nHost: localhost\r\n"
            + "Authorization: Bearer "
            + Portal.token("agent.acme")
            + "\r\nX-Tenant: acme\r\n"
            + "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n";
    String answer = exchange(head, csv.toString().getBytes(StandardCharsets.UTF_8), true);
    assertTrue(
        answer.startsWith("HTTP/1.1 422"), answer.substring(0, Math.min(600, answer.length())));
  }

  @Test
  void customerWritesBeyondTheRateLimitAnswer429WithRetryAfterAndOnlyForThatUser()
      throws Exception {
    resetQuota();
    if (LocalTime.now().getSecond() > 45) {
      Thread.sleep((61 - LocalTime.now().getSecond()) * 1000L); // all the writes in one window
    }
    String path = "/api/v1/disputes/999999999/messages";
    String message = "{\"body\": \"Is anyone there?\", \"visibility\": \"CUSTOMER\"}";
    for (int i = 1; i <= WRITES_PER_MINUTE; i++) {
      Portal.Reply reply = Portal.post(path, "customer.acme", null, message);
      assertEquals(404, reply.status(), "write " + i + ": " + reply.body());
    }
    var refused =
        Portal.bytes(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(Portal.URL + path))
                .header("Authorization", "Bearer " + Portal.token("customer.acme"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(message)));
    String body = new String(refused.body(), StandardCharsets.UTF_8);
    assertEquals(429, refused.statusCode(), body);
    assertEquals(
        "application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
    assertTrue(body.contains("too-many-requests"), body);
    int retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElse("0"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

    // the count lives in the database every instance shares, per user
    try (Connection db = Portal.asOwner();
        PreparedStatement s =
            db.prepareStatement(
                "select sum(hits) from request_quota where user_name = 'customer.acme' and bucket = 'customer-writes'");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      assertEquals(WRITES_PER_MINUTE + 1, rs.getInt(1));
    }
    assertEquals(
        404,
        Portal.post(path, "agent.acme", "acme", message).status(),
        "another user is not limited");
    assertNotEquals(
        429,
        Portal.get("/api/v1/disputes", "customer.acme", null).status(),
        "reading is not limited");
  }

  // ------------------------------------------------------------------ malformed input: a quick
  // 4xx, no stack trace

  @Test
  void anAmountInExponentNotationIsRefusedQuickly() throws IOException {
    long logged = serverLogSize();
    long start = System.nanoTime();
    Portal.Reply reply =
        Portal.post(
            "/api/v1/disputes",
            "customer.acme",
            null,
            "{\"reasonCode\": \"PRICE\", \"description\": \"x\", \"items\": [{\"invoiceId\": 999999999, "
                + "\"amount\": \"1e9999999\"}]}");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(400, reply.status(), reply.body());
    assertTrue(millis < 1000, "answered in " + millis + " ms");
    assertTrue(reply.body().contains("items[0].amount"), reply.body());
    assertNoStackTraceLoggedSince(logged);
  }

  @Test
  void malformedBodiesAreBadRequestsWithoutAStackTrace() throws IOException {
    long logged = serverLogSize();
    String messages = "/api/v1/disputes/999999999/messages";
    String meetings = "/api/v1/governance/meetings";
    String[][] cases = {
      {messages, "customer.acme", "{\"body\": \"unfinished"}, // malformed JSON
      {
        messages, "customer.acme", "{\"body\": \"x\", \"visibility\": \"SECRET\"}"
      }, // unknown enum value
      {messages, "customer.acme", "[1, 2, 3]"}, // wrong type
      {
        meetings, "ops.lead", "{\"type\": \"QBR\", \"title\": \"x\", \"heldOn\": \"2026-02-30\"}"
      }, // impossible date
      {meetings, "ops.lead", "{\"type\": \"QBR\", \"title\": 42, \"heldOn\": {}}"}, // wrong types
    };
    for (String[] c : cases) {
      Portal.Reply reply =
          Portal.post(c[0], c[1], "customer.acme".equals(c[1]) ? null : "acme", c[2]);
      assertEquals(400, reply.status(), c[2] + " -> " + reply.body());
      assertTrue(
          reply.contentType().startsWith("application/problem+json"),
          c[2] + " -> " + reply.contentType());
      assertTrue(
          !reply.body().contains("Exception") && !reply.body().contains("com.bpo"), reply.body());
    }
    Portal.Reply enumReply = Portal.post(messages, "customer.acme", null, cases[1][2]);
    assertTrue(enumReply.body().contains("visibility"), "names the field: " + enumReply.body());
    assertNoStackTraceLoggedSince(logged);
  }

  @Test
  void aCursorTheApiDidNotIssueIsABadRequestOnEveryList() throws IOException {
    long logged = serverLogSize();
    String[] lists = {
      "/api/v1/invoices",
      "/api/v1/invoices?sort=-total",
      "/api/v1/disputes",
      "/api/v1/disputes?sort=-amount",
      "/api/v1/audit",
      "/api/v1/governance/entries",
      "/api/v1/governance/entries?sort=due",
      "/api/v1/governance/meetings",
      "/api/v1/procedures"
    };
    String[] cursors = {
      "not*base64",
      cursor("x"),
      cursor("2026-01-01\u001fnot-a-number"),
      cursor("1e9999999\u001f1"),
      cursor("\u001f\u001f\u001f")
    };
    for (String list : lists) {
      for (String c : cursors) {
        String path = list + (list.contains("?") ? "&" : "?") + "cursor=" + c;
        Portal.Reply reply = Portal.get(path, "ops.lead", "acme");
        assertEquals(400, reply.status(), path + " -> " + reply.body());
      }
    }
    // customers page by number, a text: any text is a key, but not what is no cursor at all
    assertEquals(
        400, Portal.get("/api/v1/customers?cursor=not*base64", "ops.lead", "acme").status());
    assertNoStackTraceLoggedSince(logged);
  }

  @Test
  void anInvalidChunkedBodyIsABadRequest() throws IOException {
    long logged = serverLogSize();
    String head =
        "POST /api/v1/governance/meetings HTTP/1.1\r\nHost: localhost\r\n"
            + "Authorization: Bearer "
            + Portal.token("ops.lead")
            + "\r\nX-Tenant: acme\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    String answer =
        exchange(head, "zz\r\n{\"type\"\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false);
    assertTrue(answer.startsWith("HTTP/1.1 4"), answer);
    assertTrue(!answer.contains("Exception"), answer);
    assertNoStackTraceLoggedSince(logged);
  }

  @Test
  void aScorecardPeriodOutsideTheSaneRangeIsRefusedWith422() {
    for (String period : new String[] {"9999-12", "1900-01"}) {
      Portal.Reply read = Portal.get("/api/v1/scorecards?period=" + period, "ops.lead", "acme");
      assertEquals(422, read.status(), read.body());
      Portal.Reply compute =
          Portal.post("/api/v1/scorecards/" + period + "/compute", "ops.lead", "acme", "{}");
      assertEquals(422, compute.status(), compute.body());
    }
  }

  private static String cursor(String key) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  /** Liberty's log of the server under test (failsafe runs in portal-ui). */
  private static final java.nio.file.Path SERVER_LOG =
      java.nio.file.Path.of("target/liberty/wlp/usr/servers/portal-it/logs/messages.log");

  private static long serverLogSize() throws IOException {
    return java.nio.file.Files.exists(SERVER_LOG) ? java.nio.file.Files.size(SERVER_LOG) : 0;
  }

  /**
   * Nothing logged a stack trace or an error since {@code from}: a caller's mistake is not the
   * server's.
   */
  static void assertNoStackTraceLoggedSince(long from) throws IOException {
    assertTrue(
        java.nio.file.Files.exists(SERVER_LOG),
        "the server's log is at " + SERVER_LOG.toAbsolutePath());
    byte[] all = java.nio.file.Files.readAllBytes(SERVER_LOG);
    String added =
        new String(
            all,
            (int) Math.min(from, all.length),
            (int) Math.max(0, all.length - from),
            StandardCharsets.UTF_8);
    assertTrue(
        !added.contains("\tat ") && !added.contains("Unexpected failure") && !added.contains(" E "),
        added);
  }

  private static void resetQuota() throws SQLException {
    try (Connection db = Portal.asOwner();
        PreparedStatement s =
            db.prepareStatement(
                "delete from request_quota where user_name in ('customer.acme', 'agent.acme')")) {
      s.executeUpdate();
    }
  }

  private static byte[] json(int size) {
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) 'a');
    byte[] open = "{\"disputeIds\": [\"".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(open, 0, body, 0, open.length);
    body[size - 3] = '"';
    body[size - 2] = ']';
    body[size - 1] = '}';
    return body;
  }

  /**
   * Sends a request on a raw socket (the JDK client can neither send a chosen chunking nor keep
   * reading once the server stops reading) and returns the answer's head and body as text. The body
   * goes out from another thread, so that an early answer is read while it is still sending.
   */
  private static String exchange(String head, byte[] body, boolean chunked) throws IOException {
    try (Socket socket =
        new Socket("localhost", Integer.parseInt(System.getProperty("portal.http.port", "9080")))) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      CompletableFuture<Void> sending =
          CompletableFuture.runAsync(
              () -> {
                try {
                  out.write(head.getBytes(StandardCharsets.US_ASCII));
                  int chunk = 64 * 1024;
                  for (int off = 0; off < body.length; off += chunk) {
                    int n = Math.min(chunk, body.length - off);
                    if (chunked) {
                      out.write(
                          (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(body, off, n);
                    if (chunked) {
                      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                  }
                  if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  }
                  out.flush();
                } catch (IOException e) {
                  // the server answered and closed before the whole body was sent: that is the
                  // point
                }
              });
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          answer.write(buffer, 0, n);
          String text = answer.toString(StandardCharsets.UTF_8);
          if (text.contains("\r\n\r\n") && complete(text)) {
            break;
          }
        }
      } catch (IOException e) {
        if (answer.size() == 0) {
          throw e;
        }
      }
      sending.cancel(true);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  /** Whether the answer's body has arrived: by its Content-Length, or the last chunk. */
  private static boolean complete(String text) {
    int split = text.indexOf("\r\n\r\n");
    String headers = text.substring(0, split).toLowerCase();
    String body = text.substring(split + 4);
    var length = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(headers);
    if (length.find()) {
      return body.getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length.group(1));
    }
    return headers.contains("transfer-encoding: chunked") ? body.endsWith("0\r\n\r\n") : false;
  }
}
