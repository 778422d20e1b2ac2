package com.bpo.portal.it.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A tenant's webhook test mode as platform admins switch it (PUT /api/v1/admin/tenants/{slug}/
 * test-mode): on, globex's lead may register an endpoint at http://127.0.0.1; off, the same URL is
 * refused again (422 url-refused). Each switch is in the admin_action log; a stale version is a
 * 409, a missing switch a 400, an unknown tenant a 404; every other role gets 403, no token 401.
 * globex's test mode is put back as it was after each test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookTestModeIT {
  static final String TENANT = "globex";
  static final String LEAD = "ops.lead";
  static final String DESCRIPTION = "WebhookTestModeIT (test data)";
  static final String LOOPBACK = "http://127.0.0.1:9/hook";

  private boolean wasInTestMode;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeEach
  void startWithTestModeOff() throws SQLException {
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement()) {
      try (ResultSet rs = s.executeQuery("select test_mode from tenant where id = 'globex'")) {
        rs.next();
        wasInTestMode = rs.getBoolean(1);
      }
      s.executeUpdate("update tenant set test_mode = false where id = 'globex'");
    }
  }

  @AfterEach
  void putBackAndRemoveEndpoints() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select set_config('app.tenant_id', 'globex', true)");
        s.executeUpdate(
            "delete from webhook_endpoint where tenant_id = 'globex' and description = '"
                + DESCRIPTION
                + "'");
      }
      try (PreparedStatement s =
          db.prepareStatement("update tenant set test_mode = ? where id = 'globex'")) {
        s.setBoolean(1, wasInTestMode);
        s.executeUpdate();
      }
      db.commit();
    }
  }

  @Test
  void aPlatformAdminSwitchesTestModeOnAndALoopbackEndpointIsAcceptedThenOffAndItIsRefused()
      throws SQLException {
    long lastAction = lastAdminAction();
    JsonObject before = tenant();
    assertFalse(before.getBoolean("testMode"));
    Reply refused = register();
    assertEquals(422, refused.status(), refused.body());

    Reply on = switchTestMode("admin", true, before.getJsonNumber("version").longValue());
    assertEquals(200, on.status(), on.body());
    assertTrue(on.json().getBoolean("testMode"));
    assertEquals(
        before.getJsonNumber("version").longValue() + 1,
        on.json().getJsonNumber("version").longValue());
    assertTrue(tenant().getBoolean("testMode"), "the change is kept");
    Reply accepted = register();
    assertEquals(201, accepted.status(), accepted.body());
    assertEquals(LOOPBACK, accepted.json().getJsonObject("endpoint").getString("url"));

    Reply off = switchTestMode("admin", false, on.json().getJsonNumber("version").longValue());
    assertEquals(200, off.status(), off.body());
    assertFalse(off.json().getBoolean("testMode"));
    Reply refusedAgain = register();
    assertEquals(422, refusedAgain.status(), refusedAgain.body());
    Portal.assertProblem(refusedAgain, "url-refused");
    assertEquals(
        "url", refusedAgain.json().getJsonArray("errors").getJsonObject(0).getString("field"));

    // both switches are in the platform admins' log, by whom, on which tenant, succeeded
    assertEquals(
        List.of(
            "tenant.test-mode.on admin SUCCEEDED true",
            "tenant.test-mode.off admin SUCCEEDED false"),
        adminActionsSince(lastAction));
  }

  @Test
  void aStaleVersionIsAConflictAMissingSwitchIsInvalidAndAnUnknownTenantIsNotFound()
      throws SQLException {
    long lastAction = lastAdminAction();
    long version = tenant().getJsonNumber("version").longValue();
    Reply stale = switchTestMode("admin", true, version - 1);
    assertEquals(409, stale.status(), stale.body());
    Portal.assertProblem(stale, "conflict");
    Reply missing =
        Portal.put(
            "/api/v1/admin/tenants/globex/test-mode",
            "admin",
            null,
            "{\"version\": " + version + "}");
    assertEquals(400, missing.status(), missing.body());
    Portal.assertProblem(missing, "validation");
    Reply unknown =
        Portal.put(
            "/api/v1/admin/tenants/it-no-such-tenant/test-mode",
            "admin",
            null,
            "{\"testMode\": true, \"version\": 0}");
    assertEquals(404, unknown.status(), unknown.body());
    Portal.assertProblem(unknown, "not-found");
    assertFalse(tenant().getBoolean("testMode"), "nothing changed");
    assertEquals(version, tenant().getJsonNumber("version").longValue());
    assertEquals(List.of(), adminActionsSince(lastAction));
  }

  @Test
  void onlyPlatformAdminsSwitchTestMode() {
    long version = tenant().getJsonNumber("version").longValue();
    for (String user : List.of(LEAD, "agent.acme", "cfo.globex", "customer.globex")) {
      String tenant = user.endsWith("acme") ? "acme" : TENANT;
      Reply refused =
          Portal.put(
              "/api/v1/admin/tenants/globex/test-mode",
              user,
              tenant,
              "{\"testMode\": true, \"version\": " + version + "}");
      assertEquals(403, refused.status(), user + ": " + refused.body());
    }
    Reply anonymous =
        Portal.send(
            HttpRequest.newBuilder(
                    URI.create(Portal.URL + "/api/v1/admin/tenants/globex/test-mode"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"testMode\": true, \"version\": 0}")));
    assertEquals(401, anonymous.status(), anonymous.body());
    assertFalse(tenant().getBoolean("testMode"), "nobody but a platform admin switched it");
    assertEquals(422, register().status(), "a loopback URL is still refused");
  }

  private static JsonObject tenant() {
    Reply reply = Portal.get("/api/v1/admin/tenants/" + TENANT, "admin", null);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private static Reply switchTestMode(String user, boolean on, long version) {
    return Portal.put(
        "/api/v1/admin/tenants/" + TENANT + "/test-mode",
        user,
        null,
        "{\"testMode\": " + on + ", \"version\": " + version + "}");
  }

  private static Reply register() {
    return Portal.post(
        "/api/v1/webhooks/endpoints",
        LEAD,
        TENANT,
        "{\"url\": \""
            + LOOPBACK
            + "\", \"events\": [\"dispute.raised\"], \"description\": \""
            + DESCRIPTION
            + "\", \"enabled\": false}");
  }

  private static long lastAdminAction() throws SQLException {
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from admin_action")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** "action actor outcome testMode" of globex's test-mode actions after {@code id}, in order. */
  private static List<String> adminActionsSince(long id) throws SQLException {
    try (Connection db = Portal.asOwner();
        PreparedStatement q =
            db.prepareStatement(
                "select action, actor, outcome, detail->>'testMode' from admin_action "
                    + "where id > ? and tenant_slug = 'globex' and action like 'tenant.test-mode.%' "
                    + "order by id")) {
      q.setLong(1, id);
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(
              rs.getString(1)
                  + " "
                  + rs.getString(2)
                  + " "
                  + rs.getString(3)
                  + " "
                  + rs.getString(4));
        }
      }
      return rows;
    }
  }
}
