package com.bpo.portal.it.tenantadmin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import com.bpo.portal.it.TenantFixtures;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant administration over HTTP against the real Keycloak and database: opening a tenant in one
 * operation, completing it after a failure injected in Keycloak or in the database, suspension, the
 * export against the data, deletion down to zero rows and no Keycloak objects with the demo tenants
 * untouched, the audit, and refusal for every role but platform-admin. Each test opens its own
 * tenants under unique slugs and removes them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantAdminApiIT {
  private static final byte[] PNG = {
    (byte) 0x89,
    'P',
    'N',
    'G',
    '\r',
    '\n',
    0x1a,
    '\n',
    0,
    0,
    0,
    13,
    'I',
    'H',
    'D',
    'R',
    0,
    0,
    0,
    1,
    0,
    0,
    0,
    1,
    8,
    6,
    0,
    0,
    0,
    0x1f,
    0x15,
    (byte) 0xc4,
    (byte) 0x89
  };
  private final List<String> made = new ArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @AfterEach
  void removeTestTenants() {
    made.forEach(TenantFixtures::remove);
  }

  private String newSlug() {
    String slug = TenantFixtures.uniqueSlug("it-ta");
    made.add(slug);
    return slug;
  }

  private static Reply create(String body, String fault) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/admin/tenants"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + Portal.token("admin"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (fault != null) {
      request.header("X-Inject-Fault", fault);
    }
    return Portal.send(request);
  }

  private static JsonObject tenant(String slug) {
    Reply reply = Portal.get("/api/v1/admin/tenants/" + slug, "admin", null);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  @Test
  void onlyPlatformAdminsReachTenantAdministration() {
    String body = TenantFixtures.createBody("it-never", "never.made");
    for (String user :
        List.of(
            "ops.lead",
            "agent.acme",
            "cfo.acme",
            "cfo.globex",
            "customer.acme",
            "customer.globex")) {
      String tenant = user.endsWith("globex") ? "globex" : "acme";
      assertEquals(403, Portal.get("/api/v1/admin/tenants", user, tenant).status(), user);
      assertEquals(403, Portal.get("/api/v1/admin/tenants/acme", user, tenant).status(), user);
      assertEquals(403, Portal.post("/api/v1/admin/tenants", user, tenant, body).status(), user);
      assertEquals(
          403, Portal.get("/api/v1/admin/tenants/acme/people", user, tenant).status(), user);
      assertEquals(
          403, Portal.get("/api/v1/admin/tenants/acme/export", user, tenant).status(), user);
      assertEquals(
          403,
          Portal.post("/api/v1/admin/tenants/acme/deletion", user, tenant, "{\"confirm\":\"acme\"}")
              .status(),
          user);
      assertEquals(403, Portal.get("/api/v1/admin/actions", user, tenant).status(), user);
    }
    assertEquals(401, Portal.get("/api/v1/admin/tenants", null, null).status());
    assertEquals(401, Portal.post("/api/v1/admin/tenants", null, null, body).status());
    assertEquals(401, Portal.get("/api/v1/admin/tenants/acme/export", null, null).status());
    assertEquals(
        401, Portal.post("/api/v1/admin/tenants/acme/deletion", null, null, "{}").status());
    assertEquals(401, Portal.get("/api/v1/admin/actions", null, null).status());
  }

  @Test
  void aTenantOpensInOneOperationWithDefaultsOrganizationBrandingAndFirstPeople()
      throws SQLException {
    String slug = newSlug();
    String stakeholder = "cfo." + slug;
    String logo = java.util.Base64.getEncoder().encodeToString(PNG);
    String body =
        TenantFixtures.createBody(slug, stakeholder)
            .replace("\"primaryColour\"", "\"logo\": \"" + logo + "\", \"primaryColour\"");
    Reply created = create(body, null);
    assertEquals(201, created.status(), created.body());
    assertEquals("ACTIVE", created.json().getString("status"));
    assertEquals(409, create(body, null).status(), "a complete tenant is not opened twice");

    Map<String, Long> rows = TenantFixtures.rowCounts(slug);
    assertTrue(rows.get("dispute_reason") > 0, "reason codes by default: " + rows);
    assertTrue(rows.get("kpi_definition") > 0, "KPIs by default: " + rows);
    assertEquals(1L, rows.get("sla_contract"), "the default SLA contract: " + rows);
    assertEquals(1L, rows.get("tenant_branding"));
    TenantFixtures.asOwnerInTenant(
        slug,
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "select primary_colour, logo, logo_media_type from tenant_branding where tenant_id = ?")) {
            q.setString(1, slug);
            try (ResultSet rs = q.executeQuery()) {
              assertTrue(rs.next());
              assertEquals("#2a7d4f", rs.getString(1));
              assertArrayEquals(PNG, rs.getBytes(2));
              assertEquals("image/png", rs.getString(3));
            }
          }
        });
    assertEquals(1, TenantFixtures.organizations(slug));

    // the new client stakeholder signs in and acts in the new tenant, and only there
    Reply me = Portal.get("/api/v1/me", stakeholder, null);
    assertEquals(200, me.status(), me.body());
    assertTrue(me.body().contains(slug), me.body());
    assertEquals(403, Portal.get("/api/v1/invoices", stakeholder, "acme").status());

    List<String> people =
        Portal.get("/api/v1/admin/tenants/" + slug + "/people", "admin", null)
            .structure()
            .asJsonArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .map(p -> p.getString("username") + ":" + p.getString("role"))
            .toList();
    assertTrue(
        people.containsAll(List.of(stakeholder + ":client-stakeholder", "ops.lead:bpo-lead")),
        people.toString());

    List<JsonObject> actions =
        Portal.get("/api/v1/admin/actions?tenant=" + slug, "admin", null)
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertTrue(
        actions.stream()
            .anyMatch(
                a ->
                    a.getString("action").equals("tenant.create")
                        && a.getString("outcome").equals("SUCCEEDED")
                        && a.getString("actor").equals("admin")),
        actions.toString());
    assertTrue(
        actions.stream()
            .anyMatch(
                a ->
                    a.getString("action").equals("tenant.create")
                        && a.getString("outcome").equals("REFUSED")),
        "the second creation is recorded as refused: " + actions);
  }

  @Test
  void anInvalidTenantGetsEveryFieldErrorAndMakesNothing() {
    String slug = newSlug();
    Reply reply =
        create(
            "{\"slug\": \""
                + slug
                + "\", \"name\": \"X\", \"locale\": \"en\", \"currency\": \"EUR\", "
                + "\"timeZone\": \"UTC\", \"primaryColour\": \"red\", \"logo\": \""
                + java.util.Base64.getEncoder()
                    .encodeToString("GIF89a not accepted".getBytes(StandardCharsets.US_ASCII))
                + "\", "
                + "\"stakeholder\": {\"username\": \"Bad Name\"}}",
            null);
    assertEquals(400, reply.status(), reply.body());
    List<String> fields =
        reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .toList();
    assertEquals(
        List.of(
            "primaryColour",
            "logo",
            "stakeholder.username",
            "stakeholder.email",
            "stakeholder.firstName",
            "stakeholder.lastName"),
        fields);
    assertEquals(404, Portal.get("/api/v1/admin/tenants/" + slug, "admin", null).status());
  }

  @Test
  void aKeycloakFailureMidwayLeavesTheTenantProvisioningAndRunningAgainCompletesIt()
      throws SQLException {
    String slug = newSlug();
    String stakeholder = "cfo." + slug;
    String body = TenantFixtures.createBody(slug, stakeholder);
    Reply failed = create(body, "keycloak");
    assertEquals(503, failed.status(), failed.body());

    JsonObject half = tenant(slug);
    assertEquals("PROVISIONING", half.getString("status"));
    assertTrue(half.getString("lastError").contains("keycloak"), half.toString());
    assertEquals(
        1, TenantFixtures.organizations(slug), "the organization was made before the failure");
    assertTrue(TenantFixtures.keycloakUser(stakeholder).isEmpty());

    Reply completed = create(body, null);
    assertEquals(201, completed.status(), completed.body());
    assertEquals("ACTIVE", completed.json().getString("status"));
    assertEquals(1, TenantFixtures.organizations(slug), "found again, not made twice");
    assertTrue(TenantFixtures.keycloakUser(stakeholder).isPresent());
    assertEquals(200, Portal.get("/api/v1/invoices", stakeholder, null).status());
    assertEquals(2L, TenantFixtures.rowCounts(slug).get("tenant_staff"));
  }

  @Test
  void aDatabaseFailureMidwayLeavesTheTenantProvisioningAndRunningAgainCompletesIt()
      throws SQLException {
    String slug = newSlug();
    String stakeholder = "cfo." + slug;
    String body = TenantFixtures.createBody(slug, stakeholder);
    Reply failed = create(body, "database");
    assertEquals(503, failed.status(), failed.body());

    JsonObject half = tenant(slug);
    assertEquals("PROVISIONING", half.getString("status"));
    assertFalse(half.getJsonArray("stepsDone").toString().contains("people"), half.toString());
    assertEquals(
        0L,
        TenantFixtures.rowCounts(slug).get("tenant_staff"),
        "the failed step's rows rolled back");
    assertTrue(
        TenantFixtures.keycloakUser(stakeholder).isPresent(),
        "Keycloak's part of the step was done");
    assertEquals(
        403, Portal.get("/api/v1/invoices", stakeholder, null).status(), "nobody acts in it yet");

    Reply completed = create(body, null);
    assertEquals(201, completed.status(), completed.body());
    assertEquals("ACTIVE", completed.json().getString("status"));
    assertEquals(2L, TenantFixtures.rowCounts(slug).get("tenant_staff"));
    assertEquals(1, TenantFixtures.organizations(slug));
    assertEquals(200, Portal.get("/api/v1/invoices", stakeholder, null).status());
  }

  @Test
  void aSuspendedTenantsPeopleCannotActInItAndItsDataIsKept() throws SQLException {
    String slug = newSlug();
    String stakeholder = "cfo." + slug;
    assertEquals(201, create(TenantFixtures.createBody(slug, stakeholder), null).status());
    assertEquals(200, Portal.get("/api/v1/invoices", stakeholder, null).status());
    long before = TenantFixtures.rowCounts(slug).values().stream().mapToLong(Long::longValue).sum();

    long version = tenant(slug).getJsonNumber("version").longValue();
    assertTrue(TenantFixtures.organizationEnabled(slug));
    Reply suspended =
        Portal.post(
            "/api/v1/admin/tenants/" + slug + "/suspend",
            "admin",
            null,
            "{\"version\": " + version + "}");
    assertEquals(200, suspended.status(), suspended.body());
    assertFalse(
        TenantFixtures.organizationEnabled(slug),
        "nobody signs in to a suspended tenant's organization");
    // the stakeholder's token was issued before the suspension and still names the tenant: the
    // registry refuses it
    Reply refused = Portal.get("/api/v1/invoices", stakeholder, null);
    assertEquals(403, refused.status());
    assertTrue(refused.body().contains("tenant-unavailable"), refused.body());
    assertEquals(403, Portal.get("/api/v1/me", stakeholder, null).status());
    assertEquals(
        before, TenantFixtures.rowCounts(slug).values().stream().mapToLong(Long::longValue).sum());

    Reply resumed =
        Portal.post(
            "/api/v1/admin/tenants/" + slug + "/resume",
            "admin",
            null,
            "{\"version\": " + suspended.json().getJsonNumber("version").longValue() + "}");
    assertEquals(200, resumed.status(), resumed.body());
    assertTrue(TenantFixtures.organizationEnabled(slug), "resuming enables the organization again");
    assertEquals(200, Portal.get("/api/v1/invoices", stakeholder, null).status());
  }

  /** A customer account, a dispute and a PDF attachment in the tenant, as the schema owner. */
  private static void addData(String slug, byte[] attachment) throws SQLException {
    TenantFixtures.asOwnerInTenant(
        slug,
        c -> {
          try (PreparedStatement account =
              c.prepareStatement(
                  "insert into customer_account "
                      + "(tenant_id, number, name, country, currency, credit_limit) values (?, 'EXP-1', 'Export Test Ltd', 'FR', "
                      + "'EUR', 1234.56)")) {
            account.setString(1, slug);
            account.executeUpdate();
          }
          try (PreparedStatement dispute =
              c.prepareStatement(
                  """
          insert into dispute (tenant_id, customer_account_id, reason_code, currency, disputed_amount, description,
                               raised_by, promised_response_on, first_response_due, resolution_due)
          select a.tenant_id, a.id, (select min(code) from dispute_reason r where r.tenant_id = a.tenant_id), 'EUR',
                 12.50, 'Short delivery', 'test', current_date + 5, now() + interval '1 day', now() + interval '5 days'
          from customer_account a where a.tenant_id = ? and a.number = 'EXP-1' returning id""")) {
            dispute.setString(1, slug);
            long disputeId;
            try (ResultSet rs = dispute.executeQuery()) {
              rs.next();
              disputeId = rs.getLong(1);
            }
            try (PreparedStatement file =
                c.prepareStatement(
                    "insert into dispute_attachment (tenant_id, dispute_id, "
                        + "file_name, media_type, size_bytes, sha256, content, uploaded_by, party) "
                        + "values (?, ?, 'proof.pdf', 'application/pdf', ?, ?, ?, 'test', 'BPO')")) {
              file.setString(1, slug);
              file.setLong(2, disputeId);
              file.setInt(3, attachment.length);
              file.setString(4, sha256(attachment));
              file.setBytes(5, attachment);
              file.executeUpdate();
            }
          }
        });
  }

  private static HttpResponse<byte[]> export(String slug) {
    return Portal.bytes(
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/admin/tenants/" + slug + "/export"))
            .header("Authorization", "Bearer " + Portal.token("admin"))
            .GET());
  }

  @Test
  void theExportHoldsEveryTableAndAttachmentOfTheTenantWithAManifestThatMatches()
      throws SQLException, IOException {
    String slug = newSlug();
    assertEquals(201, create(TenantFixtures.createBody(slug, "cfo." + slug), null).status());
    byte[] pdf =
        ("%PDF-1.4\n% export test " + slug + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    addData(slug, pdf);

    HttpResponse<byte[]> reply = export(slug);
    assertEquals(200, reply.statusCode());
    assertEquals("application/zip", reply.headers().firstValue("Content-Type").orElse(""));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(reply.body()))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }
    JsonObject manifest =
        Json.createReader(
                new StringReader(new String(entries.get("manifest.json"), StandardCharsets.UTF_8)))
            .readObject();

    // every tenant-owned table of the catalog, with the rows the database holds
    Map<String, Long> counts = TenantFixtures.rowCounts(slug);
    JsonObject rows = manifest.getJsonObject("rows");
    assertEquals(counts.keySet(), rows.keySet());
    counts.forEach(
        (table, n) -> {
          assertEquals(n, ((JsonNumber) rows.get(table)).longValue(), table);
          String file =
              new String(entries.get("tables/" + table + ".jsonl"), StandardCharsets.UTF_8);
          assertEquals(n.longValue(), file.lines().count(), table);
        });
    // every file's checksum as the manifest says
    manifest
        .getJsonObject("files")
        .forEach(
            (name, described) ->
                assertEquals(
                    ((JsonObject) described).getString("sha256"), sha256(entries.get(name)), name));

    String accounts =
        new String(entries.get("tables/customer_account.jsonl"), StandardCharsets.UTF_8);
    JsonObject account =
        Json.createReader(new StringReader(accounts.lines().findFirst().orElseThrow()))
            .readObject();
    assertEquals("Export Test Ltd", account.getString("name"));
    assertEquals("1234.56", account.getString("credit_limit"));
    assertEquals(slug, account.getString("tenant_id"));

    JsonObject attachment =
        manifest.getJsonArray("attachments").getValuesAs(JsonObject.class).stream()
            .filter(a -> a.getString("table").equals("dispute_attachment"))
            .findFirst()
            .orElseThrow();
    assertEquals(sha256(pdf), attachment.getString("sha256"));
    assertArrayEquals(pdf, entries.get(attachment.getString("file")));
    assertTrue(
        manifest.getJsonArray("attachments").stream()
                .anyMatch(a -> ((JsonObject) a).getString("table").equals("tenant_branding"))
            || counts.get("tenant_branding") == 1);
    JsonObject registry =
        Json.createReader(
                new StringReader(new String(entries.get("tenant.json"), StandardCharsets.UTF_8)))
            .readObject();
    assertEquals(slug, registry.getString("id"));
    // nothing of another tenant: read inside the entries, since the ZIP's own bytes are compressed
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      String text = new String(entry.getValue(), StandardCharsets.UTF_8);
      if (entry.getKey().endsWith(".jsonl")) {
        for (String line : text.split("\n")) {
          if (!line.isBlank()) {
            JsonObject row = Json.createReader(new StringReader(line)).readObject();
            assertEquals(slug, row.getString("tenant_id", slug), entry.getKey() + ": " + line);
          }
        }
      }
      assertFalse(text.contains("Acme"), entry.getKey() + " holds nothing of another tenant");
    }
  }

  @Test
  void deletionNeedsAnExportAndTheSlugThenLeavesNothingAndTouchesNoOtherTenant()
      throws SQLException {
    String slug = newSlug();
    String stakeholder = "cfo." + slug;
    assertEquals(201, create(TenantFixtures.createBody(slug, stakeholder), null).status());
    addData(slug, "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    Map<String, Long> acme = TenantFixtures.rowCounts("acme");
    Map<String, Long> globex = TenantFixtures.rowCounts("globex");

    Reply noExport =
        Portal.post(
            "/api/v1/admin/tenants/" + slug + "/deletion",
            "admin",
            null,
            "{\"confirm\": \"" + slug + "\"}");
    assertEquals(409, noExport.status(), noExport.body());
    assertEquals(200, export(slug).statusCode());
    Reply wrongSlug =
        Portal.post(
            "/api/v1/admin/tenants/" + slug + "/deletion",
            "admin",
            null,
            "{\"confirm\": \"acme\"}");
    assertEquals(400, wrongSlug.status(), wrongSlug.body());
    assertTrue(
        TenantFixtures.rowCounts(slug).get("dispute_attachment") == 1, "nothing deleted yet");

    Reply deleted =
        Portal.post(
            "/api/v1/admin/tenants/" + slug + "/deletion",
            "admin",
            null,
            "{\"confirm\": \"" + slug + "\"}");
    assertEquals(200, deleted.status(), deleted.body());
    JsonObject proof = deleted.json();
    assertTrue(proof.getBoolean("complete"), proof.toString());
    assertTrue(
        proof.getJsonObject("remainingRows").values().stream()
            .allMatch(v -> ((JsonNumber) v).longValue() == 0),
        proof.toString());

    // checked again here, independently of the proof
    TenantFixtures.rowCounts(slug).forEach((table, n) -> assertEquals(0L, n, table));
    try (var c = Portal.asOwner();
        PreparedStatement q = c.prepareStatement("select count(*) from tenant where id = ?")) {
      q.setString(1, slug);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        assertEquals(0, rs.getLong(1));
      }
    }
    assertEquals(0, TenantFixtures.organizations(slug));
    assertTrue(TenantFixtures.keycloakUser(stakeholder).isEmpty(), "the tenant-only user is gone");
    assertTrue(TenantFixtures.keycloakUser("ops.lead").isPresent(), "BPO staff keep their sign-in");
    assertEquals(acme, TenantFixtures.rowCounts("acme"));
    assertEquals(globex, TenantFixtures.rowCounts("globex"));
    assertEquals(404, Portal.get("/api/v1/admin/tenants/" + slug, "admin", null).status());

    // the admin record outlives the tenant
    List<String> actions =
        Portal.get("/api/v1/admin/actions?tenant=" + slug, "admin", null)
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(a -> a.getString("action") + ":" + a.getString("outcome"))
            .toList();
    assertTrue(
        actions.containsAll(
            List.of(
                "tenant.delete:SUCCEEDED",
                "tenant.delete:REFUSED",
                "tenant.export:SUCCEEDED",
                "tenant.create:SUCCEEDED")),
        actions.toString());
  }

  @Test
  void peopleAreAssignedInvitedAndDeactivated() throws SQLException {
    String slug = newSlug();
    assertEquals(201, create(TenantFixtures.createBody(slug, "cfo." + slug), null).status());
    addData(slug, "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    String people = "/api/v1/admin/tenants/" + slug + "/people";

    assertEquals(
        201,
        Portal.post(
                people, "admin", null, "{\"username\": \"agent.acme\", \"role\": \"bpo-agent\"}")
            .status());
    Reply noSignIn =
        Portal.post(
            people, "admin", null, "{\"username\": \"nobody.here\", \"role\": \"bpo-agent\"}");
    assertEquals(400, noSignIn.status(), noSignIn.body());
    Reply noAccount =
        Portal.post(
            people,
            "admin",
            null,
            "{\"username\": \"buyer."
                + slug
                + "\", \"email\": \"b@test"
                + ".example\", \"role\": \"customer\", \"customerAccount\": \"NOPE\", \"password\": \"demo\"}");
    assertEquals(400, noAccount.status(), noAccount.body());
    Reply customer =
        Portal.post(
            people,
            "admin",
            null,
            "{\"username\": \"buyer."
                + slug
                + "\", \"email\": "
                + "\"b@test.example\", \"firstName\": \"Bea\", \"lastName\": \"Buyer\", \"role\": \"customer\", \"customerAccount\": \"EXP-1\", \"password\": \"demo\", "
                + "\"temporaryPassword\": false}");
    assertEquals(201, customer.status(), customer.body());

    // the invited customer sees their own account only
    Reply accounts = Portal.get("/api/v1/customers", "buyer." + slug, null);
    assertEquals(200, accounts.status(), accounts.body());
    assertTrue(accounts.body().contains("EXP-1"), accounts.body());

    List<String> listed =
        Portal.get(people, "admin", null)
            .structure()
            .asJsonArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .map(p -> p.getString("username") + ":" + p.getString("role"))
            .toList();
    assertTrue(
        listed.containsAll(List.of("agent.acme:bpo-agent", "buyer." + slug + ":customer")),
        listed.toString());

    assertEquals(204, Portal.post(people + "/agent.acme/deactivate", "admin", null, "").status());
    assertEquals(
        204, Portal.post(people + "/buyer." + slug + "/deactivate", "admin", null, "").status());
    assertFalse(
        TenantFixtures.keycloakUser("buyer." + slug).orElseThrow().getBoolean("enabled"),
        "a customer left with no tenant is disabled");
    assertTrue(
        TenantFixtures.keycloakUser("agent.acme").orElseThrow().getBoolean("enabled"),
        "BPO staff keep their sign-in for their other tenants");
    assertEquals(200, Portal.get("/api/v1/invoices", "agent.acme", "acme").status());
    // the disabled customer is a tenant-only user: deletion removes it too (cleanup)
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
