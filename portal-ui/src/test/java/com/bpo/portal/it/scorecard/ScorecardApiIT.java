package com.bpo.portal.it.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scorecard workflow over HTTP, on months of 2019 in acme that no demo data touches: who may do
 * what, compute and recompute a draft, a manual value with its evidence, publish, a disputed KPI
 * blocking sign-off until answered, sign-off locking everything, and KPI definitions versioned so
 * that a past scorecard keeps the one it was scored under.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScorecardApiIT {
  static final String MONTH = "2019-01";
  static final String LATER = "2019-02";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  /**
   * Each test starts from no 2019 scorecards and CSAT's first definition, whatever ran before it.
   */
  @BeforeEach
  @AfterEach
  void removeTestMonths() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select set_config('app.tenant_id', 'acme', true)");
        s.executeUpdate("delete from scorecard where period like '2019-%'");
        s.executeUpdate("delete from kpi_definition where code = 'CSAT' and version > 1");
      }
      db.commit();
    }
  }

  private static Reply lead(String method, String path, String json) {
    return call(method, path, "ops.lead", "acme", json);
  }

  private static Reply call(String method, String path, String user, String tenant, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Portal.URL + path))
            .header("Authorization", "Bearer " + Portal.token(user))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (tenant != null) {
      request.header("X-Tenant", tenant);
    }
    return Portal.send(request);
  }

  private static JsonObject kpi(JsonObject card, String code) {
    return card.getJsonArray("kpis").getValuesAs(JsonObject.class).stream()
        .filter(k -> k.getString("code").equals(code))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void onlyBpoLeadsComputeAndCustomersSeeNoScorecard() {
    assertEquals(
        403,
        call("POST", "/api/v1/scorecards/" + MONTH + "/compute", "agent.acme", null, null)
            .status());
    assertEquals(
        403,
        call("POST", "/api/v1/scorecards/" + MONTH + "/compute", "cfo.acme", null, null).status());
    assertEquals(
        403, Portal.get("/api/v1/scorecards?period=" + MONTH, "customer.acme", null).status());
    assertEquals(
        403, call("PUT", "/api/v1/kpis/CSAT", "agent.acme", null, "{\"target\": \"5\"}").status());
    Reply bad = lead("POST", "/api/v1/scorecards/2019-13/compute", null);
    assertEquals(400, bad.status(), bad.body());
    assertEquals("period", bad.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void aScorecardGoesFromDraftToSignedOffAndIsThenLocked() {
    // a preview until computed; computing stores a draft that can be computed again
    JsonObject preview = lead("GET", "/api/v1/scorecards?period=" + MONTH, null).json();
    assertEquals(false, preview.getBoolean("stored"));
    assertTrue(preview.getJsonArray("kpis").size() >= 12, "the BPO sees the figures computed now");
    JsonObject draft = lead("POST", "/api/v1/scorecards/" + MONTH + "/compute", null).json();
    assertEquals("DRAFT", draft.getString("status"));
    assertTrue(draft.getBoolean("stored"));
    long firstVersion = draft.getJsonNumber("version").longValue();
    JsonObject clientView =
        Portal.get("/api/v1/scorecards?period=" + MONTH, "cfo.acme", null).json();
    assertEquals(
        0, clientView.getJsonArray("kpis").size(), "the client sees no figures before publication");
    JsonObject again = lead("POST", "/api/v1/scorecards/" + MONTH + "/compute", null).json();
    assertTrue(
        again.getJsonNumber("version").longValue() > firstVersion, "a recompute is a new version");

    // a manual KPI: refused without a number or evidence, accepted with both and judged against its
    // target
    Reply noNumber =
        lead(
            "PUT",
            "/api/v1/scorecards/" + MONTH + "/kpis/CSAT/value",
            "{\"value\": \"good\", \"evidence\": \"survey\"}");
    assertEquals(400, noNumber.status());
    Reply noEvidence =
        lead("PUT", "/api/v1/scorecards/" + MONTH + "/kpis/CSAT/value", "{\"value\": \"4.3\"}");
    assertEquals(400, noEvidence.status());
    assertEquals(
        "evidence", noEvidence.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    Reply computed =
        lead(
            "PUT",
            "/api/v1/scorecards/" + MONTH + "/kpis/DSO/value",
            "{\"value\": \"3\", \"evidence\": \"x\"}");
    assertEquals(400, computed.status(), "a computed KPI is not entered by hand");
    JsonObject entered =
        lead(
                "PUT",
                "/api/v1/scorecards/" + MONTH + "/kpis/CSAT/value",
                "{\"value\": \"3.60\", \"evidence\": \"Survey of 40 customers\"}")
            .json();
    JsonObject csat = kpi(entered, "CSAT");
    assertEquals(
        0, new BigDecimal("3.60").compareTo(csat.getJsonNumber("actual").bigDecimalValue()));
    assertEquals("AMBER", csat.getString("rag"), "target 4, warning 0.5: 3.60 is within the band");
    assertNotNull(entered.get("overallScore"));

    // its evidence file: judged by content, kept, downloadable
    byte[] pdf =
        "%PDF-1.4\n% survey export\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Reply attached =
        Portal.send(
            HttpRequest.newBuilder(
                    URI.create(
                        Portal.URL + "/api/v1/scorecards/" + MONTH + "/kpis/CSAT/evidence-file"))
                .header("Authorization", "Bearer " + Portal.token("ops.lead"))
                .header("X-Tenant", "acme")
                .header("X-File-Name", "survey.pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)));
    assertEquals(200, attached.status(), attached.body());
    assertEquals("survey.pdf", kpi(attached.json(), "CSAT").getString("evidenceFile"));
    Reply program =
        Portal.send(
            HttpRequest.newBuilder(
                    URI.create(
                        Portal.URL + "/api/v1/scorecards/" + MONTH + "/kpis/CSAT/evidence-file"))
                .header("Authorization", "Bearer " + Portal.token("ops.lead"))
                .header("X-Tenant", "acme")
                .header("X-File-Name", "survey.pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'M', 'Z', 0, 0, 1, 2, 3})));
    assertEquals(415, program.status(), program.body());
    assertEquals(
        404,
        Portal.bytes(
                HttpRequest.newBuilder(
                        URI.create(
                            Portal.URL
                                + "/api/v1/scorecards/"
                                + MONTH
                                + "/kpis/CSAT/evidence-file"))
                    .header("Authorization", "Bearer " + Portal.token("cfo.acme")))
            .statusCode(),
        "the client gets no evidence of a draft");
    var download =
        Portal.bytes(
            HttpRequest.newBuilder(
                    URI.create(
                        Portal.URL + "/api/v1/scorecards/" + MONTH + "/kpis/CSAT/evidence-file"))
                .header("Authorization", "Bearer " + Portal.token("ops.lead"))
                .header("X-Tenant", "acme"));
    assertEquals(200, download.statusCode());
    assertTrue(java.util.Arrays.equals(pdf, download.body()), "the same bytes come back");

    // the client cannot sign off a draft; publishing needs the version last seen
    long version =
        lead("GET", "/api/v1/scorecards?period=" + MONTH, null)
            .json()
            .getJsonNumber("version")
            .longValue();
    assertEquals(
        409,
        call(
                "POST",
                "/api/v1/scorecards/" + MONTH + "/sign-off",
                "cfo.acme",
                null,
                "{\"version\": " + version + "}")
            .status());
    assertEquals(
        409,
        lead(
                "POST",
                "/api/v1/scorecards/" + MONTH + "/publish",
                "{\"version\": " + (version - 1) + "}")
            .status());
    JsonObject published =
        lead("POST", "/api/v1/scorecards/" + MONTH + "/publish", "{\"version\": " + version + "}")
            .json();
    assertEquals("PUBLISHED", published.getString("status"));
    assertEquals("ops.lead", published.getString("publishedBy"));
    assertEquals(
        published.getJsonArray("kpis").size(),
        Portal.get("/api/v1/scorecards?period=" + MONTH, "cfo.acme", null)
            .json()
            .getJsonArray("kpis")
            .size(),
        "once published, the client sees every KPI");
    assertEquals(
        200,
        Portal.bytes(
                HttpRequest.newBuilder(
                        URI.create(
                            Portal.URL
                                + "/api/v1/scorecards/"
                                + MONTH
                                + "/kpis/CSAT/evidence-file"))
                    .header("Authorization", "Bearer " + Portal.token("cfo.acme")))
            .statusCode(),
        "once published, the client gets the evidence too");

    // published: no more recomputing or entering values
    Reply recompute = lead("POST", "/api/v1/scorecards/" + MONTH + "/compute", null);
    assertEquals(409, recompute.status());
    assertEquals(
        409,
        lead(
                "PUT",
                "/api/v1/scorecards/" + MONTH + "/kpis/CSAT/value",
                "{\"value\": \"4.9\", \"evidence\": \"late\"}")
            .status());
    assertEquals(
        409,
        Portal.send(
                HttpRequest.newBuilder(
                        URI.create(
                            Portal.URL
                                + "/api/v1/scorecards/"
                                + MONTH
                                + "/kpis/CSAT/evidence-file"))
                    .header("Authorization", "Bearer " + Portal.token("ops.lead"))
                    .header("X-Tenant", "acme")
                    .header("X-File-Name", "late.pdf")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)))
            .status(),
        "no new evidence once published");

    // a disputed KPI blocks sign-off until the BPO answers
    assertEquals(
        403,
        call(
                "POST",
                "/api/v1/scorecards/" + MONTH + "/kpis/DSO/dispute",
                "agent.acme",
                null,
                "{\"body\": \"no\"}")
            .status());
    JsonObject disputed =
        call(
                "POST",
                "/api/v1/scorecards/" + MONTH + "/kpis/DSO/dispute",
                "cfo.acme",
                null,
                "{\"body\": \"Two invoices should not count.\"}")
            .json();
    assertEquals("DISPUTED", kpi(disputed, "DSO").getString("review"));
    Reply blocked =
        call(
            "POST",
            "/api/v1/scorecards/" + MONTH + "/sign-off",
            "cfo.acme",
            null,
            "{\"version\": " + disputed.getJsonNumber("version").longValue() + "}");
    assertEquals(409, blocked.status());
    assertTrue(blocked.body().contains("kpi-disputed"), blocked.body());
    JsonObject answered =
        lead(
                "POST",
                "/api/v1/scorecards/" + MONTH + "/kpis/DSO/answer",
                "{\"body\": \"They were credited after month end; DSO is right for the month.\"}")
            .json();
    assertEquals("ANSWERED", kpi(answered, "DSO").getString("review"));

    assertEquals(
        403,
        lead(
                "POST",
                "/api/v1/scorecards/" + MONTH + "/sign-off",
                "{\"version\": " + answered.getJsonNumber("version").longValue() + "}")
            .status(),
        "the BPO cannot sign off");
    JsonObject signed =
        call(
                "POST",
                "/api/v1/scorecards/" + MONTH + "/sign-off",
                "cfo.acme",
                null,
                "{\"version\": " + answered.getJsonNumber("version").longValue() + "}")
            .json();
    assertEquals("SIGNED_OFF", signed.getString("status"));
    assertEquals("cfo.acme", signed.getString("signedOffBy"));

    // signed off: locked for every kind of change, and the whole story is in the history
    assertEquals(409, lead("POST", "/api/v1/scorecards/" + MONTH + "/compute", null).status());
    assertEquals(
        409,
        call(
                "POST",
                "/api/v1/scorecards/" + MONTH + "/comments",
                "cfo.acme",
                null,
                "{\"body\": \"after the fact\"}")
            .status());
    assertEquals(
        409,
        call(
                "POST",
                "/api/v1/scorecards/" + MONTH + "/kpis/CEI/dispute",
                "cfo.acme",
                null,
                "{\"body\": \"late\"}")
            .status());
    String history = signed.getJsonArray("history").toString();
    for (String step :
        new String[] {
          "COMPUTED",
          "VALUE_ENTERED",
          "EVIDENCE_ATTACHED",
          "PUBLISHED",
          "KPI_DISPUTED",
          "KPI_ANSWERED",
          "SIGNED_OFF"
        }) {
      assertTrue(history.contains(step), step + " missing from " + history);
    }
    assertEquals(
        2,
        signed.getJsonArray("comments").size(),
        "the dispute and the answer, nothing after sign-off: " + signed.getJsonArray("comments"));
  }

  @Test
  void aChangedDefinitionIsANewVersionAndPastScorecardsKeepTheirs() {
    JsonObject before = lead("POST", "/api/v1/scorecards/" + LATER + "/compute", null).json();
    JsonObject csatBefore = kpi(before, "CSAT");
    assertEquals(1, csatBefore.getInt("definitionVersion"));

    Reply invalid = lead("PUT", "/api/v1/kpis/CSAT", "{\"target\": \"high\", \"weight\": \"-1\"}");
    assertEquals(400, invalid.status());
    assertEquals(2, invalid.json().getJsonArray("errors").size(), invalid.body());

    JsonObject changed = lead("PUT", "/api/v1/kpis/CSAT", "{\"target\": \"4.5\"}").json();
    assertEquals(2, changed.getInt("version"));
    assertEquals(
        0, new BigDecimal("4.5").compareTo(changed.getJsonNumber("target").bigDecimalValue()));
    assertEquals("ops.lead", changed.getString("changedBy"));
    assertEquals(
        2,
        Portal.get("/api/v1/kpis/CSAT/history", "cfo.acme", null).structure().asJsonArray().size());

    // the stored draft keeps version 1 until it is recomputed; a recompute of a draft takes the new
    // one
    JsonObject stored = lead("GET", "/api/v1/scorecards?period=" + LATER, null).json();
    assertEquals(1, kpi(stored, "CSAT").getInt("definitionVersion"));
    assertEquals(
        0,
        new BigDecimal("4")
            .compareTo(kpi(stored, "CSAT").getJsonNumber("target").bigDecimalValue()));
    JsonObject recomputed = lead("POST", "/api/v1/scorecards/" + LATER + "/compute", null).json();
    assertEquals(2, kpi(recomputed, "CSAT").getInt("definitionVersion"));
    assertEquals(
        0,
        new BigDecimal("4.5")
            .compareTo(kpi(recomputed, "CSAT").getJsonNumber("target").bigDecimalValue()));
  }

  @Test
  void theScorecardExportsAsCsvAndPdf() {
    lead("POST", "/api/v1/scorecards/2019-03/compute", null);
    Reply csv =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/scorecards?period=2019-03"))
                .header("Authorization", "Bearer " + Portal.token("ops.lead"))
                .header("X-Tenant", "acme")
                .header("Accept", "text/csv"));
    assertEquals(200, csv.status());
    assertTrue(csv.body().startsWith("period,status,code,name"), csv.body());
    assertTrue(csv.body().contains("2019-03,DRAFT,DSO,"), csv.body());
    var pdf =
        Portal.bytes(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/scorecards/2019-03/pdf"))
                .header("Authorization", "Bearer " + Portal.token("cfo.acme")));
    assertEquals(200, pdf.statusCode());
    assertEquals("%PDF-", new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
  }
}
