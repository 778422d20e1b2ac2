package com.bpo.portal.it.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The invoice list (filters, sorts, keyset pages), invoice detail, and receivables figures checked
 * against a hand-computed fixture: a customer of acme with ten invoices due around 2026-01-31.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InvoiceApiIT {
  static final String FIXTURE = "FIX-AGING";
  static final LocalDate AS_OF = LocalDate.parse("2026-01-31");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  /** due date, total, paid: issued 30 days before due, no tax. */
  record FixtureInvoice(String due, String total, String paid) {}

  static final List<FixtureInvoice> INVOICES =
      List.of(
          new FixtureInvoice(
              "2026-02-05", "100.00", "0"), // current (issued 2026-01-06, in the 90-day window)
          new FixtureInvoice("2026-01-31", "50.00", "0"), // current: due on the as-of date itself
          new FixtureInvoice("2026-01-30", "200.00", "0"), // 1 day past due
          new FixtureInvoice("2026-01-01", "25.00", "0"), // 30 days
          new FixtureInvoice("2025-12-31", "300.00", "0"), // 31 days
          new FixtureInvoice(
              "2025-12-02", "10.00", "0"), // 60 days (issued 2025-11-02: just outside the window)
          new FixtureInvoice("2025-11-02", "400.00", "0"), // 90 days
          new FixtureInvoice("2025-11-01", "500.00", "0"), // 91 days
          new FixtureInvoice(
              "2026-01-15", "999.00", "999.00"), // paid: no receivable, but a sale in the window
          new FixtureInvoice("2025-10-01", "1000.00", "400.00")); // 122 days, 600.00 still open

  @BeforeAll
  static void createFixture() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      deleteFixture(db);
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "insert into customer_account (tenant_id, number, name, country, currency) "
                + "values ('acme', '"
                + FIXTURE
                + "', 'Aging fixture (test data)', 'US', 'USD')");
      }
      try (PreparedStatement insert =
          db.prepareStatement(
              """
          insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date, currency,
                               net_amount, tax_amount, total_amount, paid_amount)
          select 'acme', ?, id, ?::date - 30, ?::date, 'USD', ?, 0, ?, ? from customer_account where number = ?""")) {
        for (int i = 0; i < INVOICES.size(); i++) {
          FixtureInvoice f = INVOICES.get(i);
          insert.setString(1, FIXTURE + "-" + i);
          insert.setObject(2, LocalDate.parse(f.due()));
          insert.setObject(3, LocalDate.parse(f.due()));
          insert.setBigDecimal(4, new BigDecimal(f.total()));
          insert.setBigDecimal(5, new BigDecimal(f.total()));
          insert.setBigDecimal(6, new BigDecimal(f.paid()));
          insert.setString(7, FIXTURE);
          insert.executeUpdate();
        }
      }
      db.commit();
    }
  }

  @AfterAll
  static void removeFixture() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      deleteFixture(db);
      db.commit();
    }
  }

  private static void bind(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("select set_config('app.tenant_id', 'acme', true)");
    }
  }

  private static void deleteFixture(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.executeUpdate("delete from invoice where number like '" + FIXTURE + "-%'");
      s.executeUpdate("delete from customer_account where number = '" + FIXTURE + "'");
    }
  }

  private static long fixtureCustomerId() {
    return Portal.get("/api/v1/customers?q=" + FIXTURE, "agent.acme", "acme")
        .json()
        .getJsonArray("items")
        .getJsonObject(0)
        .getJsonNumber("id")
        .longValue();
  }

  // ------------------------------------------------------------------ receivables, hand-computed

  @Test
  void agingPutsEachOpenAmountInItsBucketOnTheBoundaries() {
    JsonObject aging =
        Portal.get(
                "/api/v1/receivables/aging?asOf=" + AS_OF + "&customer=" + fixtureCustomerId(),
                "agent.acme",
                "acme")
            .json();
    JsonObject row = aging.getJsonArray("customers").getJsonObject(0);
    assertEquals(FIXTURE, row.getString("customerNumber"));
    assertEquals(
        "150.00", amount(row, "current")); // 100 + 50 (due on the as-of date is not overdue)
    assertEquals("225.00", amount(row, "days1To30")); // 200 (1 day) + 25 (30 days)
    assertEquals("310.00", amount(row, "days31To60")); // 300 (31) + 10 (60)
    assertEquals("400.00", amount(row, "days61To90")); // 400 (90)
    assertEquals("1100.00", amount(row, "over90")); // 500 (91) + 600 left of 1000 (122)
    assertEquals("2185.00", amount(row, "total")); // the paid 999 owes nothing
    assertEquals("USD", row.getJsonObject("total").getString("currency"));
  }

  @Test
  void dsoIsReceivablesOverSalesInTheWindowTimesItsDays() {
    JsonObject figure =
        Portal.get(
                "/api/v1/receivables/dso?asOf="
                    + AS_OF
                    + "&days=90&customer="
                    + fixtureCustomerId(),
                "agent.acme",
                "acme")
            .json()
            .getJsonArray("figures")
            .getJsonObject(0);
    assertEquals("2185.00", amount(figure, "receivables"));
    // issued after 2025-11-02 up to 2026-01-31: 100 + 50 + 200 + 25 + 300 + 999
    assertEquals("1674.00", amount(figure, "sales"));
    assertEquals("2035.00", amount(figure, "overdue")); // all open but the two not yet past due
    assertEquals(
        new BigDecimal("117.5"), figure.getJsonNumber("dso").bigDecimalValue()); // 2185 × 90 / 1674
  }

  @Test
  void aStatementOpensWithWhatWasOwedAndRunsTheBalanceThroughThePeriod() {
    JsonObject statement =
        Portal.get(
                "/api/v1/customers/"
                    + fixtureCustomerId()
                    + "/statement?from=2025-12-01&to=2026-01-31",
                "agent.acme",
                "acme")
            .json();
    // issued before 2025-12-01: 400 (10-03) + 500 (10-02) + 10 (11-02) + 1000 (09-01); the fixture
    // has no payment rows
    assertEquals("1910.00", amount(statement, "opening"));
    List<JsonObject> entries = statement.getJsonArray("entries").getValuesAs(JsonObject.class);
    assertEquals(6, entries.size());
    assertEquals("2025-12-01", entries.get(0).getString("date")); // the 300.00 due 2025-12-31
    assertEquals("2210.00", amount(entries.get(0), "balance"));
    assertEquals("3584.00", amount(statement, "closing")); // + 300 + 25 + 999 + 200 + 50 + 100
    assertEquals("3584.00", amount(entries.get(5), "balance"));
  }

  @Test
  void aCustomerGetsOnlyTheirOwnStatement() {
    assertEquals(
        404,
        Portal.get(
                "/api/v1/customers/" + customerId("A-1002") + "/statement", "customer.acme", null)
            .status());
    assertEquals(
        200,
        Portal.get(
                "/api/v1/customers/" + customerId("A-1001") + "/statement", "customer.acme", null)
            .status());
  }

  @Test
  void receivablesFiguresAreNotForCustomers() {
    assertEquals(403, Portal.get("/api/v1/receivables/aging", "customer.acme", null).status());
  }

  // ------------------------------------------------------------------ the list

  @Test
  void keysetPagesAcrossEqualDueDatesNeitherRepeatNorSkip() {
    String filter = "/api/v1/invoices?customer=" + customerId("A-1001") + "&sort=dueDate";
    List<JsonObject> all = pages(filter + "&limit=500");
    List<JsonObject> bySeven = pages(filter + "&limit=7");
    assertTrue(all.size() > 20, "enough invoices to page: " + all.size());
    assertTrue(
        all.stream().map(i -> i.getString("dueDate")).distinct().count() < all.size(),
        "the fixture has equal due dates, which is the hard case");
    assertEquals(ids(all), ids(bySeven));
    assertEquals(all.size(), new HashSet<>(ids(bySeven)).size());
    Comparator<JsonObject> order =
        Comparator.<JsonObject, String>comparing(i -> i.getString("dueDate"))
            .thenComparingLong(i -> i.getJsonNumber("id").longValue());
    assertEquals(all.stream().sorted(order).toList(), all);
  }

  @Test
  void descendingTotalPagesInOrder() {
    List<JsonObject> desc =
        pages("/api/v1/invoices?customer=" + customerId("A-1002") + "&sort=-total&limit=9");
    List<BigDecimal> totals =
        desc.stream()
            .map(i -> new BigDecimal(i.getJsonObject("total").getString("amount")))
            .toList();
    assertEquals(totals.stream().sorted(Comparator.reverseOrder()).toList(), totals);
  }

  @Test
  void filtersNarrowByStatusOverdueDueDatesAmountsAndText() {
    LocalDate today = LocalDate.now(java.time.ZoneId.of("America/New_York"));
    List<JsonObject> overdueOpen = pages("/api/v1/invoices?status=OPEN&overdue=true&limit=200");
    assertFalse(overdueOpen.isEmpty());
    assertTrue(
        overdueOpen.stream()
            .allMatch(
                i ->
                    i.getString("status").equals("OPEN")
                        && LocalDate.parse(i.getString("dueDate")).isBefore(today)));

    LocalDate from = today.minusDays(60);
    LocalDate to = today.minusDays(30);
    List<JsonObject> window =
        pages(
            "/api/v1/invoices?dueFrom=" + from + "&dueTo=" + to + "&minAmount=2000&maxAmount=8000");
    assertFalse(window.isEmpty(), "the demo data has invoices due a month or two ago");
    assertTrue(
        window.stream()
            .map(i -> LocalDate.parse(i.getString("dueDate")))
            .allMatch(d -> !d.isBefore(from) && !d.isAfter(to)));
    assertTrue(
        window.stream()
            .map(i -> new BigDecimal(i.getJsonObject("total").getString("amount")))
            .allMatch(
                t ->
                    t.compareTo(new BigDecimal("2000")) >= 0
                        && t.compareTo(new BigDecimal("8000")) <= 0));

    List<JsonObject> byNumber = pages("/api/v1/invoices?q=INV-0000001");
    assertFalse(byNumber.isEmpty());
    assertTrue(byNumber.stream().allMatch(i -> i.getString("number").startsWith("INV-0000001")));
  }

  @Test
  void badParametersAreAllReportedAsProblemJson() {
    Reply reply =
        Portal.get(
            "/api/v1/invoices?status=NOPE&dueFrom=yesterday&sort=colour", "agent.acme", "acme");
    assertEquals(400, reply.status());
    Portal.assertProblem(reply, "validation");
    assertEquals(
        List.of("status", "dueFrom"),
        reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .toList());
  }

  @Test
  void theCsvExportHoldsExactlyTheFilteredInvoices() {
    String filter =
        "/api/v1/invoices?customer=" + customerId("A-1003") + "&status=OPEN,PARTIALLY_PAID";
    List<String> numbers =
        pages(filter + "&limit=500").stream().map(i -> i.getString("number")).toList();
    Reply csv =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + filter))
                .header("Authorization", "Bearer " + Portal.token("agent.acme"))
                .header("X-Tenant", "acme")
                .header("Accept", "text/csv"));
    assertEquals(200, csv.status(), csv.body());
    assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
    List<String> lines = csv.body().lines().toList();
    assertEquals(
        "invoice_number,customer_number,customer_name,issue_date,due_date,currency,total,open,status",
        lines.get(0));
    assertEquals(numbers, lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList());
    assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",A-1003,")));
    assertTrue(
        Portal.get(filter, "agent.acme", "acme").contentType().startsWith("application/json"),
        "without Accept: text/csv the list stays JSON");

    HttpResponse<byte[]> xlsx =
        Portal.bytes(
            HttpRequest.newBuilder(URI.create(Portal.URL + filter))
                .header("Authorization", "Bearer " + Portal.token("agent.acme"))
                .header("X-Tenant", "acme")
                .header(
                    "Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    assertEquals(200, xlsx.statusCode());
    assertEquals('P', (char) xlsx.body()[0]); // a zip container, as every .xlsx is
    assertEquals('K', (char) xlsx.body()[1]);
  }

  // ------------------------------------------------------------------ detail and who may see it

  @Test
  void anInvoiceDetailAddsUpAndShowsItsPayments() {
    JsonObject paid =
        pages("/api/v1/invoices?status=PAID&q=INV-&limit=1").get(0); // generated, with lines
    JsonObject detail =
        Portal.get("/api/v1/invoices/" + paid.getJsonNumber("id"), "agent.acme", "acme").json();
    BigDecimal lines =
        detail.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
            .map(
                l ->
                    new BigDecimal(l.getJsonObject("net").getString("amount"))
                        .add(new BigDecimal(l.getJsonObject("tax").getString("amount"))))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal total =
        new BigDecimal(detail.getJsonObject("invoice").getJsonObject("total").getString("amount"));
    assertEquals(0, total.compareTo(lines), "lines add up to the total");
    BigDecimal applied =
        detail.getJsonArray("payments").getValuesAs(JsonObject.class).stream()
            .map(p -> new BigDecimal(p.getJsonObject("applied").getString("amount")))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, total.compareTo(applied), "a paid invoice's payments cover it");
    assertEquals("0.00", detail.getJsonObject("invoice").getJsonObject("open").getString("amount"));
  }

  @Test
  void aCustomerListsOnlyTheirInvoicesAndGets404ForAnyOther() {
    List<JsonObject> own = pagesAs("customer.acme", null, "/api/v1/invoices?limit=100");
    assertFalse(own.isEmpty());
    assertTrue(own.stream().allMatch(i -> i.getString("customerNumber").equals("A-1001")));

    long neighbours =
        pages("/api/v1/invoices?customer=" + customerId("A-1002") + "&limit=1")
            .get(0)
            .getJsonNumber("id")
            .longValue();
    assertEquals(404, Portal.get("/api/v1/invoices/" + neighbours, "customer.acme", null).status());
    long otherTenants =
        pagesAs("cfo.globex", null, "/api/v1/invoices?limit=1")
            .get(0)
            .getJsonNumber("id")
            .longValue();
    assertEquals(
        404, Portal.get("/api/v1/invoices/" + otherTenants, "customer.acme", null).status());
    assertEquals(
        404, Portal.get("/api/v1/invoices/" + otherTenants, "agent.acme", "acme").status());
    assertEquals(
        200,
        Portal.get("/api/v1/invoices/" + own.get(0).getJsonNumber("id"), "customer.acme", null)
            .status());
  }

  @Test
  void aCustomerDownloadsTheirInvoiceAsPdfAndNobodyElses() {
    long own =
        pagesAs("customer.acme", null, "/api/v1/invoices?limit=1")
            .get(0)
            .getJsonNumber("id")
            .longValue();
    Reply pdf = Portal.get("/api/v1/invoices/" + own + "/pdf", "customer.acme", null);
    assertEquals(200, pdf.status());
    assertTrue(pdf.contentType().startsWith("application/pdf"), pdf.contentType());
    assertTrue(pdf.body().startsWith("%PDF-"), "a PDF document");
    long neighbours =
        pages("/api/v1/invoices?customer=" + customerId("A-1002") + "&limit=1")
            .get(0)
            .getJsonNumber("id")
            .longValue();
    assertEquals(
        404, Portal.get("/api/v1/invoices/" + neighbours + "/pdf", "customer.acme", null).status());
    assertEquals(401, Portal.get("/api/v1/invoices/" + own + "/pdf", null, null).status());
  }

  // ------------------------------------------------------------------ helpers

  private static List<JsonObject> pages(String path) {
    return pagesAs("agent.acme", "acme", path);
  }

  private static List<JsonObject> pagesAs(String user, String tenant, String path) {
    List<JsonObject> items = new ArrayList<>();
    String cursor = null;
    do {
      Reply reply = Portal.get(path + (cursor == null ? "" : "&cursor=" + cursor), user, tenant);
      assertEquals(200, reply.status(), reply.body());
      JsonObject page = reply.json();
      items.addAll(page.getJsonArray("items").getValuesAs(JsonObject.class));
      cursor = page.isNull("next") ? null : page.getString("next");
    } while (cursor != null && items.size() < 5000);
    return items;
  }

  private static List<Long> ids(List<JsonObject> invoices) {
    return invoices.stream().map(i -> i.getJsonNumber("id").longValue()).toList();
  }

  private static long customerId(String number) {
    return Portal.get("/api/v1/customers?q=" + number, "agent.acme", "acme")
        .json()
        .getJsonArray("items")
        .getJsonObject(0)
        .getJsonNumber("id")
        .longValue();
  }

  private static String amount(JsonObject o, String field) {
    return o.getJsonObject(field).getString("amount");
  }
}
