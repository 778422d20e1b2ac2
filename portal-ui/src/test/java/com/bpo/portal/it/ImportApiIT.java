package com.bpo.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal.Reply;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
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

/** Invoice CSV import: all or nothing, every bad row reported, the same file twice changes nothing. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportApiIT {
  static final String HEADER = "invoice_number,customer_number,issue_date,due_date,currency,line_no,description,"
      + "quantity,unit_price,tax_rate,invoice_total\n";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeEach
  @AfterEach
  void removeImportedInvoices() throws SQLException {
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
    String sample = Files.readString(Path.of(System.getProperty("portal.samples", "../samples"), "invoices.csv"));
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
    JsonObject detail = Portal.get("/api/v1/invoices/" + imported.getJsonNumber("id"), "agent.acme", "acme").json();
    assertEquals(2, detail.getJsonArray("lines").size());
    assertEquals("110.00", detail.getJsonObject("tax").getString("amount")); // 20% of (2 × 150 + 250)
  }

  @Test
  void oneBadRowRejectsTheWholeFileAndEveryErrorIsReportedByRow() {
    String csv = HEADER
        + "TST-1,A-1001,2026-11-01,2026-12-01,USD,1,Good invoice,1,100.00,0.20,120.00\n"       // row 1: fine
        + "TST-2,A-1001,2026-13-01,2026-12-01,USD,1,Bad date,1,100.00,0.20,120.00\n"           // row 2: issue_date
        + "TST-3,A-1001,2026-11-01,2026-12-01,USD,1,Bad amount,1,12.3.4,0.20,120.00\n"          // row 3: unit_price
        + "TST-4,A-1001,2026-11-01,2026-12-01,XXY,1,Bad currency,1,100.00,0.20,120.00\n"        // row 4: currency
        + "TST-5,Z-9999,2026-11-01,2026-12-01,USD,1,Unknown customer,1,100.00,0.20,120.00\n"    // row 5: customer_number
        + "TST-6,A-1001,2026-11-01,2026-12-01,USD,1,Wrong total,1,100.00,0.20,999.00\n"         // row 6: invoice_total
        + "TST-7,A-1001,2026-11-01,2026-10-01,USD,1,Due before issue,1,100.00,0.20,120.00\n"    // row 7: due_date
        + "TST-1,A-1001,2026-11-01,2026-12-01,USD,2,Duplicate number,1,100.00,0.20,120.00\n"    // row 8: invoice_number
        + "TST-8,A-1001,2026-11-01,2026-12-01,EUR,1,Currency not the customer's,1,1.00,0,1.00\n"; // row 9: currency
    Reply reply = upload(csv, "agent.acme", "acme");
    assertEquals(422, reply.status(), reply.body());
    IdentityApiIT.assertProblem(reply, "import-rejected");
    Set<String> errors = reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getInt("row") + ":" + e.getString("field")).collect(Collectors.toSet());
    assertEquals(Set.of("2:issue_date", "3:unit_price", "4:currency", "5:customer_number", "6:invoice_total",
        "7:due_date", "8:invoice_number", "9:currency"), errors);
    assertEquals(0, Portal.get("/api/v1/invoices?q=TST-", "agent.acme", "acme").json().getJsonArray("items").size(),
        "not even the good invoice of row 1 was kept");

    String location = "/api/v1/imports/" + reply.json().getString("detail").replaceAll(".*/imports/(\\d+)/errors", "$1");
    Reply report = Portal.get(location + "/errors", "agent.acme", "acme");
    assertEquals(200, report.status());
    assertTrue(report.contentType().startsWith("text/csv"), report.contentType());
    List<String> lines = report.body().lines().toList();
    assertEquals("row,field,message", lines.get(0));
    assertEquals(9, lines.size(), report.body());
    assertTrue(lines.get(1).startsWith("2,issue_date,"), lines.get(1));
  }

  @Test
  void anInvoiceAlreadyThereWithOtherContentIsAnErrorNotAnOverwrite() {
    assertEquals(201, upload(HEADER + "TST-10,A-1001,2026-11-01,2026-12-01,USD,1,Original,1,100.00,0,100.00\n",
        "agent.acme", "acme").status());
    Reply changed = upload(HEADER + "TST-10,A-1001,2026-11-01,2026-12-01,USD,1,Changed,1,200.00,0,200.00\n",
        "agent.acme", "acme");
    assertEquals(422, changed.status());
    assertEquals("100.00", invoice("TST-10").getJsonObject("total").getString("amount"));
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

  private static Reply upload(String csv, String user, String tenant) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/imports?kind=invoices"))
        .header("Content-Type", "text/csv").header("X-File-Name", "test.csv")
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
    return Portal.get("/api/v1/invoices?q=" + number, "agent.acme", "acme").json()
        .getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(i -> i.getString("number").equals(number)).findFirst().orElseThrow();
  }
}
