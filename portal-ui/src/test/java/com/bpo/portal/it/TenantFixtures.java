package com.bpo.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the tenant administration tests share: unique slugs, removing a test tenant (export, then
 * deletion), counting a tenant's rows in every tenant-owned table, and asking Keycloak's admin API
 * (as the portal-admin client) what is left.
 */
public final class TenantFixtures {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TenantFixtures() {}

  /** A slug no other run uses: tests that open tenants never collide, even with a leftover. */
  public static String uniqueSlug(String prefix) {
    return prefix + "-" + Long.toString(Math.abs(RANDOM.nextLong()), 36).substring(0, 8);
  }

  public static String createBody(String slug, String stakeholder) {
    return "{\"slug\": \""
        + slug
        + "\", \"name\": \"Test tenant "
        + slug
        + " (test data)\", \"locale\": \"fr-FR\", "
        + "\"currency\": \"EUR\", \"timeZone\": \"Europe/Paris\", \"primaryColour\": \"#2A7D4F\", "
        + "\"stakeholder\": {\"username\": \""
        + stakeholder
        + "\", \"email\": \""
        + stakeholder
        + "@test.example\", "
        + "\"firstName\": \"Stella\", \"lastName\": \"Holder\", \"password\": \"demo\", \"temporaryPassword\": false}, "
        + "\"bpoLead\": {\"username\": \"ops.lead\"}}";
  }

  /** Removes a test tenant through the API (an export first, as the rules want); absent is fine. */
  public static void remove(String slug) {
    if (Portal.get("/api/v1/admin/tenants/" + slug, "admin", null).status() == 404) {
      return;
    }
    Portal.bytes(
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/admin/tenants/" + slug + "/export"))
            .header("Authorization", "Bearer " + Portal.token("admin"))
            .GET());
    Portal.post(
        "/api/v1/admin/tenants/" + slug + "/deletion",
        "admin",
        null,
        "{\"confirm\": \"" + slug + "\"}");
  }

  /** The tenant-owned tables, from the catalog, as the feature under test finds them too. */
  public static List<String> tenantTables(Connection c) throws SQLException {
    List<String> tables = new java.util.ArrayList<>();
    try (PreparedStatement q =
            c.prepareStatement(
                """
        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
          and a.attname = 'tenant_id' and not a.attisdropped order by 1""");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  /** The tenant's rows per tenant-owned table, counted as the schema owner bound to that tenant. */
  public static Map<String, Long> rowCounts(String tenant) throws SQLException {
    try (Connection c = Portal.asOwner()) {
      c.setAutoCommit(false);
      try (PreparedStatement bind =
          c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
        bind.setString(1, tenant);
        bind.execute();
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String table : tenantTables(c)) {
        try (PreparedStatement q =
            c.prepareStatement("select count(*) from " + table + " where tenant_id = ?")) {
          q.setString(1, tenant);
          try (ResultSet rs = q.executeQuery()) {
            rs.next();
            counts.put(table, rs.getLong(1));
          }
        }
      }
      c.rollback();
      return counts;
    }
  }

  /**
   * Computes and publishes {@code month}'s scorecard of {@code tenant} as its lead (ops.lead),
   * after removing any left by an earlier run: a month of its own for a test that signs it off.
   */
  public static void publishScorecard(String tenant, String month) throws SQLException {
    removeScorecard(tenant, month);
    Portal.Reply computed = asLead(tenant, "/api/v1/scorecards/" + month + "/compute", null);
    org.junit.jupiter.api.Assertions.assertEquals(200, computed.status(), computed.body());
    long version = computed.json().getJsonNumber("version").longValue();
    Portal.Reply published =
        asLead(
            tenant, "/api/v1/scorecards/" + month + "/publish", "{\"version\": " + version + "}");
    org.junit.jupiter.api.Assertions.assertEquals(200, published.status(), published.body());
  }

  public static void removeScorecard(String tenant, String month) throws SQLException {
    asOwnerInTenant(
        tenant,
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("delete from scorecard where period = ?")) {
            delete.setString(1, month);
            delete.executeUpdate();
          }
        });
  }

  private static Portal.Reply asLead(String tenant, String path, String json) {
    return Portal.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(Portal.URL + path))
            .header("Authorization", "Bearer " + Portal.token("ops.lead"))
            .header("X-Tenant", tenant)
            .header("Content-Type", "application/json")
            .POST(
                json == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(json)));
  }

  public static void asOwnerInTenant(String tenant, SqlWork work) throws SQLException {
    try (Connection c = Portal.asOwner()) {
      c.setAutoCommit(false);
      try (PreparedStatement bind =
          c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
        bind.setString(1, tenant);
        bind.execute();
      }
      work.run(c);
      c.commit();
    }
  }

  @FunctionalInterface
  public interface SqlWork {
    void run(Connection c) throws SQLException;
  }

  // ------------------------------------------------------------------ Keycloak, as portal-admin

  private static String adminToken() {
    String form =
        "grant_type=client_credentials&client_id=portal-admin&client_secret="
            + URLEncoder.encode(
                System.getenv().getOrDefault("PORTAL_ADMIN_SECRET", ""), StandardCharsets.UTF_8);
    Portal.Reply reply =
        Portal.send(
            HttpRequest.newBuilder(
                    URI.create(Portal.KEYCLOAK + "/realms/portal/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getString("access_token");
  }

  private static JsonArray keycloakList(String path) {
    Portal.Reply reply =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.KEYCLOAK + "/admin/realms/portal" + path))
                .header("Authorization", "Bearer " + adminToken())
                .GET());
    assertEquals(200, reply.status(), reply.body());
    return Json.createReader(new StringReader(reply.body())).readArray();
  }

  /** The organizations whose alias is the slug (0 or 1 when all is well). */
  public static long organizations(String alias) {
    return keycloakList("/organizations?briefRepresentation=true&first=0&max=1000")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(o -> alias.equals(o.getString("alias", null)))
        .count();
  }

  /** Whether the tenant's Keycloak organization is enabled (sign-in into it allowed). */
  public static boolean organizationEnabled(String alias) {
    return keycloakList("/organizations?briefRepresentation=false&first=0&max=1000")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(o -> alias.equals(o.getString("alias", null)))
        .findFirst()
        .orElseThrow()
        .getBoolean("enabled");
  }

  public static Optional<JsonObject> keycloakUser(String username) {
    return keycloakList(
            "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8))
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(u -> username.equals(u.getString("username")))
        .findFirst();
  }
}
