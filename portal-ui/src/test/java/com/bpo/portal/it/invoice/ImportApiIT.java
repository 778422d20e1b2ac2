package com.bpo.portal.it.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Invoice CSV import: all or nothing, every bad row reported, the same file twice changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportApiIT {
  static final String HEADER =
      "invoice_number,customer_number,issue_date,due_date,currency,line_no,description,"
          + "quantity,unit_price,tax_rate,invoice_total\n";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeEach
  @AfterEach
  void removeImportedInvoices() throws SQLException {
    deleteTestInvoices();
  }

  /** Removes what the import tests create in acme (numbers IMP-… and TST-…). */
  static void deleteTestInvoices() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select set_config('app.tenant_id', 'acme', true)");
        s.executeUpdate("delete from invoice where number like 'IMP-%' or number like 'TST-%'");
      }
      db.commit();
    }
  }

  @Test
  void theSampleFileImportsAndImportingItAgainChangesNothing() throws IOException {
    String sample =
        Files.readString(
            Path.of(System.getProperty("portal.samples", "../samples"), "invoices.csv"));
    Reply first = upload(sample, "agent.acme", "acme");
    assertEquals(201, first.status(), first.body());
    assertEquals("APPLIED", first.json().getString("outcome"));
    assertEquals(3, first.json().getInt("created"));

    Reply again = upload(sample, "agent.acme", "acme");
    assertEquals(201, again.status(), again.body());
    assertEquals(0, again.json().getInt("created"));
    assertEquals(3, again.json().getInt("unchanged"));

    JsonObject imported = invoice("IMP-1001");
    assertEquals("660.00", imported.getJsonObject("total").getString("amount"));
    JsonObject detail =
        Portal.get("/api/v1/invoices/" + imported.getJsonNumber("id"), "agent.acme", "acme").json();
    assertEquals(2, detail.getJsonArray("lines").size());
    assertEquals(
        "110.00", detail.getJsonObject("tax").getString("amount")); // 20% of (2 × 150 + 250)
  }

  @Test
  void oneBadRowRejectsTheWholeFileAndEveryErrorIsReportedByRow() {
    String csv =
        HEADER
            + "TST-1,A-1001,2026-11-01,2026-12-01,USD,1,Good invoice,1,100.00,0.20,120.00\n" // row
            // 1:
            // fine
            + "TST-2,A-1001,2026-13-01,2026-12-01,USD,1,Bad date,1,100.00,0.20,120.00\n" // row 2:
            // issue_date
            + "TST-3,A-1001,2026-11-01,2026-12-01,USD,1,Bad amount,1,12.3.4,0.20,120.00\n" // row 3:
            // unit_price
            + "TST-4,A-1001,2026-11-01,2026-12-01,XXY,1,Bad currency,1,100.00,0.20,120.00\n" // row
            // 4:
            // currency
            + "TST-5,Z-9999,2026-11-01,2026-12-01,USD,1,Unknown customer,1,100.00,0.20,120.00\n" // row 5: customer_number
            + "TST-6,A-1001,2026-11-01,2026-12-01,USD,1,Wrong total,1,100.00,0.20,999.00\n" // row
            // 6:
            // invoice_total
            + "TST-7,A-1001,2026-11-01,2026-10-01,USD,1,Due before issue,1,100.00,0.20,120.00\n" // row 7: due_date
            + "TST-1,A-1001,2026-11-01,2026-12-01,USD,2,Duplicate number,1,100.00,0.20,120.00\n" // row 8: invoice_number
            + "TST-8,A-1001,2026-11-01,2026-12-01,EUR,1,Currency not the customer's,1,1.00,0,1.00\n"; // row 9: currency
    Reply reply = upload(csv, "agent.acme", "acme");
    assertEquals(422, reply.status(), reply.body());
    Portal.assertProblem(reply, "import-rejected");
    Set<String> errors =
        reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getInt("row") + ":" + e.getString("field"))
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "2:issue_date",
            "3:unit_price",
            "4:currency",
            "5:customer_number",
            "6:invoice_total",
            "7:due_date",
            "8:invoice_number",
            "9:currency"),
        errors);
    assertEquals(
        0,
        Portal.get("/api/v1/invoices?q=TST-", "agent.acme", "acme")
            .json()
            .getJsonArray("items")
            .size(),
        "not even the good invoice of row 1 was kept");

    String location =
        "/api/v1/imports/"
            + reply.json().getString("detail").replaceAll(".*/imports/(\\d+)/errors", "$1");
    Reply report = Portal.get(location + "/errors", "agent.acme", "acme");
    assertEquals(200, report.status());
    assertTrue(report.contentType().startsWith("text/csv"), report.contentType());
    List<String> lines = report.body().lines().toList();
    assertEquals("row,field,message", lines.get(0));
    assertEquals(9, lines.size(), report.body());
    assertTrue(lines.get(1).startsWith("2,issue_date,"), lines.get(1));
  }

  @Test
  void anInvoiceAlreadyThereWithOtherContentIsUpdatedNotDuplicated() {
    assertEquals(
        201,
        upload(
                HEADER + "TST-10,A-1001,2026-11-01,2026-12-01,USD,1,Original,1,100.00,0,100.00\n",
                "agent.acme",
                "acme")
            .status());
    Reply changed =
        upload(
            HEADER + "TST-10,A-1001,2026-11-01,2026-12-01,USD,1,Changed,1,200.00,0,200.00\n",
            "agent.acme",
            "acme");
    assertEquals(201, changed.status(), changed.body());
    assertEquals(1, changed.json().getInt("updated"));
    assertEquals("200.00", invoice("TST-10").getJsonObject("total").getString("amount"));
  }

  @Test
  void aFileWithoutTheExpectedColumnsIsRejectedWithAHeaderError() {
    Reply reply = upload("number,amount\nX,1\n", "agent.acme", "acme");
    assertEquals(422, reply.status());
    assertEquals("header", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void onlyTheBpoImportsAndAnotherTenantsReportIsNotFound() {
    assertEquals(401, upload(HEADER, null, null).status());
    assertEquals(403, upload(HEADER, "cfo.acme", null).status());
    assertEquals(403, upload(HEADER, "customer.acme", null).status());
    Reply acme = upload("number\n", "agent.acme", "acme");
    String id = acme.json().getString("detail").replaceAll(".*/imports/(\\d+)/errors", "$1");
    assertEquals(200, Portal.get("/api/v1/imports/" + id, "agent.acme", "acme").status());
    assertEquals(404, Portal.get("/api/v1/imports/" + id, "ops.lead", "globex").status());
  }

  // ------------------------------------------------------------------ what the reading refuses

  @Test
  void hostileNumbersNulBytesAndOverlongValuesAreRejectedQuicklyRowByRow() {
    String csv =
        HEADER
            + "TST-20,A-1001,2026-11-01,2026-12-01,USD,1,Exponent,1E+1000000,1.00,0,1.00\n" // row
            // 1:
            // quantity
            + "TST-21,A-1001,2026-11-01,2026-12-01,USD,1,Twenty digits,1,12345678901234567890,0,1.00\n" // row 2: unit_price
            + "TST-22,A-1001,2026-11-01,2026-12-01,USD,1,Small exponent,1,1.00,0,1E+20\n" // row 3:
            // invoice_total
            + "TST-23,A-1001,2026-11-01,2026-12-01,USD,1,Nul \u0000 byte,1,1.00,0,1.00\n" // row 4:
            // description
            + "TST-24,A-1001,"
            + "9".repeat(1_000_000)
            + ",2026-12-01,USD,1,Huge date,1,1.00,0,1.00\n"; // row 5: issue_date
    long start = System.nanoTime();
    Reply reply = upload(csv, "agent.acme", "acme");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(
        422, reply.status(), reply.body().substring(0, Math.min(2000, reply.body().length())));
    assertTrue(millis < 5000, "answered in " + millis + " ms");
    Portal.assertProblem(reply, "import-rejected");
    Set<String> errors =
        reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getInt("row") + ":" + e.getString("field"))
            .collect(Collectors.toSet());
    assertEquals(
        Set.of("1:quantity", "2:unit_price", "3:invoice_total", "4:description", "5:issue_date"),
        errors);
    assertTrue(
        reply.body().length() < 5000,
        "a bad value is quoted in part only: " + reply.body().length());
    assertTrue(reply.body().contains("exponent"), reply.body());
  }

  @Test
  void aHeaderNamingAColumnTwiceIsRejectedAndNothingIsCreated() {
    String header = HEADER.replace("\n", ",invoice_number\n");
    Reply reply =
        upload(
            header + "TST-30,A-1001,2026-11-01,2026-12-01,USD,1,Twice,1,1.00,0,1.00,x\n",
            "agent.acme",
            "acme");
    assertEquals(422, reply.status(), reply.body());
    JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
    assertEquals("header", error.getString("field"));
    assertTrue(error.getString("message").contains("invoice_number"), error.toString());
    assertEquals(
        0,
        Portal.get("/api/v1/invoices?q=TST-30", "agent.acme", "acme")
            .json()
            .getJsonArray("items")
            .size());
    assertEquals(
        0,
        Portal.get("/api/v1/invoices?q=x", "agent.acme", "acme")
            .json()
            .getJsonArray("items")
            .stream()
            .filter(i -> i.asJsonObject().getString("number").equals("x"))
            .count(),
        "the last column did not win");
  }

  @Test
  void aUtf8FileWithAByteOrderMarkImportsAndALatin1FileIsRefused() {
    String row = "TST-40,A-1001,2026-11-01,2026-12-01,USD,1,Caf\u00e9 cr\u00e8me,1,1.00,0,1.00\n";
    Reply withBom = upload(("\ufeff" + HEADER + row).getBytes(StandardCharsets.UTF_8));
    assertEquals(201, withBom.status(), withBom.body());
    String invoiceId = invoice("TST-40").getJsonNumber("id").toString();
    String lines = Portal.get("/api/v1/invoices/" + invoiceId, "agent.acme", "acme").body();
    assertTrue(lines.contains("Caf\u00e9 cr\u00e8me"), lines);

    Reply latin1 =
        upload((HEADER + row.replace("TST-40", "TST-41")).getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(422, latin1.status(), latin1.body());
    JsonObject error = latin1.json().getJsonArray("errors").getJsonObject(0);
    assertEquals("file", error.getString("field"));
    assertTrue(error.getString("message").contains("UTF-8"), error.toString());
  }

  private static Reply upload(byte[] csv) {
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/imports?kind=invoices"))
            .header("Content-Type", "text/csv")
            .header("X-File-Name", "test.csv")
            .header("Authorization", "Bearer " + Portal.token("agent.acme"))
            .header("X-Tenant", "acme")
            .POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
  }

  static Reply upload(String csv, String user, String tenant) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/imports?kind=invoices"))
            .header("Content-Type", "text/csv")
            .header("X-File-Name", "test.csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv));
    if (user != null) {
      request.header("Authorization", "Bearer " + Portal.token(user));
    }
    if (tenant != null) {
      request.header("X-Tenant", tenant);
    }
    return Portal.send(request);
  }

  private static JsonObject invoice(String number) {
    return Portal.get("/api/v1/invoices?q=" + number, "agent.acme", "acme")
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(i -> i.getString("number").equals(number))
        .findFirst()
        .orElseThrow();
  }
}
