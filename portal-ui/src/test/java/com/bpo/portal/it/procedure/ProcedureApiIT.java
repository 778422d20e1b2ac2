package com.bpo.portal.it.procedure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The procedures API over HTTP: the version states and who may take each step, the one-effective
 * rule (service and database), the version in force on a date at its boundaries, hostile Markdown
 * rendered safe, attachments judged by content, acknowledgements, reviews and reminders, search
 * ranking and tenant scoping, and the role rules (401, 403, 404, another tenant's id). Every
 * procedure is made here with a title starting with {@link #FIXTURE} and removed afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProcedureApiIT {
  static final String FIXTURE = "FIX-PROC-";
  static final String LEAD = "ops.lead";
  static final String AGENT = "agent.acme";
  static final String STAKEHOLDER = "cfo.acme";
  static final String CUSTOMER = "customer.acme";
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York")); // acme's time zone

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeAll
  @AfterAll
  static void removeFixtures() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      for (String tenant : List.of("acme", "globex")) {
        try (Statement s = db.createStatement()) {
          s.execute("select set_config('app.tenant_id', '" + tenant + "', true)");
          s.executeUpdate("delete from mail_outbox where subject like '%" + FIXTURE + "%'");
          s.executeUpdate("delete from procedure where title like '" + FIXTURE + "%'");
        }
      }
      db.commit();
    }
  }

  // ---------------------------------------------------------------- helpers

  static String unique(String what) {
    return FIXTURE + what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static JsonObject create(String tenant, String title, boolean clientApproval, String content) {
    Reply reply =
        Portal.post(
            "/api/v1/procedures",
            LEAD,
            tenant,
            Json.createObjectBuilder()
                .add("title", title)
                .add("processArea", "CASH_APPLICATION")
                .add("reviewIntervalMonths", 6)
                .add("clientApprovalRequired", clientApproval)
                .add("content", content)
                .build()
                .toString());
    assertEquals(201, reply.status(), reply.body());
    return reply.json();
  }

  static long id(JsonObject detail) {
    return detail.getJsonObject("procedure").getJsonNumber("id").longValue();
  }

  /**
   * The version being made (draft, in review or approved), from the procedure as the lead sees it.
   */
  static JsonObject open(String tenant, long id) {
    for (JsonValue v :
        Portal.get("/api/v1/procedures/" + id, LEAD, tenant).json().getJsonArray("versions")) {
      String status = v.asJsonObject().getString("status");
      if (List.of("DRAFT", "IN_REVIEW", "APPROVED").contains(status)) {
        return v.asJsonObject();
      }
    }
    throw new AssertionError("no open version");
  }

  static Reply step(
      String user,
      String tenant,
      long id,
      JsonObject version,
      String action,
      String note,
      LocalDate from) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("action", action)
            .add("version", version.getJsonNumber("version").longValue());
    if (note != null) {
      body.add("note", note);
    }
    if (from != null) {
      body.add("effectiveFrom", from.toString());
    }
    return Portal.post(
        "/api/v1/procedures/"
            + id
            + "/versions/"
            + version.getJsonNumber("id").longValue()
            + "/transitions",
        user,
        tenant,
        body.build().toString());
  }

  /** Takes the open version through submit, approval and into force from {@code from}. */
  static void makeEffective(String tenant, long id, String approver, LocalDate from) {
    Reply submitted = step(LEAD, tenant, id, open(tenant, id), "SUBMIT", null, null);
    assertEquals(200, submitted.status(), submitted.body());
    Reply approved = step(approver, tenant, id, open(tenant, id), "APPROVE", null, null);
    assertEquals(200, approved.status(), approved.body());
    Reply effective = step(LEAD, tenant, id, open(tenant, id), "MAKE_EFFECTIVE", null, from);
    assertEquals(200, effective.status(), effective.body());
  }

  static Reply newDraft(String tenant, long id) {
    return Portal.post(
        "/api/v1/procedures/" + id + "/versions", LEAD, tenant, "{\"changeNote\": \"next\"}");
  }

  static Reply put(String path, String user, String tenant, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Portal.URL + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + Portal.token(user))
            .PUT(HttpRequest.BodyPublishers.ofString(json));
    if (tenant != null) {
      request.header("X-Tenant", tenant);
    }
    return Portal.send(request);
  }

  static Reply upload(
      String user, String tenant, long id, long versionId, String name, byte[] content) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    Portal.URL
                        + "/api/v1/procedures/"
                        + id
                        + "/versions/"
                        + versionId
                        + "/attachments"))
            .header("Content-Type", "application/octet-stream")
            .header("X-File-Name", name)
            .header("Authorization", "Bearer " + Portal.token(user))
            .header("X-Tenant", tenant)
            .POST(HttpRequest.BodyPublishers.ofByteArray(content));
    return Portal.send(request);
  }

  static List<String> statuses(JsonArray versions) {
    return versions.stream()
        .map(v -> v.asJsonObject().getInt("number") + ":" + v.asJsonObject().getString("status"))
        .toList();
  }

  static byte[] zip(String... namesAndContents) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        zip.putNextEntry(new ZipEntry(namesAndContents[i]));
        zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static String types(String main) {
    return "<Types><Override PartName=\"/main\" ContentType=\"" + main + "\"/></Types>";
  }

  // ---------------------------------------------------------------- states and the one-effective
  // rule

  @Test
  void aVersionGoesFromDraftThroughTheClientsApprovalIntoForceAndTheNextOneSupersedesIt() {
    long id = id(create("acme", unique("states"), true, "# Steps\n\nStep one\nStep two\n"));
    JsonObject v1 = open("acme", id);
    assertEquals("DRAFT", v1.getString("status"));

    assertEquals(403, step(AGENT, "acme", id, v1, "SUBMIT", null, null).status());
    assertEquals(409, step(LEAD, "acme", id, v1, "MAKE_EFFECTIVE", null, TODAY).status());
    assertEquals(200, step(LEAD, "acme", id, v1, "SUBMIT", null, null).status());
    JsonObject inReview = open("acme", id);
    assertEquals("IN_REVIEW", inReview.getString("status"));
    // a stale version is refused before anything happens
    assertEquals(409, step(STAKEHOLDER, "acme", id, v1, "APPROVE", null, null).status());
    // this procedure needs the client: the lead may not approve it, nor an agent
    assertEquals(403, step(LEAD, "acme", id, inReview, "APPROVE", null, null).status());
    assertEquals(403, step(AGENT, "acme", id, inReview, "APPROVE", null, null).status());
    // sending back needs a reason
    Reply noReason = step(STAKEHOLDER, "acme", id, inReview, "REJECT", null, null);
    assertEquals(400, noReason.status(), noReason.body());
    assertEquals(
        200,
        step(STAKEHOLDER, "acme", id, inReview, "REJECT", "Add the cut-off time", null).status());
    assertEquals("DRAFT", open("acme", id).getString("status"));

    assertEquals(200, step(LEAD, "acme", id, open("acme", id), "SUBMIT", null, null).status());
    assertEquals(
        200, step(STAKEHOLDER, "acme", id, open("acme", id), "APPROVE", null, null).status());
    JsonObject approved = open("acme", id);
    assertEquals("APPROVED", approved.getString("status"));
    assertEquals(STAKEHOLDER, approved.getString("approvedBy"));
    assertEquals(
        403, step(STAKEHOLDER, "acme", id, approved, "MAKE_EFFECTIVE", null, TODAY).status());
    assertEquals(
        400,
        step(LEAD, "acme", id, approved, "MAKE_EFFECTIVE", null, TODAY.minusDays(1)).status(),
        "no backdating");
    Reply effective = step(LEAD, "acme", id, approved, "MAKE_EFFECTIVE", null, TODAY);
    assertEquals(200, effective.status(), effective.body());
    JsonObject detail = effective.json();
    assertEquals(List.of("1:EFFECTIVE"), statuses(detail.getJsonArray("versions")));
    assertEquals(
        TODAY.toString(),
        detail.getJsonObject("effective").getJsonObject("version").getString("effectiveFrom"));
    assertEquals(
        TODAY.plusMonths(6).toString(),
        detail.getJsonObject("procedure").getString("nextReviewOn"));

    // a second draft while one is being made is refused
    assertEquals(201, newDraft("acme", id).status());
    assertEquals(409, newDraft("acme", id).status());
    JsonObject v2 = open("acme", id);
    Reply edited =
        put(
            "/api/v1/procedures/" + id + "/versions/" + v2.getJsonNumber("id").longValue(),
            LEAD,
            "acme",
            Json.createObjectBuilder()
                .add("content", "# Steps\n\nStep one\nStep 2, now with a cut-off\n")
                .add("changeNote", "cut-off")
                .add("version", v2.getJsonNumber("version").longValue())
                .build()
                .toString());
    assertEquals(200, edited.status(), edited.body());
    // the same (now stale) version again: 409
    assertEquals(
        409,
        put(
                "/api/v1/procedures/" + id + "/versions/" + v2.getJsonNumber("id").longValue(),
                LEAD,
                "acme",
                Json.createObjectBuilder()
                    .add("content", "lost")
                    .add("version", v2.getJsonNumber("version").longValue())
                    .build()
                    .toString())
            .status());
    // the new version may not start on the day the one in force started
    assertEquals(200, step(LEAD, "acme", id, open("acme", id), "SUBMIT", null, null).status());
    assertEquals(
        200, step(STAKEHOLDER, "acme", id, open("acme", id), "APPROVE", null, null).status());
    assertEquals(
        400, step(LEAD, "acme", id, open("acme", id), "MAKE_EFFECTIVE", null, TODAY).status());
    Reply second =
        step(LEAD, "acme", id, open("acme", id), "MAKE_EFFECTIVE", null, TODAY.plusDays(1));
    assertEquals(200, second.status(), second.body());
    JsonArray versions = second.json().getJsonArray("versions");
    assertEquals(List.of("2:EFFECTIVE", "1:SUPERSEDED"), statuses(versions));
    assertEquals(TODAY.plusDays(1).toString(), versions.getJsonObject(1).getString("effectiveTo"));
    // an effective version cannot be submitted again; a superseded one takes no step at all
    assertEquals(
        409, step(LEAD, "acme", id, versions.getJsonObject(0), "SUBMIT", null, null).status());
    assertEquals(
        409, step(LEAD, "acme", id, versions.getJsonObject(1), "RETIRE", null, null).status());
    assertEquals(
        403, step(LEAD, "acme", id, versions.getJsonObject(0), "SUPERSEDE", null, null).status());

    // the history tells every state change, who and in which order
    List<String> history =
        second.json().getJsonArray("history").stream()
            .map(
                e ->
                    e.asJsonObject().getString("action")
                        + "/"
                        + e.asJsonObject().getString("actor"))
            .toList();
    assertTrue(
        history.containsAll(
            List.of(
                "SUBMIT/ops.lead",
                "REJECT/cfo.acme",
                "APPROVE/cfo.acme",
                "MAKE_EFFECTIVE/ops.lead",
                "SUPERSEDE/ops.lead",
                "EDITED/ops.lead")),
        history.toString());

    // the diff between the two versions, as JSON
    Reply diff =
        Portal.get(
            "/api/v1/procedures/"
                + id
                + "/diff?from="
                + versions.getJsonObject(1).getJsonNumber("id")
                + "&to="
                + versions.getJsonObject(0).getJsonNumber("id"),
            AGENT,
            "acme");
    assertEquals(200, diff.status(), diff.body());
    assertEquals(1, diff.json().getInt("added"));
    assertEquals(1, diff.json().getInt("removed"));
    assertTrue(
        diff.body().contains("\"kind\":\"REMOVED\"") && diff.body().contains("Step two"),
        diff.body());

    // retiring leaves nothing in force from today
    JsonObject current =
        Portal.get("/api/v1/procedures/" + id, LEAD, "acme")
            .json()
            .getJsonArray("versions")
            .getJsonObject(0);
    Reply retired = step(LEAD, "acme", id, current, "RETIRE", "No longer outsourced", null);
    assertEquals(200, retired.status(), retired.body());
    assertEquals(
        List.of("2:RETIRED", "1:SUPERSEDED"), statuses(retired.json().getJsonArray("versions")));
  }

  @Test
  void aLeadApprovesAlonewhenTheClientNeedNotAndTheStakeholderCannot() {
    long id = id(create("acme", unique("lead-approves"), false, "Text"));
    assertEquals(200, step(LEAD, "acme", id, open("acme", id), "SUBMIT", null, null).status());
    assertEquals(
        403, step(STAKEHOLDER, "acme", id, open("acme", id), "APPROVE", null, null).status());
    assertEquals(200, step(LEAD, "acme", id, open("acme", id), "APPROVE", null, null).status());
  }

  @Test
  void theDatabaseItselfRefusesASecondEffectiveVersionAndOverlappingDates() throws SQLException {
    long id = id(create("acme", unique("db-rule"), false, "One"));
    makeEffective("acme", id, LEAD, TODAY);
    assertEquals(201, newDraft("acme", id).status());
    long draftId = open("acme", id).getJsonNumber("id").longValue();
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select set_config('app.tenant_id', 'acme', true)");
        s.execute("savepoint before");
        try {
          s.executeUpdate(
              "update procedure_version set status = 'EFFECTIVE', approved_at = now(), "
                  + "effective_from = date '"
                  + TODAY.plusDays(5)
                  + "' where id = "
                  + draftId);
          fail("a second effective version was accepted");
        } catch (SQLException e) {
          assertTrue(
              List.of("23505", "23P01").contains(e.getSQLState()),
              e.getSQLState() + " " + e.getMessage());
          s.execute("rollback to savepoint before");
        }
        try {
          // a superseded range that overlaps the one in force
          s.executeUpdate(
              "update procedure_version set status = 'SUPERSEDED', approved_at = now(), "
                  + "effective_from = date '"
                  + TODAY.minusDays(10)
                  + "', effective_to = date '"
                  + TODAY.plusDays(1)
                  + "' where id = "
                  + draftId);
          fail("overlapping dates were accepted");
        } catch (SQLException e) {
          assertEquals("23P01", e.getSQLState(), e.getMessage());
          s.execute("rollback to savepoint before");
        }
      }
      db.rollback();
    }
  }

  @Test
  void theVersionInForceOnADateIsReadFromTheStoredRangesAtTheirBoundaries() {
    long id = id(create("acme", unique("on-date"), false, "v1"));
    LocalDate first = TODAY.plusDays(10);
    LocalDate second = TODAY.plusDays(20);
    makeEffective("acme", id, LEAD, first);
    assertEquals(201, newDraft("acme", id).status());
    makeEffective("acme", id, LEAD, second);
    String path = "/api/v1/procedures/" + id + "/effective?on=";
    assertEquals(404, Portal.get(path + first.minusDays(1), AGENT, "acme").status());
    assertEquals(1, Portal.get(path + first, AGENT, "acme").json().getInt("number"));
    assertEquals(1, Portal.get(path + second.minusDays(1), AGENT, "acme").json().getInt("number"));
    assertEquals(2, Portal.get(path + second, AGENT, "acme").json().getInt("number"));
    assertEquals(
        2, Portal.get(path + second.plusYears(3), STAKEHOLDER, "acme").json().getInt("number"));
    assertEquals(400, Portal.get(path + "not-a-date", AGENT, "acme").status());
  }

  // ---------------------------------------------------------------- content and files

  @Test
  void hostileMarkdownIsKeptAsWrittenAndRenderedWithoutScriptsHandlersOrScriptLinks() {
    String hostile =
        "# Title\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1))\n\n"
            + "<img src=x onerror=alert(1)>\n\n[data](data:text/html;base64,PHNjcmlwdD4=)\n\n"
            + "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok</a>\n\n[fine](https://bpo.example/guide)";
    JsonObject created = create("acme", unique("hostile"), false, hostile);
    long id = id(created);
    long versionId = open("acme", id).getJsonNumber("id").longValue();
    JsonObject version =
        Portal.get("/api/v1/procedures/" + id + "/versions/" + versionId, AGENT, "acme").json();
    assertEquals(hostile, version.getString("content"));
    String html = version.getString("html");
    String lower = html.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("<script"), html);
    assertFalse(lower.contains("<img"), html);
    assertFalse(lower.contains("javascript:"), html);
    assertFalse(lower.contains("href=\"data:"), html);
    assertFalse(
        java.util.regex.Pattern.compile("<[^>]*\\son[a-z]+\\s*=").matcher(lower).find(), html);
    assertTrue(html.contains("href=\"https://bpo.example/guide\""), html);
    assertTrue(html.contains("<h1>Title</h1>"), html);
  }

  @Test
  void attachmentsAreJudgedByContentAndServedAsWhatTheyAre() {
    long id = id(create("acme", unique("files"), false, "With files"));
    long versionId = open("acme", id).getJsonNumber("id").longValue();
    byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] docx =
        zip(
            "[Content_Types].xml",
            types(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
            "word/document.xml",
            "<w:document/>");
    byte[] xlsx =
        zip(
            "[Content_Types].xml",
            types("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            "xl/workbook.xml",
            "<workbook/>");
    byte[] xlsm =
        zip(
            "[Content_Types].xml",
            types("application/vnd.ms-excel.sheet.macroEnabled.main+xml"),
            "xl/workbook.xml",
            "<workbook/>",
            "xl/vbaProject.bin",
            "VBA");

    Reply storedPdf = upload(LEAD, "acme", id, versionId, "flow.pdf", pdf);
    assertEquals(201, storedPdf.status(), storedPdf.body());
    assertEquals(201, upload(LEAD, "acme", id, versionId, "steps.docx", docx).status());
    Reply named = upload(LEAD, "acme", id, versionId, "matrix", xlsx);
    assertEquals(201, named.status(), named.body());
    assertEquals("matrix.xlsx", named.json().getString("fileName"));
    assertEquals(415, upload(LEAD, "acme", id, versionId, "steps.xlsx", docx).status(), "renamed");
    assertEquals(415, upload(LEAD, "acme", id, versionId, "matrix.xlsx", xlsm).status(), "macros");
    assertEquals(
        415,
        upload(
                LEAD,
                "acme",
                id,
                versionId,
                "tool.pdf",
                "MZ program".getBytes(StandardCharsets.US_ASCII))
            .status());
    assertEquals(403, upload(AGENT, "acme", id, versionId, "flow.pdf", pdf).status());

    long attachmentId = storedPdf.json().getJsonNumber("id").longValue();
    HttpResponse<byte[]> download =
        Portal.bytes(
            HttpRequest.newBuilder(
                    URI.create(
                        Portal.URL
                            + "/api/v1/procedures/"
                            + id
                            + "/versions/"
                            + versionId
                            + "/attachments/"
                            + attachmentId))
                .header("Authorization", "Bearer " + Portal.token(STAKEHOLDER))
                .header("X-Tenant", "acme")
                .GET());
    assertEquals(200, download.statusCode());
    assertArrayEquals(pdf, download.body());
    assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
    assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals(
        404,
        Portal.get(
                "/api/v1/procedures/"
                    + id
                    + "/versions/"
                    + versionId
                    + "/attachments/"
                    + attachmentId,
                LEAD,
                "globex")
            .status(),
        "another tenant");

    // a new draft carries the files of the version it starts from
    makeEffective("acme", id, LEAD, TODAY);
    assertEquals(201, newDraft("acme", id).status());
    long next = open("acme", id).getJsonNumber("id").longValue();
    assertEquals(
        3,
        Portal.get("/api/v1/procedures/" + id + "/versions/" + next, LEAD, "acme")
            .json()
            .getJsonArray("attachments")
            .size());
  }

  // ---------------------------------------------------------------- acknowledgements and reviews

  @Test
  void theBpoStaffAcknowledgeTheEffectiveVersionAndTheListShowsWhoHasNot() {
    long id = id(create("acme", unique("ack"), false, "Read me"));
    assertEquals(
        409,
        Portal.post("/api/v1/procedures/" + id + "/acknowledgements", AGENT, "acme", "").status(),
        "nothing in force yet");
    makeEffective("acme", id, LEAD, TODAY);
    JsonObject before =
        Portal.get("/api/v1/procedures/" + id + "/acknowledgements", STAKEHOLDER, "acme").json();
    List<String> pending =
        before.getJsonArray("pending").stream()
            .map(p -> p.asJsonObject().getString("username"))
            .toList();
    assertTrue(pending.containsAll(List.of(AGENT, LEAD)), pending.toString());
    assertFalse(pending.contains(STAKEHOLDER), "stakeholders read but do not acknowledge");

    Reply ack = Portal.post("/api/v1/procedures/" + id + "/acknowledgements", AGENT, "acme", "");
    assertEquals(201, ack.status(), ack.body());
    Reply again = Portal.post("/api/v1/procedures/" + id + "/acknowledgements", AGENT, "acme", "");
    assertEquals(
        ack.json().getString("acknowledgedAt"),
        again.json().getString("acknowledgedAt"),
        "the first record stays");
    assertEquals(
        403,
        Portal.post("/api/v1/procedures/" + id + "/acknowledgements", STAKEHOLDER, "acme", "")
            .status());

    JsonObject after =
        Portal.get("/api/v1/procedures/" + id + "/acknowledgements", LEAD, "acme").json();
    assertEquals(
        List.of(AGENT),
        after.getJsonArray("acknowledged").stream()
            .map(a -> a.asJsonObject().getString("username"))
            .toList());
    assertEquals(
        after.getJsonArray("acknowledged").getJsonObject(0).getString("displayName"),
        ack.json().getString("displayName"),
        "the answer names the person as the list does, not by their username");
    assertEquals(1, after.getJsonArray("acknowledged").getJsonObject(0).getInt("number"));
    assertFalse(
        after.getJsonArray("pending").stream()
            .anyMatch(p -> p.asJsonObject().getString("username").equals(AGENT)));
    assertTrue(
        Portal.get("/api/v1/procedures/" + id, AGENT, "acme")
            .json()
            .getBoolean("acknowledgedByMe"));

    // a new effective version must be acknowledged again
    assertEquals(201, newDraft("acme", id).status());
    makeEffective("acme", id, LEAD, TODAY.plusDays(1));
    JsonObject renewed =
        Portal.get("/api/v1/procedures/" + id + "/acknowledgements", LEAD, "acme").json();
    assertEquals(2, renewed.getInt("number"));
    assertTrue(
        renewed.getJsonArray("pending").stream()
            .anyMatch(p -> p.asJsonObject().getString("username").equals(AGENT)));
  }

  @Test
  void reviewsComeDueRemindTheOwnerOnceAndEitherConfirmOrOpenADraft() throws SQLException {
    String title = unique("review");
    long id = id(create("acme", title, false, "Reviewed text"));
    makeEffective("acme", id, LEAD, TODAY);
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement()) {
      db.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', 'acme', true)");
      s.executeUpdate(
          "update procedure set next_review_on = date '"
              + TODAY.minusDays(1)
              + "' where id = "
              + id);
      db.commit();
    }
    JsonArray due =
        Portal.get("/api/v1/procedures/reviews", AGENT, "acme").json().getJsonArray("items");
    JsonObject mine =
        due.stream()
            .map(JsonValue::asJsonObject)
            .filter(p -> p.getJsonNumber("id").longValue() == id)
            .findFirst()
            .orElseThrow();
    assertEquals("OVERDUE", mine.getString("reviewState"));

    assertEquals(
        403, Portal.post("/api/v1/procedures/reviews/reminders", AGENT, "acme", "").status());
    Reply remind = Portal.post("/api/v1/procedures/reviews/reminders", LEAD, "acme", "");
    assertEquals(200, remind.status(), remind.body());
    Portal.post("/api/v1/procedures/reviews/reminders", LEAD, "acme", "");
    try (Connection db = Portal.asOwner();
        PreparedStatement q =
            db.prepareStatement(
                "select recipient, subject from mail_outbox where subject like ?")) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select set_config('app.tenant_id', 'acme', true)");
      }
      q.setString(1, "%" + title + "%");
      int count = 0;
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(2).startsWith("Review overdue")) {
            count++;
            assertEquals("ops.lead@bpo.example", rs.getString(1));
          }
        }
      }
      assertEquals(1, count, "one overdue reminder for one review date");
      db.rollback();
    }

    JsonObject detail = Portal.get("/api/v1/procedures/" + id, LEAD, "acme").json();
    long version = detail.getJsonObject("procedure").getJsonNumber("version").longValue();
    assertEquals(
        409,
        Portal.post(
                "/api/v1/procedures/" + id + "/reviews",
                LEAD,
                "acme",
                "{\"outcome\": \"CONFIRMED\", \"version\": " + (version - 1) + "}")
            .status());
    assertEquals(
        403,
        Portal.post(
                "/api/v1/procedures/" + id + "/reviews",
                STAKEHOLDER,
                "acme",
                "{\"outcome\": \"CONFIRMED\", \"version\": " + version + "}")
            .status());
    Reply confirmed =
        Portal.post(
            "/api/v1/procedures/" + id + "/reviews",
            LEAD,
            "acme",
            "{\"outcome\": \"CONFIRMED\", \"comment\": \"Still right\", \"version\": "
                + version
                + "}");
    assertEquals(200, confirmed.status(), confirmed.body());
    JsonObject review = confirmed.json().getJsonArray("reviews").getJsonObject(0);
    assertEquals("CONFIRMED", review.getString("outcome"));
    assertEquals(LEAD, review.getString("reviewedBy"));
    assertEquals("Still right", review.getString("comment"));
    assertEquals(TODAY.minusDays(1).toString(), review.getString("dueOn"));
    assertEquals(
        TODAY.plusMonths(6).toString(),
        confirmed.json().getJsonObject("procedure").getString("nextReviewOn"));

    long newVersion =
        confirmed.json().getJsonObject("procedure").getJsonNumber("version").longValue();
    Reply redraft =
        Portal.post(
            "/api/v1/procedures/" + id + "/reviews",
            LEAD,
            "acme",
            "{\"outcome\": \"NEW_DRAFT\", \"comment\": \"Bank changes its file format\", \"version\": "
                + newVersion
                + "}");
    assertEquals(200, redraft.status(), redraft.body());
    assertEquals(
        List.of("2:DRAFT", "1:EFFECTIVE"), statuses(redraft.json().getJsonArray("versions")));
  }

  // ---------------------------------------------------------------- search

  @Test
  void searchRanksTitleMatchesFirstQuotesSafelyAndStaysInTheTenant() {
    String word =
        "zorblax" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
    long inTitle =
        id(create("acme", unique("search-title") + " " + word, false, "Nothing to see here."));
    long inBody =
        id(
            create(
                "acme",
                unique("search-body"),
                false,
                "The " + word + " rule. <script>alert(1)</script> applies to every remittance."));
    Reply globex =
        Portal.post(
            "/api/v1/procedures",
            LEAD,
            "globex",
            Json.createObjectBuilder()
                .add("title", unique("search-globex") + " " + word)
                .add("processArea", "BILLING")
                .add("content", "Procédure " + word)
                .build()
                .toString());
    assertEquals(201, globex.status(), globex.body());
    long globexId = id(globex.json());

    Reply found =
        Portal.get(
            "/api/v1/procedures/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8),
            AGENT,
            "acme");
    assertEquals(200, found.status(), found.body());
    List<Long> ids =
        found.json().getJsonArray("items").stream()
            .map(h -> h.asJsonObject().getJsonNumber("id").longValue())
            .toList();
    assertEquals(List.of(inTitle, inBody), ids, "title match first, then body; never globex's");
    JsonObject bodyHit = found.json().getJsonArray("items").getJsonObject(1);
    String snippet = bodyHit.getString("snippetHtml");
    assertTrue(snippet.contains("<mark>" + word + "</mark>"), snippet);
    assertFalse(snippet.contains("<script"), snippet);
    assertTrue(
        bodyHit.getJsonNumber("rank").doubleValue()
            < found
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("rank")
                .doubleValue());

    List<Long> globexIds =
        Portal.get("/api/v1/procedures/search?q=" + word, LEAD, "globex")
            .json()
            .getJsonArray("items")
            .stream()
            .map(h -> h.asJsonObject().getJsonNumber("id").longValue())
            .toList();
    assertEquals(List.of(globexId), globexIds);
    assertEquals(400, Portal.get("/api/v1/procedures/search?q=", AGENT, "acme").status());
  }

  // ---------------------------------------------------------------- the library

  @Test
  void theLibraryPagesByAreaAndTitleWithAnOpaqueCursor() {
    List<String> made = new java.util.ArrayList<>();
    for (String name : List.of("lib-c", "lib-a", "lib-b")) {
      String title = unique(name);
      Reply reply =
          Portal.post(
              "/api/v1/procedures",
              LEAD,
              "acme",
              Json.createObjectBuilder()
                  .add("title", title)
                  .add("processArea", "REPORTING")
                  .add("content", "Library page")
                  .build()
                  .toString());
      assertEquals(201, reply.status(), reply.body());
      made.add(title);
    }
    List<String> seen = new java.util.ArrayList<>();
    String cursor = null;
    for (int page = 0; page < 100; page++) {
      Reply reply =
          Portal.get(
              "/api/v1/procedures?processArea=REPORTING&limit=1"
                  + (cursor == null ? "" : "&cursor=" + cursor),
              STAKEHOLDER,
              "acme");
      assertEquals(200, reply.status(), reply.body());
      JsonArray items = reply.json().getJsonArray("items");
      assertTrue(items.size() <= 1);
      items.forEach(
          i -> {
            assertEquals("REPORTING", i.asJsonObject().getString("processArea"));
            seen.add(i.asJsonObject().getString("title"));
          });
      if (reply.json().isNull("next")) {
        break;
      }
      cursor = reply.json().getString("next");
    }
    assertTrue(seen.containsAll(made), seen.toString());
    assertEquals(seen.stream().sorted().toList(), seen, "in title order");
    assertEquals(seen.size(), new java.util.HashSet<>(seen).size(), "no row twice");
    assertEquals(400, Portal.get("/api/v1/procedures?processArea=NOPE", AGENT, "acme").status());
    assertEquals(400, Portal.get("/api/v1/procedures?limit=0", AGENT, "acme").status());
    // a value the framework cannot convert to the declared Integer: 400 naming it, not JAX-RS's 404
    var notANumber = Portal.get("/api/v1/procedures?limit=abc", AGENT, "acme");
    assertEquals(400, notANumber.status(), notANumber.body());
    assertEquals(
        "limit", notANumber.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(404, Portal.get("/api/v1/procedures/abc", AGENT, "acme").status());
    assertEquals(400, Portal.get("/api/v1/procedures?cursor=%25%25", AGENT, "acme").status());
  }

  // ---------------------------------------------------------------- roles and tenancy

  @Test
  void rolesAndTenantsDecideWhoReachesWhat() {
    long id = id(create("acme", unique("roles"), true, "Roles"));
    long versionId = open("acme", id).getJsonNumber("id").longValue();
    String path = "/api/v1/procedures/" + id;

    assertEquals(401, Portal.get("/api/v1/procedures", null, "acme").status());
    assertEquals(401, Portal.get(path, null, "acme").status());
    for (String p :
        List.of(
            "/api/v1/procedures",
            path,
            path + "/versions",
            "/api/v1/procedures/search?q=cash",
            "/api/v1/procedures/reviews",
            path + "/acknowledgements")) {
      assertEquals(403, Portal.get(p, CUSTOMER, "acme").status(), p);
    }
    assertEquals(200, Portal.get(path, AGENT, "acme").status());
    assertEquals(200, Portal.get(path, STAKEHOLDER, "acme").status());
    String newOne =
        Json.createObjectBuilder()
            .add("title", unique("refused"))
            .add("processArea", "BILLING")
            .build()
            .toString();
    assertEquals(403, Portal.post("/api/v1/procedures", AGENT, "acme", newOne).status());
    assertEquals(403, Portal.post("/api/v1/procedures", STAKEHOLDER, "acme", newOne).status());
    assertEquals(403, Portal.post("/api/v1/procedures", CUSTOMER, "acme", newOne).status());
    assertEquals(403, newDraftAs(AGENT, id).status());

    assertEquals(404, Portal.get("/api/v1/procedures/987654321", AGENT, "acme").status());
    assertEquals(404, Portal.get(path + "/versions/987654321", AGENT, "acme").status());
    // the same id from another tenant is unknown, and a tenant one does not belong to is refused
    assertEquals(404, Portal.get(path, LEAD, "globex").status());
    assertEquals(404, Portal.get(path + "/versions/" + versionId, LEAD, "globex").status());
    assertEquals(404, step(LEAD, "globex", id, open("acme", id), "SUBMIT", null, null).status());
    assertEquals(403, Portal.get(path, "cfo.globex", "acme").status());
    assertEquals(404, Portal.get(path, "cfo.globex", "globex").status());

    // the procedure's facts change with the version last seen; a stale one is 409
    JsonObject detail = Portal.get(path, LEAD, "acme").json().getJsonObject("procedure");
    String change =
        Json.createObjectBuilder()
            .add("title", detail.getString("title") + " (renamed)")
            .add("processArea", "COLLECTIONS")
            .add("owner", LEAD)
            .add("reviewIntervalMonths", 3)
            .add("clientApprovalRequired", true)
            .add("version", detail.getJsonNumber("version").longValue())
            .build()
            .toString();
    Reply changed = put(path, LEAD, "acme", change);
    assertEquals(200, changed.status(), changed.body());
    assertEquals("COLLECTIONS", changed.json().getJsonObject("procedure").getString("processArea"));
    assertEquals(409, put(path, LEAD, "acme", change).status());
    assertEquals(403, put(path, STAKEHOLDER, "acme", change).status());
    Reply badOwner =
        put(
            path,
            LEAD,
            "acme",
            change
                .replace("\"owner\":\"ops.lead\"", "\"owner\":\"agent.acme\"")
                .replaceAll(
                    "\"version\":\\d+",
                    "\"version\":"
                        + changed
                            .json()
                            .getJsonObject("procedure")
                            .getJsonNumber("version")
                            .longValue()));
    assertEquals(400, badOwner.status(), badOwner.body());
    assertNotEquals(-1, badOwner.body().indexOf("owner"));
  }

  private static Reply newDraftAs(String user, long id) {
    return Portal.post("/api/v1/procedures/" + id + "/versions", user, "acme", "{}");
  }
}
