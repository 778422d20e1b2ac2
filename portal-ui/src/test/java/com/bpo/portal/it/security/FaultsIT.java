package com.bpo.portal.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal under a stopped PostgreSQL or Keycloak, and after they come back: clear answers
 * meanwhile (503 problem+json with Retry-After and no stack trace, readiness DOWN, a friendly
 * page), recovery by itself without a restart, and nothing committed lost. It stops and starts the
 * real servers through {@code bin/portal fault}, and always starts again what it stopped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FaultsIT {
  private static final String CUSTOMER = "A-1001";
  private static final Duration RECOVERY = Duration.ofSeconds(90);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @AfterAll
  static void removeContacts() throws SQLException {
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement()) {
      db.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', 'acme', true)");
      s.executeUpdate("delete from customer_contact where name like 'Fault test %'");
      db.commit();
    }
  }

  @Test
  void whileThePostgresqlIsStoppedTheApiAnswers503AndThePortalRecoversWithItsDataWhenItIsBack()
      throws Exception {
    long customerId = customerId();
    String before = "Fault test " + UUID.randomUUID();
    assertEquals(201, addContact(customerId, before).status());
    assertEquals(200, Portal.get("/health/ready", null, null).status());
    ChromeDriver browser = Browsers.open();
    try {
      Browsers.signIn(browser, "agent.acme", "/customers");
      fault("db-stop");
      try {
        // fail fast: the first request finds the database gone and opens the circuit, the next
        // ones are answered without waiting on the pool (it took 10 s and more before the circuit)
        for (int i = 0; i < 3; i++) {
          long asked = System.nanoTime();
          Portal.Reply failed =
              Portal.get("/api/v1/customers/" + customerId + "/contacts", "agent.acme", "acme");
          long millis = (System.nanoTime() - asked) / 1_000_000;
          assertEquals(503, failed.status(), failed.body());
          assertTrue(millis < 2_000, "a 503 within 2 s while the database is away: " + millis);
        }
        Portal.Reply down =
            Portal.get("/api/v1/customers/" + customerId + "/contacts", "agent.acme", "acme");
        assertEquals(503, down.status(), down.body());
        assertEquals("application/problem+json", down.contentType());
        JsonObject problem = down.json();
        assertEquals(
            "https://portal.example/problems/service-unavailable", problem.getString("type"));
        assertFalse(
            down.body().contains("Exception") || down.body().contains("\tat "), down.body());
        HttpResponse<String> write =
            raw(
                HttpRequest.newBuilder(
                        URI.create(Portal.URL + "/api/v1/customers/" + customerId + "/contacts"))
                    .header("Authorization", "Bearer " + Portal.token("agent.acme"))
                    .header("X-Tenant", "acme")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(contact("Fault test lost write"))));
        assertEquals(503, write.statusCode(), write.body());
        int retryAfter = Integer.parseInt(write.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter >= 1 && retryAfter <= 5, "Retry-After on a 503: " + retryAfter);

        Portal.Reply ready = Portal.get("/health/ready", null, null);
        assertEquals(503, ready.status(), ready.body());
        assertTrue(ready.body().contains("DOWN"), ready.body());

        // the screens: a friendly page, in the user's language, not a stack trace
        browser.get(Portal.URL + "/customers");
        new WebDriverWait(browser, Duration.ofSeconds(30))
            .until(
                d ->
                    d.findElement(By.tagName("body"))
                        .getText()
                        .contains("Temporarily unavailable"));
        String page = browser.findElement(By.tagName("body")).getText();
        assertFalse(page.contains("Exception") || page.contains("SQL"), page);
        Browsers.screenshot(browser, "faults-database-down");
      } finally {
        fault("db-start");
      }

      // back by itself, and soon: the circuit's probe finds the database within a fraction of a
      // second (bench/outage_bench.py measures it), the pool drops its dead connections, no restart
      long back = System.nanoTime();
      await(() -> Portal.get("/health/ready", null, null).status() == 200, "readiness UP again");
      long upMillis = (System.nanoTime() - back) / 1_000_000;
      assertTrue(upMillis < 3_000, "ready again " + upMillis + " ms after the database is back");
      await(
          () ->
              Portal.get("/api/v1/customers/" + customerId + "/contacts", "agent.acme", "acme")
                      .status()
                  == 200,
          "the API answers again");
      String contacts =
          Portal.get("/api/v1/customers/" + customerId + "/contacts", "agent.acme", "acme").body();
      assertTrue(
          contacts.contains(before), "the write committed before the outage is there: " + contacts);
      assertFalse(contacts.contains("Fault test lost write"), contacts);
      String after = "Fault test " + UUID.randomUUID();
      assertEquals(201, addContact(customerId, after).status());
      browser.navigate().refresh();
      new WebDriverWait(browser, Duration.ofSeconds(60))
          .until(
              d ->
                  !d.findElements(By.cssSelector("#customers-grid vaadin-grid-cell-content"))
                      .isEmpty());
      Browsers.screenshot(browser, "faults-database-back");
    } finally {
      browser.quit();
    }
  }

  @Test
  void whileKeycloakIsStoppedIssuedTokensKeepWorkingAndNewOnesCanBeHadWhenItIsBack()
      throws Exception {
    String issued = freshToken("agent.acme");
    assertEquals(200, me(issued).statusCode());
    fault("kc-stop");
    try {
      HttpResponse<String> stillServed = me(issued);
      assertEquals(
          200,
          stillServed.statusCode(),
          "a token issued before keeps working: the keys are cached");
      assertTrue(stillServed.body().contains("agent.acme"), stillServed.body());
      assertThrows(
          IOException.class,
          () -> HTTP.send(tokenRequest("agent.acme"), HttpResponse.BodyHandlers.ofString()),
          "no new sign-in while Keycloak is away");
      ChromeDriver browser = Browsers.open();
      try {
        // a new sign-in goes to Keycloak, which does not answer: the browser's own error page
        browser.get(Portal.URL + "/");
        // Liberty answers with its sign-in redirect; the browser follows it to Keycloak's sign-in,
        // which does not answer: the user is left at Keycloak's address, never on a portal error
        new WebDriverWait(browser, Duration.ofSeconds(15))
            .until(
                d ->
                    d.getCurrentUrl()
                        .startsWith(
                            Portal.KEYCLOAK + "/realms/portal/protocol/openid-connect/auth"));
        Browsers.screenshot(browser, "faults-keycloak-down");
      } finally {
        browser.quit();
      }
    } finally {
      fault("kc-start");
    }
    await(
        () -> {
          try {
            return me(freshToken("agent.acme")).statusCode() == 200;
          } catch (IOException | RuntimeException e) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        },
        "a new token from Keycloak, accepted by the portal");
  }

  private static long customerId() throws SQLException {
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement()) {
      db.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', 'acme', true)");
      try (java.sql.ResultSet rs =
          s.executeQuery("select id from customer_account where number = '" + CUSTOMER + "'")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Portal.Reply addContact(long customerId, String name) {
    return Portal.post(
        "/api/v1/customers/" + customerId + "/contacts", "agent.acme", "acme", contact(name));
  }

  private static String contact(String name) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("role", "Accounts payable")
        .add("email", "fault.test@acme.example")
        .add("primary", false)
        .build()
        .toString();
  }

  private static HttpResponse<String> me(String token) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/me"))
            .header("Authorization", "Bearer " + token)
            .header("X-Tenant", "acme")
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> raw(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Not the tests' shared cache of tokens: this one must come from Keycloak now. */
  private static String freshToken(String user) {
    try {
      HttpResponse<String> reply =
          HTTP.send(tokenRequest(user), HttpResponse.BodyHandlers.ofString());
      if (reply.statusCode() != 200) {
        throw new IllegalStateException("no token: " + reply.body());
      }
      return Json.createReader(new java.io.StringReader(reply.body()))
          .readObject()
          .getString("access_token");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest tokenRequest(String user) {
    String form =
        "grant_type=password&client_id=portal-cli&password=demo&username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&scope="
            + URLEncoder.encode("openid organization:*", StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(
            URI.create(Portal.KEYCLOAK + "/realms/portal/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  /**
   * bin/portal fault ACTION in the repository the build runs from, with the environment it was
   * given.
   */
  private static void fault(String action) throws IOException, InterruptedException {
    File root = new File(System.getProperty("portal.root", ".."));
    Process process =
        new ProcessBuilder(new File(root, "bin/portal").getPath(), "fault", action)
            .directory(root)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("bin/portal fault " + action + " did not finish");
    }
    assertEquals(0, process.exitValue(), "bin/portal fault " + action);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + RECOVERY.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        // not yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError(what + " within " + RECOVERY.toSeconds() + " s");
  }
}
