package com.bpo.portal.it.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No noisy neighbour (issue 22): while one of a tenant's imports runs, a second of the same
 * tenant's is refused at once with 429 and Retry-After, another tenant's import goes ahead, and the
 * slot is given back when the first import's transaction ends.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrentImportsIT {
  private static final String ROW =
      "TST-CI-%d,A-1001,2026-11-01,2026-12-01,USD,1,Slow upload,1,100.00,0.20,120.00\n";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeEach
  @AfterEach
  void removeImportedInvoices() throws SQLException {
    ImportApiIT.deleteTestInvoices(); // TST-CI-… among them
  }

  @Test
  void aTenantsSecondImportIsRefusedWhileItsFirstRunsAndAnotherTenantsGoesAhead() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    CompletableFuture<HttpResponse<String>> first;
    try (SubmissionPublisher<ByteBuffer> body = new SubmissionPublisher<>()) {
      // an upload whose body arrives slowly: the server reads it inside the import's transaction
      first =
          client.sendAsync(
              HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/imports?kind=invoices"))
                  .header("Authorization", "Bearer " + Portal.token("agent.acme"))
                  .header("X-Tenant", "acme")
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.fromPublisher(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (body.getNumberOfSubscribers() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      body.submit(bytes(ImportApiIT.HEADER + ROW.formatted(1)));
      awaitSlotHeldBy("acme", deadline);

      HttpResponse<byte[]> refused =
          Portal.bytes(
              HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/imports?kind=invoices"))
                  .header("Authorization", "Bearer " + Portal.token("agent.acme"))
                  .header("X-Tenant", "acme")
                  .header("Content-Type", "text/csv")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(ImportApiIT.HEADER + ROW.formatted(2))));
      String problem = new String(refused.body(), StandardCharsets.UTF_8);
      assertEquals(429, refused.statusCode(), problem);
      assertEquals(
          "application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
      assertTrue(problem.contains("too-busy"), problem);
      int retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElse("0"));
      assertTrue(retryAfter >= 1, "Retry-After: " + retryAfter);

      // another tenant's import is not held up by acme's (its file is read and judged: a 422 for
      // the missing columns, not a 429)
      Reply other = ImportApiIT.upload("number\n", "ops.lead", "globex");
      assertEquals(422, other.status(), other.body());
      Portal.assertProblem(other, "import-rejected");

      body.submit(bytes(ROW.formatted(3)));
    }
    HttpResponse<String> done = first.get(60, TimeUnit.SECONDS);
    assertEquals(201, done.statusCode(), done.body());
    assertEquals(
        2, Json.createReader(new StringReader(done.body())).readObject().getInt("created"));

    // the refused file imported nothing; sent again now that the slot is free, it goes in
    Reply again = ImportApiIT.upload(ImportApiIT.HEADER + ROW.formatted(2), "agent.acme", "acme");
    assertEquals(201, again.status(), again.body());
    assertEquals(1, again.json().getInt("created"));
  }

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Waits until an import of the tenant holds its first slot (a transaction's advisory lock). */
  private static void awaitSlotHeldBy(String tenant, long deadline)
      throws SQLException, InterruptedException {
    try (Connection db = Portal.asOwner();
        PreparedStatement held =
            db.prepareStatement(
                "select count(*) from pg_locks where locktype = 'advisory' and granted"
                    + " and ((classid::bigint << 32) | objid::bigint)"
                    + " = hashtext('import:' || ? || ':0')::bigint")) {
      held.setString(1, tenant);
      while (System.nanoTime() < deadline) {
        try (ResultSet rs = held.executeQuery()) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return;
          }
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError("the slow import never took its tenant's slot");
  }
}
