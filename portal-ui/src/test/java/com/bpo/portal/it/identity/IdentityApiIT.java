package com.bpo.portal.it.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who the API thinks you are, which tenant you act in, and what it refuses, as problem+json. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdentityApiIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @Test
  void apiAnswersCarryTheSecurityHeaders() {
    var answer =
        Portal.bytes(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(Portal.URL + "/api/v1/me"))
                .header("Authorization", "Bearer " + Portal.token("cfo.acme")));
    assertEquals(200, answer.statusCode());
    var headers = answer.headers();
    assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""));
    String policy = headers.firstValue("Content-Security-Policy").orElse("");
    org.junit.jupiter.api.Assertions.assertTrue(
        policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"), policy);
    org.junit.jupiter.api.Assertions.assertTrue(
        headers.firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");
  }

  @Test
  void noTokenIsUnauthorized() {
    assertEquals(401, Portal.get("/api/v1/me", null, null).status());
  }

  @Test
  void aForgedTokenIsUnauthorized() {
    Reply reply =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/me"))
                .header(
                    "Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"));
    assertEquals(401, reply.status());
  }

  @Test
  void aSingleTenantUserActsInTheirTenantWithoutAHeader() {
    JsonObject me = Portal.get("/api/v1/me", "cfo.acme", null).json();
    assertEquals("cfo.acme", me.getString("user"));
    assertEquals("acme", me.getJsonObject("activeTenant").getString("id"));
    assertEquals("Acme Industries", me.getJsonObject("activeTenant").getString("name"));
    assertEquals(
        List.of("client-stakeholder"), me.getJsonArray("roles").getValuesAs(JsonString::getString));
  }

  @Test
  void aUserOfSeveralTenantsPicksOneWithTheHeader() {
    JsonObject me = Portal.get("/api/v1/me", "ops.lead", "globex").json();
    assertEquals("globex", me.getJsonObject("activeTenant").getString("id"));
    assertEquals(
        List.of("acme", "globex"),
        me.getJsonArray("tenants").getValuesAs(JsonObject.class).stream()
            .map(t -> t.getString("id"))
            .toList());
  }

  @Test
  void aUserOfSeveralTenantsWithoutAHeaderIsAskedToChoose() {
    Reply reply = Portal.get("/api/v1/me", "ops.lead", null);
    assertEquals(400, reply.status());
    Portal.assertProblem(reply, "tenant-required");
  }

  @Test
  void namingATenantTheUserDoesNotBelongToIsForbidden() {
    Reply reply = Portal.get("/api/v1/customers", "cfo.acme", "globex");
    assertEquals(403, reply.status());
    Portal.assertProblem(reply, "not-a-member");
  }

  @Test
  void namingATenantThatDoesNotExistIsForbiddenToo() {
    assertEquals(403, Portal.get("/api/v1/me", "cfo.acme", "initech").status());
  }

  @Test
  void nobodyActsInASuspendedTenantAndItsDataComesBackWhenReactivated()
      throws java.sql.SQLException {
    assertEquals(200, Portal.get("/api/v1/customers", "cfo.globex", null).status());
    try {
      setGlobexStatus("SUSPENDED");
      Reply refused = Portal.get("/api/v1/customers", "cfo.globex", null);
      assertEquals(403, refused.status());
      Portal.assertProblem(refused, "tenant-unavailable");
      assertEquals(403, Portal.get("/api/v1/me", "ops.lead", "globex").status());
      assertEquals(
          200, Portal.get("/api/v1/me", "ops.lead", "acme").status(), "acme is unaffected");
    } finally {
      setGlobexStatus("ACTIVE");
    }
    assertEquals(200, Portal.get("/api/v1/customers", "cfo.globex", null).status());
  }

  private static void setGlobexStatus(String status) throws java.sql.SQLException {
    try (var db = Portal.asOwner();
        var update = db.prepareStatement("update tenant set status = ? where id = 'globex'")) {
      update.setString(1, status);
      assertEquals(1, update.executeUpdate());
    }
  }

  @Test
  void aPlatformAdminSuspendsAndReactivatesATenantWithTheVersionSeen() {
    // a tenant of its own, made once through the admin API and kept (suspension keeps data)
    Portal.post(
        "/api/v1/admin/tenants",
        "admin",
        null,
        "{\"slug\": \"it-suspend\", \"name\": \"Suspension test (test data)\", \"locale\": \"en\", "
            + "\"currency\": \"USD\", \"timeZone\": \"UTC\"}");
    JsonObject tenant =
        Portal.get("/api/v1/admin/tenants", "admin", null)
            .structure()
            .asJsonArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(t -> t.getString("id").equals("it-suspend"))
            .findFirst()
            .orElseThrow();
    long version = tenant.getJsonNumber("version").longValue();
    if (tenant.getString("status").equals("SUSPENDED")) { // left so by an interrupted run
      version =
          Portal.post(
                  "/api/v1/admin/tenants/it-suspend/resume",
                  "admin",
                  null,
                  "{\"version\": " + version + "}")
              .json()
              .getJsonNumber("version")
              .longValue();
    }

    assertEquals(
        403,
        Portal.post(
                "/api/v1/admin/tenants/it-suspend/suspend",
                "ops.lead",
                "acme",
                "{\"version\": " + version + "}")
            .status());
    assertEquals(
        409,
        Portal.post(
                "/api/v1/admin/tenants/it-suspend/suspend",
                "admin",
                null,
                "{\"version\": " + (version + 7) + "}")
            .status(),
        "a stale version is refused");
    JsonObject suspended =
        Portal.post(
                "/api/v1/admin/tenants/it-suspend/suspend",
                "admin",
                null,
                "{\"version\": " + version + "}")
            .json();
    assertEquals("SUSPENDED", suspended.getString("status"));
    JsonObject resumed =
        Portal.post(
                "/api/v1/admin/tenants/it-suspend/resume",
                "admin",
                null,
                "{\"version\": " + suspended.getJsonNumber("version").longValue() + "}")
            .json();
    assertEquals("ACTIVE", resumed.getString("status"));
    assertEquals(
        404,
        Portal.post(
                "/api/v1/admin/tenants/no-such-tenant/suspend", "admin", null, "{\"version\": 0}")
            .status());
  }

  @Test
  void aPlatformAdminListsTenantsAndOthersAreForbidden() {
    Reply admin = Portal.get("/api/v1/admin/tenants", "admin", null);
    assertEquals(200, admin.status());
    List<String> ids =
        admin.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
            .map(t -> t.getString("id"))
            .toList();
    assertTrue(ids.containsAll(List.of("acme", "globex")), ids.toString());

    Reply lead = Portal.get("/api/v1/admin/tenants", "ops.lead", "acme");
    assertEquals(403, lead.status());
    assertTrue(lead.contentType().startsWith("application/problem+json"), lead.contentType());
  }

  @Test
  void anInvalidNewTenantGetsFieldMessagesAndCreatesNothing() {
    Reply reply =
        Portal.post(
            "/api/v1/admin/tenants",
            "admin",
            null,
            "{\"slug\":\"Not A Slug\",\"name\":\"\",\"locale\":\"en\",\"currency\":\"EURO\",\"timeZone\":\"UTC\"}");
    assertEquals(400, reply.status());
    Portal.assertProblem(reply, "validation");
    List<String> fields =
        reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .toList();
    assertEquals(List.of("slug", "name", "currency"), fields);
  }

  @Test
  void customersOfATenantCannotAdministerTenants() {
    assertEquals(
        403,
        Portal.post(
                "/api/v1/admin/tenants",
                "customer.acme",
                null,
                "{\"slug\":\"evil\",\"name\":\"Evil\",\"locale\":\"en\",\"currency\":\"EUR\",\"timeZone\":\"UTC\"}")
            .status());
  }

  @Test
  void healthReportsTheDatabase() {
    Reply reply = Portal.get("/health", null, null);
    assertEquals(200, reply.status(), reply.body());
    JsonObject check =
        reply.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("database"))
            .findFirst()
            .orElseThrow();
    assertEquals("UP", check.getString("status"));
  }

  @Test
  void theOpenApiDocumentDescribesTheApi() {
    Reply reply = Portal.get("/openapi", null, null);
    assertEquals(200, reply.status());
    assertTrue(reply.body().contains("/api/v1/me"), "OpenAPI lists /api/v1/me");
    assertTrue(
        reply.body().contains("/api/v1/customers/{id}"), "OpenAPI lists /api/v1/customers/{id}");
  }

  // ------------------------------------------------------------------ what a bearer token must be

  @Test
  void anIdTokenIsNoBearerToken() {
    JsonObject tokens = tokens("portal-cli", "cfo.acme");
    Reply withAccessToken =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/me"))
                .header("Authorization", "Bearer " + tokens.getString("access_token")));
    assertEquals(
        200,
        withAccessToken.status(),
        "the access token of the same sign-in works: " + withAccessToken.body());
    Reply withIdToken =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/me"))
                .header("Authorization", "Bearer " + tokens.getString("id_token")));
    assertEquals(401, withIdToken.status(), withIdToken.body());
  }

  @Test
  void anAccessTokenMadeForAnotherClientIsRefused() {
    // Keycloak's own admin-cli client of the realm issues genuine, signed access tokens without the
    // portal-api audience: mpJwt's audiences check must refuse them
    Reply reply = Portal.send(tokenRequest("admin-cli", "cfo.acme"));
    // asserted, not assumed: were admin-cli to stop issuing tokens, this test would otherwise be
    // skipped for good and prove nothing
    assertEquals(200, reply.status(), "admin-cli gives no password grant here: " + reply.body());
    Reply answer =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/me"))
                .header("Authorization", "Bearer " + reply.json().getString("access_token")));
    assertEquals(401, answer.status(), answer.body());
  }

  @Test
  void apiAnswersAreNeverStoredByACache() {
    var answer =
        Portal.bytes(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/me"))
                .header("Authorization", "Bearer " + Portal.token("cfo.acme")));
    assertEquals(200, answer.statusCode());
    assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
    var refused =
        Portal.bytes(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/customers/999999999"))
                .header("Authorization", "Bearer " + Portal.token("cfo.acme")));
    assertEquals(
        "no-store", refused.headers().firstValue("Cache-Control").orElse(""), "errors too");
  }

  @Test
  void libertysSignInRedirectCarriesTheSecurityHeaders() {
    var answer = Portal.bytes(HttpRequest.newBuilder(URI.create(Portal.URL + "/")));
    assertTrue(
        answer.statusCode() == 200 || answer.statusCode() / 100 == 3,
        "status " + answer.statusCode());
    var headers = answer.headers();
    assertEquals(
        "nosniff",
        headers.firstValue("X-Content-Type-Options").orElse(""),
        headers.map().toString());
    assertEquals(
        "DENY", headers.firstValue("X-Frame-Options").orElse(""), headers.map().toString());
    assertTrue(
        headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
        headers.map().toString());
  }

  @Test
  void readinessSaysUpWithoutCountingTenants() {
    Reply reply = Portal.get("/health/ready", null, null);
    assertEquals(200, reply.status(), reply.body());
    assertTrue(reply.body().contains("UP"), reply.body());
    assertTrue(!reply.body().contains("tenants"), reply.body());
  }

  @Test
  void theOpenApiDocumentDeclaresBearerTokensAndNoTestOnlyHeader() {
    String document = Portal.get("/openapi", null, null).body();
    assertTrue(document.contains("securitySchemes"), "a security scheme is declared");
    assertTrue(
        document.contains("scheme: bearer"),
        document.substring(document.indexOf("securitySchemes")));
    assertTrue(
        !document.contains("X-Inject-Fault"), "the test-only fault header is not advertised");
  }

  private static HttpRequest.Builder tokenRequest(String client, String user) {
    String form =
        "grant_type=password&client_id="
            + client
            + "&password=demo&username="
            + user
            + "&scope="
            + java.net.URLEncoder.encode(
                "openid organization:*", java.nio.charset.StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(
            URI.create(Portal.KEYCLOAK + "/realms/portal/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
  }

  private static JsonObject tokens(String client, String user) {
    Reply reply = Portal.send(tokenRequest(client, user));
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }
}
