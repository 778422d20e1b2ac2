package com.bpo.portal.it;

import com.bpo.portal.it.contract.ApiContract;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What the integration tests share: the deployment, tokens, HTTP calls and a database session. */
public final class Portal {
  public static final String URL =
      "http://localhost:" + System.getProperty("portal.http.port", "9080");
  public static final String KEYCLOAK =
      System.getProperty("portal.kc.url", "http://localhost:8180");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

  private Portal() {}

  /** The WAR exactly as Maven packaged it: the tests exercise what ships. */
  public static WebArchive war() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("portal.war")));
  }

  public record Reply(int status, String contentType, String body) {
    public JsonObject json() {
      return (JsonObject) structure();
    }

    public JsonStructure structure() {
      return Json.createReader(new StringReader(body)).read();
    }
  }

  /**
   * An access token for a demo user (password 'demo') from the dev realm's public test client. Kept
   * for ten minutes: the realm's tokens live fifteen, and the whole suite runs longer than that.
   */
  public static String token(String username) {
    long now = System.nanoTime();
    Token cached = TOKENS.get(username);
    if (cached != null && now - cached.fetchedAt() < TOKEN_REUSE_NANOS) {
      return cached.value();
    }
    String form =
        "grant_type=password&client_id=portal-cli&password=demo&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&scope="
            + URLEncoder.encode("openid organization:*", StandardCharsets.UTF_8);
    Reply reply =
        send(
            HttpRequest.newBuilder(
                    URI.create(KEYCLOAK + "/realms/portal/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (reply.status() != 200) {
      throw new IllegalStateException("no token for " + username + ": " + reply.body());
    }
    String value = reply.json().getString("access_token");
    TOKENS.put(username, new Token(value, now));
    return value;
  }

  private record Token(String value, long fetchedAt) {}

  private static final long TOKEN_REUSE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);

  /** GET an API path as a user (null for none), in a tenant (null to send no X-Tenant header). */
  public static Reply get(String path, String user, String tenant) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + path)).GET();
    authorise(request, user, tenant);
    return send(request);
  }

  public static Reply post(String path, String user, String tenant, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(URL + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    authorise(request, user, tenant);
    return send(request);
  }

  public static Reply put(String path, String user, String tenant, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(URL + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json));
    authorise(request, user, tenant);
    return send(request);
  }

  private static void authorise(HttpRequest.Builder request, String user, String tenant) {
    if (user != null) {
      request.header("Authorization", "Bearer " + token(user));
    }
    if (tenant != null) {
      request.header("X-Tenant", tenant);
    }
  }

  /**
   * Sends a request; an answer of the API is held to the OpenAPI document (ApiContract), and the
   * test that made the call fails when the answer does not match it.
   */
  public static Reply send(HttpRequest.Builder request) {
    try {
      HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
      HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
      Reply reply =
          new Reply(
              response.statusCode(),
              response.headers().firstValue("Content-Type").orElse(""),
              response.body());
      if (built.uri().toString().startsWith(URL + "/api/")) {
        List<String> violations =
            ApiContract.live()
                .violations(
                    built.method(),
                    built.uri().getRawPath(),
                    reply.status(),
                    reply.contentType(),
                    reply.body());
        if (!violations.isEmpty()) {
          throw new AssertionError(
              "the answer breaks the OpenAPI contract:\n  " + String.join("\n  ", violations));
        }
      }
      return reply;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A session as the schema owner, for fixtures; it obeys row-level security too (FORCE). */
  public static Connection asOwner() throws SQLException {
    return DriverManager.getConnection(
        jdbcUrl(),
        System.getenv().getOrDefault("DB_OWNER_USER", "portal_owner"),
        System.getenv("DB_OWNER_PASSWORD"));
  }

  private static String jdbcUrl() {
    return "jdbc:postgresql://localhost:"
        + System.getenv().getOrDefault("DB_PORT", System.getProperty("portal.db.port", "5433"))
        + "/"
        + System.getenv().getOrDefault("DB_NAME", "portal");
  }

  /**
   * A session as the application role: what the server itself connects as (owns nothing, no
   * BYPASSRLS).
   */
  /** The tenant-deletion role (V35): it may execute delete_tenant_data and nothing else. */
  public static Connection asEraser() throws SQLException {
    return DriverManager.getConnection(
        jdbcUrl(),
        System.getenv().getOrDefault("DB_ERASER_USER", "portal_eraser"),
        System.getenv("DB_ERASER_PASSWORD"));
  }

  public static Connection asApplicationRole() throws SQLException {
    return DriverManager.getConnection(
        jdbcUrl(),
        System.getenv().getOrDefault("DB_APP_USER", "portal_app"),
        System.getenv("DB_APP_PASSWORD"));
  }

  /** A problem+json answer of the given kind, with its status, a title and a detail. */
  public static void assertProblem(Reply reply, String kind) {
    org.junit.jupiter.api.Assertions.assertTrue(
        reply.contentType().startsWith("application/problem+json"), reply.contentType());
    JsonObject problem = reply.json();
    org.junit.jupiter.api.Assertions.assertEquals(
        "https://portal.example/problems/" + kind, problem.getString("type"), reply.body());
    org.junit.jupiter.api.Assertions.assertEquals(reply.status(), problem.getInt("status"));
    org.junit.jupiter.api.Assertions.assertTrue(
        !problem.getString("title").isBlank() && !problem.getString("detail").isBlank());
  }
}
