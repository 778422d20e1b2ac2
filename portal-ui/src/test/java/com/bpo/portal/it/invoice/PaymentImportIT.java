package com.bpo.portal.it.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
 * Imports of customer accounts and of payments (cash application): all or nothing, every bad row
 * reported, the same file twice changes nothing, and an invoice is paid down by exactly what is
 * applied to it. Fixture: two acme customers with four invoices and a globex invoice, all FIX-PAY-.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentImportIT {
  static final String CUSTOMERS =
      "customer_number,name,country,currency,payment_terms_days,credit_limit,collector\n";
  static final String PAYMENTS =
      "payment_reference,customer_number,received_on,currency,amount,invoice_number,"
          + "applied_amount\n";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  /** What the database holds about one invoice. */
  record InvoiceState(BigDecimal paid, BigDecimal open, String status, long version) {}

  @BeforeEach
  void createFixture() throws SQLException {
    removeFixture();
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "insert into customer_account (tenant_id, number, name, country, currency) values "
                + "('acme', 'FIX-PAY-C1', 'Payment fixture 1', 'US', 'USD'), "
                + "('acme', 'FIX-PAY-C2', 'Payment fixture 2', 'US', 'USD')");
      }
      invoice(db, "acme", "FIX-PAY-I1", "FIX-PAY-C1", "USD", "1000.00");
      invoice(db, "acme", "FIX-PAY-I2", "FIX-PAY-C1", "USD", "500.00");
      invoice(db, "acme", "FIX-PAY-I3", "FIX-PAY-C2", "USD", "300.00");
      invoice(db, "acme", "FIX-PAY-I4", "FIX-PAY-C1", "EUR", "100.00");
      db.commit();
      bind(db, "globex");
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "insert into customer_account (tenant_id, number, name, country, currency) values "
                + "('globex', 'FIX-PAY-G', 'Payment fixture of globex', 'DE', 'USD')");
      }
      invoice(db, "globex", "FIX-PAY-G1", "FIX-PAY-G", "USD", "100.00");
      db.commit();
    }
  }

  @AfterEach
  void removeFixture() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      for (String tenant : List.of("acme", "globex")) {
        bind(db, tenant);
        try (Statement s = db.createStatement()) {
          s.executeUpdate(
              "delete from payment_allocation where payment_id in "
                  + "(select id from payment where reference like 'FIX-PAY-%') or invoice_id in "
                  + "(select id from invoice where number like 'FIX-PAY-%')");
          s.executeUpdate("delete from payment where reference like 'FIX-PAY-%'");
          s.executeUpdate("delete from invoice where number like 'FIX-PAY-%'");
          s.executeUpdate("delete from customer_account where number like 'FIX-PAY-%'");
        }
        db.commit();
      }
    }
  }

  // ------------------------------------------------------------------ customer accounts

  @Test
  void aCleanCustomersFileIsImportedAndTheSameFileAgainChangesNothing() throws SQLException {
    String csv =
        CUSTOMERS
            + "FIX-PAY-N1,Fixture Un SARL,FR,EUR,30,1000.00,agent.acme\n"
            + "FIX-PAY-N2,\"Fixture Two, Inc.\",US,USD,0,0,\n";
    Reply first = upload("customers", csv, "agent.acme", "acme");
    assertEquals(201, first.status(), first.body());
    assertEquals("CUSTOMERS", first.json().getString("kind"));
    assertEquals(2, first.json().getInt("created"));
    assertEquals(
        List.of(
            "FIX-PAY-N1|Fixture Un SARL|FR|EUR|30|1000.00|agent.acme",
            "FIX-PAY-N2|Fixture Two, Inc.|US|USD|0|0.00|null"),
        importedCustomers());

    Reply again = upload("customers", csv, "agent.acme", "acme");
    assertEquals(201, again.status(), again.body());
    assertEquals(0, again.json().getInt("created"));
    assertEquals(2, again.json().getInt("unchanged"));
    assertEquals(2, importedCustomers().size());
  }

  @Test
  void aCustomerAlreadyThereWithOtherValuesIsUpdatedInWhatChanged() throws SQLException {
    assertEquals(
        201,
        upload(
                "customers",
                CUSTOMERS + "FIX-PAY-N1,Fixture,FR,EUR,30,1000.00,\n",
                "agent.acme",
                "acme")
            .status());
    Reply changed =
        upload(
            "customers",
            CUSTOMERS + "FIX-PAY-N1,Fixture,FR,EUR,30,2000.00,\n",
            "agent.acme",
            "acme");
    assertEquals(201, changed.status(), changed.body());
    assertEquals(1, changed.json().getInt("updated"));
    assertEquals(List.of("FIX-PAY-N1|Fixture|FR|EUR|30|2000.00|null"), importedCustomers());
  }

  @Test
  void aBadCustomersFileIsRejectedWholeAndItsReportListsEveryErrorByRow() throws SQLException {
    String csv =
        CUSTOMERS
            + "FIX-PAY-N3,Good account,FR,EUR,30,0,\n" // row 1: fine
            + "FIX-PAY-N4,,FR,EUR,30,0,\n" // row 2: name
            + "FIX-PAY-N5,Bad country,ZZ,EUR,30,0,\n" // row 3: country
            + "FIX-PAY-N6,Bad currency and terms,FR,EURO,400,0,\n" // row 4: currency,
            // payment_terms_days
            + "FIX-PAY-N7,Negative limit,FR,EUR,30,-5,\n" // row 5: credit_limit
            + "FIX-PAY-N3,Twice in the file,FR,EUR,30,0,\n" // row 6: customer_number
            // row 7: an account already there with invoices in USD cannot change its currency (the
            // file syncs other fields, so a changed name alone would be an update)
            + "FIX-PAY-C1,Other values,US,EUR,30,0,\n";
    Reply reply = upload("customers", csv, "agent.acme", "acme");
    assertEquals(422, reply.status(), reply.body());
    Portal.assertProblem(reply, "import-rejected");
    assertEquals(
        Set.of(
            "2:name",
            "3:country",
            "4:currency",
            "4:payment_terms_days",
            "5:credit_limit",
            "6:customer_number",
            "7:currency"),
        errorFields(reply));
    assertEquals(List.of(), importedCustomers(), "not even the good account of row 1 was kept");

    Reply report = Portal.get(reportPath(reply), "agent.acme", "acme");
    assertEquals(200, report.status());
    assertTrue(report.contentType().startsWith("text/csv"), report.contentType());
    List<String> lines = report.body().lines().toList();
    assertEquals("row,field,message", lines.get(0));
    assertEquals(8, lines.size(), report.body());
    assertTrue(lines.get(1).startsWith("2,name,"), lines.get(1));
    assertTrue(lines.get(7).startsWith("7,currency,"), lines.get(7));
  }

  // ------------------------------------------------------------------ payments

  @Test
  void paymentsLowerOpenAmountsByExactlyWhatTheyApplyAndTheSameFileAgainChangesNothing()
      throws SQLException {
    String csv =
        PAYMENTS
            + "FIX-PAY-P1,FIX-PAY-C1,2026-11-20,USD,1200.00,FIX-PAY-I1,1000.00\n"
            + "FIX-PAY-P1,FIX-PAY-C1,2026-11-20,USD,1200.00,FIX-PAY-I2,200.00\n"
            + "FIX-PAY-P2,FIX-PAY-C2,2026-11-21,USD,100,FIX-PAY-I3,100\n";
    Reply first = upload("payments", csv, "agent.acme", "acme");
    assertEquals(201, first.status(), first.body());
    assertEquals(2, first.json().getInt("created"));
    InvoiceState i1 = state("acme", "FIX-PAY-I1");
    InvoiceState i2 = state("acme", "FIX-PAY-I2");
    InvoiceState i3 = state("acme", "FIX-PAY-I3");
    assertEquals(
        new InvoiceState(new BigDecimal("1000.00"), new BigDecimal("0.00"), "PAID", 1), i1);
    assertEquals(
        new InvoiceState(new BigDecimal("200.00"), new BigDecimal("300.00"), "PARTIALLY_PAID", 1),
        i2);
    assertEquals(
        new InvoiceState(new BigDecimal("100.00"), new BigDecimal("200.00"), "PARTIALLY_PAID", 1),
        i3);
    assertEquals(
        List.of(
            "FIX-PAY-P1|FIX-PAY-I1|1000.00",
            "FIX-PAY-P1|FIX-PAY-I2|200.00",
            "FIX-PAY-P2|FIX-PAY-I3|100.00"),
        allocations());
    Reply run =
        Portal.get("/api/v1/imports/" + first.json().getJsonNumber("id"), "agent.acme", "acme");
    assertEquals("PAYMENTS", run.json().getString("kind"));

    Reply again = upload("payments", csv, "agent.acme", "acme");
    assertEquals(201, again.status(), again.body());
    assertEquals(0, again.json().getInt("created"));
    assertEquals(2, again.json().getInt("unchanged"));
    assertEquals(i1, state("acme", "FIX-PAY-I1"));
    assertEquals(i2, state("acme", "FIX-PAY-I2"));
    assertEquals(i3, state("acme", "FIX-PAY-I3"));
    assertEquals(3, allocations().size());

    Reply changed =
        upload(
            "payments",
            PAYMENTS
                + "FIX-PAY-P1,FIX-PAY-C1,2026-11-20,USD,1200.00,FIX-PAY-I1,1000.00\n"
                + "FIX-PAY-P1,FIX-PAY-C1,2026-11-20,USD,1200.00,FIX-PAY-I2,150.00\n",
            "agent.acme",
            "acme");
    assertEquals(422, changed.status(), changed.body());
    assertEquals(Set.of("1:payment_reference"), errorFields(changed));
    assertEquals(i2, state("acme", "FIX-PAY-I2"));
  }

  @Test
  void anAllocationBeyondTheOpenAmountIsRefusedCountingEarlierRowsOfTheFile() throws SQLException {
    InvoiceState i2 = state("acme", "FIX-PAY-I2");
    InvoiceState i3 = state("acme", "FIX-PAY-I3");
    Reply reply =
        upload(
            "payments",
            PAYMENTS
                + "FIX-PAY-P3,FIX-PAY-C2,2026-11-20,USD,200.00,FIX-PAY-I3,200.00\n" // row 1: fine,
                // 100.00 left
                // open
                + "FIX-PAY-P4,FIX-PAY-C2,2026-11-20,USD,200.00,FIX-PAY-I3,200.00\n" // row 2: only
                // 100.00 left
                + "FIX-PAY-P5,FIX-PAY-C1,2026-11-20,USD,600.00,FIX-PAY-I2,500.01\n", // row 3:
            // 500.00 open
            "agent.acme",
            "acme");
    assertEquals(422, reply.status(), reply.body());
    assertEquals(Set.of("2:applied_amount", "3:applied_amount"), errorFields(reply));
    assertTrue(
        message(reply, 2).contains("100.00 still open")
            && message(reply, 2).contains("earlier rows"),
        message(reply, 2));
    assertEquals(i2, state("acme", "FIX-PAY-I2"));
    assertEquals(i3, state("acme", "FIX-PAY-I3"), "not even the good payment of row 1 was kept");
    assertEquals(List.of(), allocations());
  }

  @Test
  void aPaymentCannotApplyMoreThanItsAmount() throws SQLException {
    InvoiceState i1 = state("acme", "FIX-PAY-I1");
    Reply reply =
        upload(
            "payments",
            PAYMENTS
                + "FIX-PAY-P6,FIX-PAY-C1,2026-11-20,USD,500.00,FIX-PAY-I1,300.00\n"
                + "FIX-PAY-P6,FIX-PAY-C1,2026-11-20,USD,500.00,FIX-PAY-I2,300.00\n" // row 2: 600.00
                // of 500.00
                + "FIX-PAY-P7,FIX-PAY-C1,2026-11-20,USD,100.00,FIX-PAY-I1,150.00\n", // row 3:
            // 150.00 of
            // 100.00
            "agent.acme",
            "acme");
    assertEquals(422, reply.status(), reply.body());
    assertEquals(Set.of("2:applied_amount", "3:applied_amount"), errorFields(reply));
    assertTrue(
        message(reply, 2).contains("600.00, more than its amount 500.00"), message(reply, 2));
    assertEquals(i1, state("acme", "FIX-PAY-I1"));
    assertEquals(List.of(), allocations());
  }

  @Test
  void anInvoiceMustBeTheCustomersInThePaymentsCurrencyAndAnotherTenantsInvoiceIsUnknown()
      throws SQLException {
    InvoiceState g1 = state("globex", "FIX-PAY-G1");
    Reply reply =
        upload(
            "payments",
            PAYMENTS
                + "FIX-PAY-P8,FIX-PAY-C1,2026-11-20,USD,100.00,FIX-PAY-G1,100.00\n" // row 1:
                // globex's
                // invoice
                + "FIX-PAY-P9,FIX-PAY-C1,2026-11-20,USD,100.00,FIX-PAY-I3,100.00\n" // row 2:
                // FIX-PAY-C2's
                // invoice
                + "FIX-PAY-P10,FIX-PAY-C1,2026-11-20,USD,100.00,FIX-PAY-I4,100.00\n" // row 3: an
                // EUR invoice
                + "FIX-PAY-P11,FIX-PAY-ZZ,2026-11-20,USD,100.00,FIX-PAY-I1,100.00\n" // row 4: no
                // such
                // customer
                + "FIX-PAY-P8,FIX-PAY-C1,2026-11-20,USD,100.00,FIX-PAY-I1,100.00\n", // row 5:
            // reference
            // again
            "agent.acme",
            "acme");
    assertEquals(422, reply.status(), reply.body());
    assertEquals(
        Set.of(
            "1:invoice_number",
            "2:invoice_number",
            "3:currency",
            "4:customer_number",
            "5:payment_reference"),
        errorFields(reply));
    assertEquals("no invoice 'FIX-PAY-G1' in this tenant", message(reply, 1));
    assertEquals(g1, state("globex", "FIX-PAY-G1"));
    assertEquals(List.of(), allocations());
  }

  @Test
  void onlyTheBpoImportsAndAnUnknownKindIsABadRequest() {
    assertEquals(401, upload("payments", PAYMENTS, null, null).status());
    assertEquals(403, upload("payments", PAYMENTS, "cfo.acme", null).status());
    assertEquals(403, upload("customers", CUSTOMERS, "customer.acme", null).status());
    assertEquals(400, upload("refunds", PAYMENTS, "agent.acme", "acme").status());
  }

  // ------------------------------------------------------------------ helpers

  private static Reply upload(String kind, String csv, String user, String tenant) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/imports?kind=" + kind))
            .header("Content-Type", "text/csv")
            .header("X-File-Name", "fixture.csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv));
    if (user != null) {
      request.header("Authorization", "Bearer " + Portal.token(user));
    }
    if (tenant != null) {
      request.header("X-Tenant", tenant);
    }
    return Portal.send(request);
  }

  private static Set<String> errorFields(Reply reply) {
    return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getInt("row") + ":" + e.getString("field"))
        .collect(Collectors.toSet());
  }

  private static String message(Reply reply, int row) {
    return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .filter(e -> e.getInt("row") == row)
        .findFirst()
        .orElseThrow()
        .getString("message");
  }

  private static String reportPath(Reply rejected) {
    return "/api/v1/imports/"
        + rejected.json().getString("detail").replaceAll(".*/imports/(\\d+)/errors", "$1")
        + "/errors";
  }

  private static void bind(Connection db, String tenant) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
      s.setString(1, tenant);
      s.execute();
    }
  }

  private static void invoice(
      Connection db, String tenant, String number, String customer, String currency, String total)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            """
        insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date, currency,
                             net_amount, tax_amount, total_amount)
        select ?, ?, id, date '2026-10-01', date '2026-10-31', ?, ?, 0, ? from customer_account where number = ?""")) {
      insert.setString(1, tenant);
      insert.setString(2, number);
      insert.setString(3, currency);
      insert.setBigDecimal(4, new BigDecimal(total));
      insert.setBigDecimal(5, new BigDecimal(total));
      insert.setString(6, customer);
      assertEquals(1, insert.executeUpdate());
    }
  }

  private static InvoiceState state(String tenant, String number) throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, tenant);
      try (PreparedStatement q =
          db.prepareStatement(
              "select paid_amount, open_amount, status, version from invoice where number = ?")) {
        q.setString(1, number);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          return new InvoiceState(
              rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getString(3), rs.getLong(4));
        } finally {
          db.rollback();
        }
      }
    }
  }

  private static List<String> importedCustomers() throws SQLException {
    return acmeRows(
        "select number || '|' || name || '|' || country || '|' || currency || '|' || payment_terms_days "
            + "|| '|' || credit_limit || '|' || coalesce(collector, 'null') from customer_account "
            + "where number like 'FIX-PAY-N%' order by number");
  }

  private static List<String> allocations() throws SQLException {
    return acmeRows(
        "select p.reference || '|' || i.number || '|' || a.amount from payment_allocation a "
            + "join payment p on p.tenant_id = a.tenant_id and p.id = a.payment_id "
            + "join invoice i on i.tenant_id = a.tenant_id and i.id = a.invoice_id "
            + "where p.reference like 'FIX-PAY-%' order by p.reference, i.number");
  }

  private static List<String> acmeRows(String sql) throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
        db.rollback();
        return rows;
      }
    }
  }
}
