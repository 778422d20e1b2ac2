package com.bpo.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  /** The server's default (portal.ratelimit.customer-writes.limit); the test run does not change it. */
  private static final int WRITES_PER_MINUTE = Integer.getInteger("portal.ratelimit.limit", 30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @AfterEach
  void forgetTheCounts() throws SQLException {
    resetQuota();
  }

  @Test
  void aJsonBodyDeclaredOverTheLimitIsRefusedWith413() throws IOException {
    byte[] body = json(2 * MB);
    String head = "POST /api/v1/disputes/assignments HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + Portal.token("agent.acme") + "\r\nX-Tenant: acme\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
    String answer = exchange(head, body, false);
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
    assertTrue(answer.contains("\"status\":413"), answer);
    assertTrue(answer.contains("X-Content-Type-Options: nosniff"), "security headers come first: " + answer);
  }

  @Test
  void aChunkedBodyIsCountedAsItIsReadAndRefusedWith413() throws IOException {
    String head = "POST /api/v1/disputes/assignments HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + Portal.token("agent.acme") + "\r\nX-Tenant: acme\r\n"
        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    String answer = exchange(head, json(2 * MB), true);
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.contains("\"status\":413"), answer);
    assertTrue(!answer.contains("Exception"), answer);
  }

  @Test
  void aCsvImportMayBeFarLargerThanOtherBodies() throws IOException {
    // rows that fail validation: the import is rejected (nothing kept), but not for its size
    StringBuilder csv = new StringBuilder("customer_number,name,country,currency,payment_terms_days,credit_limit\n");
    while (csv.length() < 2 * MB) {
      csv.append("SIZE-TEST,Size test,XX,EUR,not-a-number,0\n");
    }
    String head = "POST /api/v1/imports?kind=customers HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + Portal.token("agent.acme") + "\r\nX-Tenant: acme\r\n"
        + "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n";
    String answer = exchange(head, csv.toString().getBytes(StandardCharsets.UTF_8), true);
    assertTrue(answer.startsWith("HTTP/1.1 422"), answer.substring(0, Math.min(600, answer.length())));
  }

  @Test
  void customerWritesBeyondTheRateLimitAnswer429WithRetryAfterAndOnlyForThatUser() throws Exception {
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
    var refused = Portal.bytes(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Portal.URL + path))
        .header("Authorization", "Bearer " + Portal.token("customer.acme"))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(message)));
    String body = new String(refused.body(), StandardCharsets.UTF_8);
    assertEquals(429, refused.statusCode(), body);
    assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
    assertTrue(body.contains("too-many-requests"), body);
    int retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElse("0"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

    // the count lives in the database every instance shares, per user
    try (Connection db = Portal.asOwner();
         PreparedStatement s = db.prepareStatement(
             "select sum(hits) from request_quota where user_name = 'customer.acme' and bucket = 'customer-writes'");
         ResultSet rs = s.executeQuery()) {
      rs.next();
      assertEquals(WRITES_PER_MINUTE + 1, rs.getInt(1));
    }
    assertEquals(404, Portal.post(path, "agent.acme", "acme", message).status(), "another user is not limited");
    assertNotEquals(429, Portal.get("/api/v1/disputes", "customer.acme", null).status(), "reading is not limited");
  }

  private static void resetQuota() throws SQLException {
    try (Connection db = Portal.asOwner();
         PreparedStatement s = db.prepareStatement("delete from request_quota where user_name in ('customer.acme', 'agent.acme')")) {
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
   * reading once the server stops reading) and returns the answer's head and body as text. The
   * body goes out from another thread, so that an early answer is read while it is still sending.
   */
  private static String exchange(String head, byte[] body, boolean chunked) throws IOException {
    try (Socket socket = new Socket("localhost", Integer.parseInt(System.getProperty("portal.http.port", "9080")))) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
        try {
          out.write(head.getBytes(StandardCharsets.US_ASCII));
          int chunk = 64 * 1024;
          for (int off = 0; off < body.length; off += chunk) {
            int n = Math.min(chunk, body.length - off);
            if (chunked) {
              out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
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
          // the server answered and closed before the whole body was sent: that is the point
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
