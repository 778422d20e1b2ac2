package com.bpo.portal.it.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Roles per tenant: duo.staff leads acme and works globex as an agent (tenant_staff), with one
 * sign-in and the same token. A lead-only action is allowed in acme and refused in globex; the
 * platform admin changes the role in one tenant without touching the other.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantRolesApiIT {
  private static final String DUO = "duo.staff";
  private static final String SETTINGS = "/api/v1/disputes/settings";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @Test
  void meReportsTheRoleOfTheActiveTenant() {
    JsonObject acme = Portal.get("/api/v1/me", DUO, "acme").json();
    assertEquals(
        List.of("bpo-lead"), acme.getJsonArray("roles").getValuesAs(JsonString::getString));
    assertEquals("bpo-lead", acme.getString("tenantRole"));
    JsonObject globex = Portal.get("/api/v1/me", DUO, "globex").json();
    assertEquals(
        List.of("bpo-agent"), globex.getJsonArray("roles").getValuesAs(JsonString::getString));
    assertEquals("bpo-agent", globex.getString("tenantRole"));
  }

  /**
   * The filter's one round trip (V107): the tenant and the user's roles in it, read as the
   * application role under row-level security, and the caller's own tenant binding left as it was.
   */
  @Test
  void theMembershipIsReadInOneCallThatLeavesTheCallersTenantAsItWas() throws SQLException {
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      try (PreparedStatement bind =
          db.prepareStatement("select set_config('app.tenant_id', 'globex', true)")) {
        bind.execute();
      }
      try (PreparedStatement call =
          db.prepareStatement(
              "select status, array_to_string(roles, ',') " + "from tenant_membership(?, ?)")) {
        call.setString(1, "acme");
        call.setString(2, DUO);
        try (ResultSet rs = call.executeQuery()) {
          assertTrue(rs.next());
          assertEquals("ACTIVE", rs.getString(1));
          assertEquals("bpo-lead", rs.getString(2), "duo.staff's role in acme, not globex's");
        }
        call.setString(1, "no-such-tenant");
        try (ResultSet rs = call.executeQuery()) {
          assertFalse(rs.next(), "no tenant, no row");
        }
      }
      try (PreparedStatement after =
              db.prepareStatement("select current_setting('app.tenant_id')");
          ResultSet rs = after.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("globex", rs.getString(1), "the transaction is still bound to its tenant");
      }
      db.rollback();
    }
  }

  @Test
  void aLeadOnlyActionIsAllowedWhereTheyLeadAndRefusedWhereTheyAreAnAgent() {
    Portal.Reply acme = Portal.get(SETTINGS, DUO, "acme");
    assertEquals(200, acme.status(), acme.body());
    Portal.Reply saved = Portal.put(SETTINGS, DUO, "acme", acme.body());
    assertEquals(200, saved.status(), "a lead changes acme's dispute settings: " + saved.body());

    Portal.Reply globex = Portal.get(SETTINGS, DUO, "globex");
    assertEquals(200, globex.status(), "agents read the settings: " + globex.body());
    Portal.Reply refused = Portal.put(SETTINGS, DUO, "globex", globex.body());
    assertEquals(403, refused.status(), refused.body());
    assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
    assertEquals(
        globex.json().getJsonNumber("version"),
        Portal.get(SETTINGS, DUO, "globex").json().getJsonNumber("version"),
        "nothing changed in globex");
  }

  @Test
  void theAuditTrailOpensToTheLeadOfATenantOnly() {
    assertEquals(200, Portal.get("/api/v1/audit?limit=1", DUO, "acme").status());
    assertEquals(403, Portal.get("/api/v1/audit?limit=1", DUO, "globex").status());
  }

  @Test
  void thePlatformAdminChangesTheRoleInOneTenantOnly() {
    String path = "/api/v1/admin/tenants/globex/people/" + DUO + "/role";
    assertEquals(
        403,
        Portal.put(path, DUO, "acme", "{\"role\": \"bpo-lead\"}").status(),
        "leads do not promote");
    assertEquals(400, Portal.put(path, "admin", null, "{\"role\": \"customer\"}").status());
    assertEquals(
        404,
        Portal.put(
                "/api/v1/admin/tenants/globex/people/nobody.here/role",
                "admin",
                null,
                "{\"role\": \"bpo-lead\"}")
            .status());
    try {
      Portal.Reply promoted = Portal.put(path, "admin", null, "{\"role\": \"bpo-lead\"}");
      assertEquals(200, promoted.status(), promoted.body());
      assertEquals("bpo-lead", promoted.json().getString("role"));
      assertEquals(
          "bpo-lead",
          Portal.get("/api/v1/me", DUO, "globex").json().getString("tenantRole"),
          "the same token, the new role: it is read per request from the membership");
      assertEquals(200, Portal.get("/api/v1/audit?limit=1", DUO, "globex").status());
      assertEquals(
          "bpo-lead", Portal.get("/api/v1/me", DUO, "acme").json().getString("tenantRole"));
    } finally {
      assertEquals(200, Portal.put(path, "admin", null, "{\"role\": \"bpo-agent\"}").status());
    }
    assertEquals(403, Portal.get("/api/v1/audit?limit=1", DUO, "globex").status());
    assertEquals(
        "bpo-lead",
        Portal.get("/api/v1/me", DUO, "acme").json().getString("tenantRole"),
        "acme was never touched");
  }
}
