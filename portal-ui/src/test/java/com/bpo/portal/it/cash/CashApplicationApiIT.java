package com.bpo.portal.it.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.Json;
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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cash application end to end: camt.053 and MT940 statements imported, matched and applied to
 * invoices through the invoice feature; the same statement again changes nothing; a short payment
 * becomes a DEDUCTION in the disputes queue; a bad file leaves nothing; the exception queue is
 * worked by hand; roles and tenants are kept apart. Fixture: an acme bank account, two customers
 * and four invoices (FIX-CASH-...), and a globex bank account.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CashApplicationApiIT {
  static final String ACCOUNT = "FR7600000000000000000FIXCASH";
  static final String GLOBEX_ACCOUNT = "DE00000000000000FIXCASHGLOBEX";
  static final String HOOK = "CashApplicationApiIT (test data)";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeEach
  void createFixture() throws SQLException {
    removeFixture();
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "insert into customer_account (tenant_id, number, name, country, currency) values "
                + "('acme', 'FIX-CASH-C1', 'Cash fixture one', 'FR', 'EUR'), "
                + "('acme', 'FIX-CASH-C2', 'Cash fixture two', 'FR', 'EUR')");
        s.executeUpdate(
            "insert into bank_account (tenant_id, account, currency, name) values ('acme', '"
                + ACCOUNT
                + "', 'EUR', 'Fixture account')");
      }
      invoice(db, "FIX-CASH-000101", "FIX-CASH-C1", "1000.00", "2026-10-31");
      invoice(db, "FIX-CASH-000102", "FIX-CASH-C1", "250.00", "2026-11-15");
      invoice(db, "FIX-CASH-000103", "FIX-CASH-C1", "800.00", "2026-11-30");
      invoice(db, "FIX-CASH-000201", "FIX-CASH-C2", "300.00", "2026-11-30");
      db.commit();
      bind(db, "globex");
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "insert into bank_account (tenant_id, account, currency, name) values ('globex', '"
                + GLOBEX_ACCOUNT
                + "', 'EUR', 'Fixture account')");
      }
      db.commit();
    }
  }

  @AfterEach
  void removeFixture() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      for (String tenant : List.of("acme", "globex")) {
        bind(db, tenant);
        String invoices = "(select id from invoice where number like 'FIX-CASH-%')";
        String customers = "(select id from customer_account where number like 'FIX-CASH-%')";
        String lines =
            "(select l.id from bank_statement_line l join bank_statement s on s.tenant_id = l.tenant_id "
                + "and s.id = l.statement_id join bank_account a on a.tenant_id = s.tenant_id and a.id = s.bank_account_id "
                + "where a.account like '%FIXCASH%')";
        try (Statement s = db.createStatement()) {
          // deliveries and secrets cascade from their endpoint
          s.executeUpdate("delete from webhook_endpoint where description = '" + HOOK + "'");
          s.executeUpdate(
              "delete from webhook_event where type = 'payment.applied' and "
                  + "(data ->> 'customerAccountId')::bigint in "
                  + customers);
          s.executeUpdate("delete from cash_settings");
          s.executeUpdate("delete from cash_match where line_id in " + lines);
          s.executeUpdate(
              "delete from remittance_advice where customer_account_id in " + customers);
          s.executeUpdate("delete from payer_identity where customer_account_id in " + customers);
          s.executeUpdate("delete from bank_statement_line where id in " + lines);
          s.executeUpdate(
              "delete from bank_statement where bank_account_id in "
                  + "(select id from bank_account where account like '%FIXCASH%')");
          s.executeUpdate("delete from bank_account where account like '%FIXCASH%'");
          s.executeUpdate(
              "delete from dispute where id in (select dispute_id from dispute_item where invoice_id in "
                  + invoices
                  + ")");
          s.executeUpdate("delete from payment_allocation where invoice_id in " + invoices);
          s.executeUpdate("delete from payment where customer_account_id in " + customers);
          s.executeUpdate("delete from invoice where number like 'FIX-CASH-%'");
          s.executeUpdate("delete from customer_account where number like 'FIX-CASH-%'");
        }
        db.commit();
      }
    }
  }

  // ------------------------------------------------------------------ camt.053

  static String camt(String statementId, String... entries) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
        <GrpHdr><MsgId>M-%s</MsgId><CreDtTm>2026-12-01T18:00:00</CreDtTm></GrpHdr>
        <Stmt><Id>%s</Id><Acct><Id><IBAN>%s</IBAN></Id><Ccy>EUR</Ccy></Acct>%s</Stmt></BkToCstmrStmt></Document>
        """
        .formatted(statementId, statementId, ACCOUNT, String.join("", entries));
  }

  static String entry(String ref, String amount, String payer, String remittance) {
    return """
        <Ntry><NtryRef>%s</NtryRef><Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-12-01</Dt></BookgDt><ValDt><Dt>2026-12-01</Dt></ValDt>
        <NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>%s</Nm></Pty></Dbtr></RltdPties>
        <RmtInf><Ustrd>%s</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
        """
        .formatted(ref, amount, payer, remittance);
  }

  @Test
  void aCamt053IsImportedMatchedAndAppliedAndTheSameFileAgainChangesNothing() throws SQLException {
    // a system of acme's listens for applied payments (never reached: the address cannot resolve)
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "with e as (insert into webhook_endpoint (tenant_id, url, description, events, created_by) "
                + "values ('acme', 'https://hooks.invalid/payments', '"
                + HOOK
                + "', array['payment.applied'], 'it') returning tenant_id, id) "
                + "insert into webhook_secret (tenant_id, endpoint_id, secret) "
                + "select tenant_id, id, 'it-secret-never-used-the-address-cannot-resolve' from e");
      }
      db.commit();
    }
    String file =
        camt(
            "FIX-CASH-S1",
            entry(
                "E1",
                "1250.00",
                "Cash Fixture One SARL",
                "Invoices fix-cash-101 and FIX CASH 000102"),
            entry("E2", "500.00", "Cash Fixture One SARL", "FIX-CASH-000103"),
            entry("E3", "42.00", "Somebody unknown", "thank you"));
    Reply first = upload(file, "application/xml", "agent.acme", "acme");
    assertEquals(201, first.status(), first.body());
    JsonObject statement = first.json().getJsonObject("statement");
    assertEquals(3, statement.getInt("lineCount"));
    assertEquals(2, statement.getInt("applied"), first.body());
    assertEquals(1, statement.getInt("unapplied"), first.body());

    assertEquals("1000.00|0.00|PAID", state("FIX-CASH-000101"));
    assertEquals("250.00|0.00|PAID", state("FIX-CASH-000102"));
    assertEquals(
        "500.00|300.00|DISPUTED",
        state("FIX-CASH-000103"),
        "the short payment leaves 300 open, disputed");
    List<String> before =
        acmeRows(
            "select reference || '|' || amount from payment where customer_account_id in "
                + "(select id from customer_account where number like 'FIX-CASH-%') order by reference");
    assertEquals(2, before.size());
    String paymentsInLineOrder =
        "select string_agg(p.reference, ',' order by l.id) from bank_statement_line l "
            + "join bank_statement s on s.id = l.statement_id join payment p on p.id = l.payment_id "
            + "where s.statement_id = 'FIX-CASH-S1'";
    String eventsInOrder =
        "select string_agg(data ->> 'reference', ',' order by id) from webhook_event "
            + "where type = 'payment.applied' and (data ->> 'customerAccountId')::bigint in "
            + "(select id from customer_account where number like 'FIX-CASH-%')";
    assertEquals(
        acmeRows(paymentsInLineOrder),
        acmeRows(eventsInOrder),
        "one payment.applied event per applied line, in the lines' order");
    assertEquals(
        List.of("1"),
        acmeRows(
            "select count(*) from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id "
                + "join webhook_event v on v.id = d.event_id where e.description = '"
                + HOOK
                + "' and (v.data ->> 'amount') = '1250.00' and v.data -> 'invoiceIds' = "
                + "(select jsonb_agg(id order by number) from invoice where number in "
                + "('FIX-CASH-000101', 'FIX-CASH-000102'))"),
        "the first line's event, with what it paid, is to be delivered");

    Reply again = upload(file, "application/xml", "agent.acme", "acme");
    assertEquals(200, again.status(), again.body());
    assertTrue(again.json().getBoolean("alreadyImported"));
    assertEquals(statement.getInt("id"), again.json().getJsonObject("statement").getInt("id"));
    assertEquals(
        before,
        acmeRows(
            "select reference || '|' || amount from payment where customer_account_id in "
                + "(select id from customer_account where number like 'FIX-CASH-%') order by reference"));
    assertEquals("1000.00|0.00|PAID", state("FIX-CASH-000101"));
    assertEquals(2, acmeRows(eventsInOrder).get(0).split(",").length, "nothing published again");
    assertEquals(
        List.of("3"),
        acmeRows(
            "select count(*) from bank_statement_line l join bank_statement s on "
                + "s.id = l.statement_id where s.statement_id = 'FIX-CASH-S1'"));

    Reply changed = agentUploads(camt("FIX-CASH-S1", entry("E9", "1.00", "x", "y")));
    assertEquals(409, changed.status(), "the same statement id with other content is refused");
  }

  @Test
  void aShortPaymentShowsUpAsADeductionInTheDisputesQueue() throws SQLException {
    Reply reply =
        agentUploads(
            camt("FIX-CASH-S2", entry("E1", "500.00", "Cash Fixture One", "FIX-CASH-000103")));
    assertEquals(201, reply.status(), reply.body());
    long line =
        Long.parseLong(
            acmeRows(
                    "select l.id from bank_statement_line l join bank_statement s on "
                        + "s.id = l.statement_id where s.statement_id = 'FIX-CASH-S2'")
                .get(0));
    Reply detail = Portal.get("/api/v1/cash/lines/" + line, "agent.acme", "acme");
    assertEquals(200, detail.status(), detail.body());
    assertEquals("APPLIED", detail.json().getJsonObject("line").getString("status"));
    int deduction = detail.json().getInt("deductionId");

    Reply queue =
        Portal.get(
            "/api/v1/disputes?open=true&invoice=" + invoiceId("FIX-CASH-000103"),
            "agent.acme",
            "acme");
    assertEquals(200, queue.status(), queue.body());
    JsonObject dispute = queue.json().getJsonArray("items").getJsonObject(0);
    assertEquals(deduction, dispute.getInt("id"));
    assertEquals("DEDUCTION", dispute.getString("kind"));
    assertEquals("NEW", dispute.getString("status"));
    assertEquals(
        0,
        new BigDecimal("300.00")
            .compareTo(new BigDecimal(dispute.getJsonObject("disputed").getString("amount"))));
  }

  /**
   * The payments of a block are written together, in runs that end at a short payment: the
   * deduction is sized on what the invoice has open right after the short payment, even when a
   * later line of the same block pays the rest.
   */
  @Test
  void aShortPaymentThenTheRestInTheSameStatementKeepsTheDeductionOfTheShortfall()
      throws SQLException {
    Reply reply =
        agentUploads(
            camt(
                "FIX-CASH-S2R",
                entry("E1", "500.00", "Cash Fixture One", "FIX-CASH-000103"),
                entry("E2", "1.00", "Nobody", "no reference"),
                entry("E3", "300.00", "Cash Fixture One", "FIX-CASH-000103")));
    assertEquals(201, reply.status(), reply.body());
    assertEquals(2, reply.json().getJsonObject("statement").getInt("applied"), reply.body());
    assertEquals("800.00|0.00|PAID", state("FIX-CASH-000103"), "the rest paid by E3");
    assertEquals(
        List.of("E1|APPLIED|300.00|true", "E2|UNAPPLIED||false", "E3|APPLIED||false"),
        acmeRows(
            "select l.entry_ref || '|' || l.status || '|' || coalesce(d.disputed_amount::text, '')"
                + " || '|' || (d.id is not null) from bank_statement_line l join bank_statement s"
                + " on s.tenant_id = l.tenant_id and s.id = l.statement_id left join dispute d on"
                + " d.tenant_id = l.tenant_id and d.id = l.deduction_id"
                + " where s.statement_id = 'FIX-CASH-S2R' order by l.entry_ref"),
        "E1's deduction is the 300.00 it left open, not what is open after E3");
  }

  /**
   * A block's short payments raise their deductions together (DisputeService.raiseAllForIds): each
   * its own dispute, on its own invoice, of its own shortfall, held on the invoice and logged.
   */
  @Test
  void twoShortPaymentsOfOneStatementEachOpenTheirOwnDeduction() throws SQLException {
    Reply reply =
        agentUploads(
            camt(
                "FIX-CASH-S2T",
                entry("E1", "500.00", "Cash Fixture One", "FIX-CASH-000103"),
                entry("E2", "200.00", "Cash Fixture Two", "FIX-CASH-000201")));
    assertEquals(201, reply.status(), reply.body());
    assertEquals(2, reply.json().getJsonObject("statement").getInt("applied"), reply.body());
    assertEquals(
        List.of(
            "E1|300.00|FIX-CASH-000103|300.00|300.00|LOGGED_DEDUCTION|NEW",
            "E2|100.00|FIX-CASH-000201|100.00|100.00|LOGGED_DEDUCTION|NEW"),
        acmeRows(
            "select l.entry_ref || '|' || d.disputed_amount || '|' || i.number || '|' || di.amount"
                + " || '|' || i.disputed_amount || '|' || e.action || '|' || d.status"
                + " from bank_statement_line l join bank_statement s on s.tenant_id = l.tenant_id"
                + " and s.id = l.statement_id join dispute d on d.tenant_id = l.tenant_id"
                + " and d.id = l.deduction_id join dispute_item di on di.tenant_id = d.tenant_id"
                + " and di.dispute_id = d.id join invoice i on i.tenant_id = di.tenant_id"
                + " and i.id = di.invoice_id join dispute_event e on e.tenant_id = d.tenant_id"
                + " and e.dispute_id = d.id where s.statement_id = 'FIX-CASH-S2T' order by l.entry_ref"));
  }

  @Test
  void aShortPaymentOfTheUndisputedPartIsAppliedWithoutASecondDisputeOrFailingTheStatement()
      throws SQLException {
    // the customer disputes 300 of the 800 invoice and pays the 500 they agree with; before, the
    // deduction for the 300 left open was refused (already disputed) and the whole statement with
    // it
    String body =
        Json.createObjectBuilder()
            .add("reasonCode", "QUANTITY")
            .add("description", "Fixture dispute (test data)")
            .add(
                "items",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("invoiceId", invoiceId("FIX-CASH-000103"))
                            .add("amount", "300.00")))
            .build()
            .toString();
    Reply raised = Portal.post("/api/v1/disputes", "ops.lead", "acme", body);
    assertEquals(201, raised.status(), raised.body());
    long dispute = raised.json().getJsonObject("dispute").getJsonNumber("id").longValue();

    Reply reply =
        agentUploads(
            camt(
                "FIX-CASH-S2D",
                entry("E1", "500.00", "Cash Fixture One", "FIX-CASH-000103"),
                entry("E2", "250.00", "Cash Fixture One", "FIX-CASH-000102")));
    assertEquals(201, reply.status(), reply.body());
    assertEquals(2, reply.json().getJsonObject("statement").getInt("applied"), reply.body());
    assertEquals("500.00|300.00|DISPUTED", state("FIX-CASH-000103"));
    assertEquals("250.00|0.00|PAID", state("FIX-CASH-000102"), "the other line is applied too");
    assertEquals(
        List.of(String.valueOf(dispute)),
        acmeRows(
            "select distinct dispute_id from dispute_item where invoice_id = "
                + invoiceId("FIX-CASH-000103")),
        "no second dispute for the part already disputed");
    long line =
        Long.parseLong(
            acmeRows(
                    "select l.id from bank_statement_line l join bank_statement s on "
                        + "s.id = l.statement_id where s.statement_id = 'FIX-CASH-S2D' "
                        + "and l.entry_ref = 'E1'")
                .get(0));
    Reply detail = Portal.get("/api/v1/cash/lines/" + line, "agent.acme", "acme");
    assertEquals(200, detail.status(), detail.body());
    assertEquals("APPLIED", detail.json().getJsonObject("line").getString("status"));
    assertTrue(
        !detail.json().containsKey("deductionId") || detail.json().isNull("deductionId"),
        detail.body());
    assertTrue(
        acmeRows("select reason from cash_match where status = 'APPLIED' and line_id = " + line)
            .get(0)
            .endsWith("; 300.00 of it already under dispute"),
        detail.body());
  }

  // ------------------------------------------------------------------ MT940

  @Test
  void aNameTwoCustomersPayUnderIsLearnedAsSharedAndThenIdentifiesNeither() throws SQLException {
    // a group's treasury pays for both customers, naming each invoice: the name learned from the
    // first payment (customer one) must not hold back the second (customer two's invoice, exact)
    Reply named =
        upload(
            camt(
                "FIX-CASH-N1",
                entry("N1", "1000.00", "Fixture Group Treasury", "FIX-CASH-000101"),
                entry("N2", "300.00", "Fixture Group Treasury", "FIX-CASH-000201")),
            "application/xml",
            "ops.lead",
            "acme");
    assertEquals(201, named.status(), named.body());
    assertEquals(2, named.json().getJsonObject("statement").getInt("applied"), named.body());
    assertEquals("300.00|0.00|PAID", state("FIX-CASH-000201"));
    assertEquals(
        List.of("true"),
        acmeRows(
            "select shared::text from payer_identity where kind = 'NAME' and customer_account_id = "
                + customerId("FIX-CASH-C2")));

    // the name alone, the amount of customer one's open 250.00: a shared name identifies nobody,
    // so nothing is applied on its word (before, it paid whoever had used the name last)
    Reply nameOnly =
        upload(
            camt("FIX-CASH-N2", entry("N3", "250.00", "Fixture Group Treasury", "Payment")),
            "application/xml",
            "ops.lead",
            "acme");
    assertEquals(201, nameOnly.status(), nameOnly.body());
    assertEquals(0, nameOnly.json().getJsonObject("statement").getInt("applied"), nameOnly.body());
    assertTrue(state("FIX-CASH-000102").startsWith("0.00|250.00|"), state("FIX-CASH-000102"));
  }

  @Test
  void anMt940IsImportedMatchedAndAppliedWithATypoAndBankCharges() throws SQLException {
    String b1 =
        ":61:2612011201C297,50NTRFNONREF//B1\n:86:/ORDP/Cash fixture two/REMI/Facture FIX-CASH-0201/";
    String b2 =
        ":61:2612011201C800,00NTRFNONREF//B2\n:86:/ORDP/Cash fixture one/REMI/FIX-CASH-000109/";
    String mt940 = mt940("FIX-CASH-M1", "00001/001", b1, b2);
    Reply reply = upload(mt940, "text/plain", "ops.lead", "acme");
    assertEquals(201, reply.status(), reply.body());
    assertEquals(2, reply.json().getJsonObject("statement").getInt("applied"), reply.body());
    assertEquals(
        "297.50|0.00|WRITTEN_OFF", state("FIX-CASH-000201"), "2.50 of bank charges written off");
    assertEquals(
        "800.00|0.00|PAID",
        state("FIX-CASH-000103"),
        "109 is one character from 103, whose amount agrees");
    assertEquals(200, upload(mt940, "text/plain", "ops.lead", "acme").status());
    assertEquals("800.00|0.00|PAID", state("FIX-CASH-000103"));

    // sent again under a new :20: (a new statement id), the same entries change nothing
    Reply resent =
        upload(mt940("FIX-CASH-M1R", "00001/001", b1, b2), "text/plain", "ops.lead", "acme");
    assertEquals(200, resent.status(), resent.body());
    assertTrue(resent.json().getBoolean("alreadyImported"), resent.body());
    assertEquals(
        "FIX-CASH-M1/00001/001",
        resent.json().getJsonObject("statement").getString("statementId"),
        resent.body());
    assertEquals(
        List.of("1"),
        acmeRows("select count(*) from bank_statement where statement_id like 'FIX-CASH-M1%'"));
    assertEquals("800.00|0.00|PAID", state("FIX-CASH-000103"));

    // a statement with one entry seen before and one new imports only the new one
    String next =
        mt940(
            "FIX-CASH-M2",
            "00002/001",
            b2,
            ":61:2612021202C12,34NTRFNONREF//B3\n:86:/ORDP/Somebody else/REMI/nothing we know/");
    Reply second = upload(next, "text/plain", "ops.lead", "acme");
    assertEquals(201, second.status(), second.body());
    assertFalse(second.json().getBoolean("alreadyImported"), second.body());
    assertEquals(1, second.json().getInt("linesAlreadyImported"), second.body());
    assertEquals(1, second.json().getJsonObject("statement").getInt("lineCount"), second.body());
    assertEquals(
        List.of("B3"),
        acmeRows(
            "select l.entry_ref from bank_statement_line l join bank_statement s on "
                + "s.id = l.statement_id where s.statement_id like 'FIX-CASH-M2%'"));
  }

  @Test
  void aLeadRaisesTheThresholdAndASureMatchIsOnlySuggested() throws SQLException {
    Reply settings = Portal.get("/api/v1/cash/settings", "agent.acme", "acme");
    assertEquals(200, settings.status(), settings.body());
    assertEquals(0, settings.json().getInt("version"));
    String change =
        "{\"confidenceThreshold\": \"0.990\", \"toleranceAmount\": \"5.00\", \"version\": %d}";
    assertEquals(403, put("/api/v1/cash/settings", "agent.acme", change.formatted(0)).status());
    assertEquals(
        400,
        put(
                "/api/v1/cash/settings",
                "ops.lead",
                "{\"confidenceThreshold\": \"1.5\", "
                    + "\"toleranceAmount\": \"5.00\", \"version\": 0}")
            .status());
    Reply changed = put("/api/v1/cash/settings", "ops.lead", change.formatted(0));
    assertEquals(200, changed.status(), changed.body());
    assertEquals(1, changed.json().getInt("version"));
    assertEquals(
        409, put("/api/v1/cash/settings", "ops.lead", change.formatted(0)).status(), "stale");

    Reply reply = agentUploads(camt("FIX-CASH-S7", entry("E1", "1000.00", "x", "FIX-CASH-000101")));
    assertEquals(201, reply.status(), reply.body());
    assertEquals(
        1, reply.json().getJsonObject("statement").getInt("suggested"), "0.97 is below 0.99 now");
    assertEquals("0.00|1000.00|OPEN", state("FIX-CASH-000101"));
    long line =
        Long.parseLong(
            acmeRows(
                    "select l.id from bank_statement_line l join bank_statement s on "
                        + "s.id = l.statement_id where s.statement_id = 'FIX-CASH-S7'")
                .get(0));
    JsonObject detail = Portal.get("/api/v1/cash/lines/" + line, "agent.acme", "acme").json();
    JsonObject candidate = detail.getJsonArray("candidates").getJsonObject(0);
    assertEquals("REFERENCE", candidate.getString("rule"));
    Reply accepted =
        Portal.post(
            "/api/v1/cash/lines/" + line + "/candidates/" + candidate.getInt("id") + "/acceptance",
            "agent.acme",
            "acme",
            "{\"version\": " + detail.getJsonObject("line").getInt("version") + "}");
    assertEquals(200, accepted.status(), accepted.body());
    assertEquals("1000.00|0.00|PAID", state("FIX-CASH-000101"));
  }

  // ------------------------------------------------------------------ the exception queue

  @Test
  void anUnmatchedLineIsSplitByHandOverTwoInvoicesAndAStaleVersionIsRefused() throws SQLException {
    assertEquals(
        201,
        agentUploads(camt("FIX-CASH-S3", entry("E1", "1100.00", "Nobody we know", "see mail")))
            .status());
    long line =
        Long.parseLong(
            acmeRows(
                    "select l.id from bank_statement_line l join bank_statement s on "
                        + "s.id = l.statement_id where s.statement_id = 'FIX-CASH-S3'")
                .get(0));
    Reply queue = Portal.get("/api/v1/cash/lines?limit=500", "agent.acme", "acme");
    assertEquals(200, queue.status());
    assertTrue(queue.body().contains("\"id\":" + line), "the line waits in the queue");
    Reply detail = Portal.get("/api/v1/cash/lines/" + line, "agent.acme", "acme");
    JsonObject candidate = detail.json().getJsonArray("candidates").getJsonObject(0);
    assertEquals("UNAPPLIED", candidate.getString("status"));
    assertTrue(
        candidate.getString("reason").contains("payer not recognised"),
        candidate.getString("reason"));
    int version = detail.json().getJsonObject("line").getInt("version");

    String split =
        "{\"version\": %d, \"allocations\": [{\"invoiceId\": %d, \"amount\": \"1000.00\"}, "
            + "{\"invoiceId\": %d, \"amount\": \"50.00\"}]}";
    Reply applied =
        Portal.post(
            "/api/v1/cash/lines/" + line + "/applications",
            "agent.acme",
            "acme",
            split.formatted(version, invoiceId("FIX-CASH-000101"), invoiceId("FIX-CASH-000102")));
    assertEquals(200, applied.status(), applied.body());
    assertEquals("APPLIED", applied.json().getJsonObject("line").getString("status"));
    assertEquals(
        "50.00",
        applied.json().getJsonObject("line").getJsonObject("onAccount").getString("amount"));
    assertEquals("1000.00|0.00|PAID", state("FIX-CASH-000101"));
    assertEquals("50.00|200.00|PARTIALLY_PAID", state("FIX-CASH-000102"));

    Reply stale =
        Portal.post(
            "/api/v1/cash/lines/" + line + "/applications",
            "agent.acme",
            "acme",
            split.formatted(version, invoiceId("FIX-CASH-000103"), invoiceId("FIX-CASH-000102")));
    assertEquals(409, stale.status(), stale.body());
    assertEquals("50.00|200.00|PARTIALLY_PAID", state("FIX-CASH-000102"));
  }

  @Test
  void aSplitOverTwoCustomersOrBeyondTheLineIsRefused() throws SQLException {
    assertEquals(
        201, agentUploads(camt("FIX-CASH-S4", entry("E1", "100.00", "Nobody", "?"))).status());
    long line =
        Long.parseLong(
            acmeRows(
                    "select l.id from bank_statement_line l join bank_statement s on "
                        + "s.id = l.statement_id where s.statement_id = 'FIX-CASH-S4'")
                .get(0));
    String two =
        "{\"version\": 0, \"allocations\": [{\"invoiceId\": %d, \"amount\": \"50.00\"}, "
            + "{\"invoiceId\": %d, \"amount\": \"50.00\"}]}";
    assertEquals(
        400,
        Portal.post(
                "/api/v1/cash/lines/" + line + "/applications",
                "agent.acme",
                "acme",
                two.formatted(invoiceId("FIX-CASH-000101"), invoiceId("FIX-CASH-000201")))
            .status());
    assertEquals(
        400,
        Portal.post(
                "/api/v1/cash/lines/" + line + "/applications",
                "agent.acme",
                "acme",
                "{\"version\": 0, \"allocations\": [{\"invoiceId\": %d, \"amount\": \"100.01\"}]}"
                    .formatted(invoiceId("FIX-CASH-000101")))
            .status());
    // an empty entry among the allocations is a field error, not a server error
    Reply hollow =
        Portal.post(
            "/api/v1/cash/lines/" + line + "/applications",
            "agent.acme",
            "acme",
            "{\"version\": 0, \"allocations\": [null]}");
    assertEquals(400, hollow.status(), hollow.body());
    assertTrue(hollow.body().contains("allocations[0]"), hollow.body());
    Reply refund =
        Portal.post(
            "/api/v1/cash/lines/" + line + "/refund-request",
            "agent.acme",
            "acme",
            "{\"version\": 0, \"note\": \"paid us by mistake\"}");
    assertEquals(200, refund.status(), refund.body());
    assertEquals("REFUND_REQUESTED", refund.json().getJsonObject("line").getString("status"));
  }

  /**
   * A statement longer than a block (250 lines, CashService.BLOCK_LINES): a line sees what an
   * earlier line took, whether that line's block was written already (E10, then E270) or is still
   * pending in the same block (E280, then E290); imported again, it changes nothing.
   */
  @Test
  void aStatementOfSeveralBlocksSeesWhatEachEarlierLineTookAndIsImportedOnce() throws SQLException {
    List<String> entries = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      entries.add(
          switch (i) {
            case 10, 270 -> entry("E" + i, "250.00", "x", "FIX-CASH-000102");
            case 280, 290 -> entry("E" + i, "1000.00", "x", "FIX-CASH-000101");
            default -> entry("E" + i, "1.00", "Nobody " + i, "no reference");
          });
    }
    String file = camt("FIX-CASH-BLOCKS", entries.toArray(String[]::new));
    Reply first = upload(file, "application/xml", "agent.acme", "acme");
    assertEquals(201, first.status(), first.body());
    JsonObject statement = first.json().getJsonObject("statement");
    assertEquals(300, statement.getInt("lineCount"));
    assertEquals(2, statement.getInt("applied"), first.body());
    assertEquals("1000.00|0.00|PAID", state("FIX-CASH-000101"));
    assertEquals("250.00|0.00|PAID", state("FIX-CASH-000102"));
    String applied =
        "select string_agg(l.entry_ref, ',' order by l.id) from bank_statement_line l "
            + "join bank_statement s on s.tenant_id = l.tenant_id and s.id = l.statement_id "
            + "where s.statement_id = 'FIX-CASH-BLOCKS' and l.status = 'APPLIED'";
    assertEquals(List.of("E10,E280"), acmeRows(applied), "an invoice is paid once");
    String lines =
        "(select l.id from bank_statement_line l join bank_statement s on s.tenant_id = "
            + "l.tenant_id and s.id = l.statement_id where s.statement_id = 'FIX-CASH-BLOCKS')";
    assertEquals(
        List.of("0"),
        acmeRows(
            "select string_agg(distinct version::text, ',') from bank_statement_line where id in "
                + lines),
        "each line written once, with its decision, and never changed after");
    assertEquals(
        List.of("300"),
        acmeRows(
            "select string_agg(a.after ->> 'line_count', ',') from audit_event a "
                + "where a.entity = 'bank_statement' and a.action = 'INSERT' "
                + "and a.entity_id in (select id::text from bank_statement "
                + "where statement_id = 'FIX-CASH-BLOCKS') and a.after ->> 'file_sha256' is not null"),
        "the statement's own record stands for its lines (V116)");
    assertEquals(
        List.of("0"),
        acmeRows(
            "select count(*) from audit_event a where (a.entity = 'bank_statement_line' "
                + "and a.entity_id in (select id::text from "
                + lines
                + " x)) or (a.entity = 'cash_match' and a.after ->> 'line_id' in "
                + "(select id::text from "
                + lines
                + " x)) or (a.entity = 'cash_match_item' and a.after ->> 'match_id' in "
                + "(select id::text from cash_match where line_id in "
                + lines
                + "))"),
        "the lines and the matcher's decisions are not recorded one by one");
    assertEquals(
        List.of("E10,E280"),
        acmeRows(
            "select string_agg(l.entry_ref, ',' order by l.id) from audit_event a "
                + "join bank_statement_line l on 'BANK-' || l.id = a.after ->> 'reference' "
                + "where a.entity = 'payment' and a.action = 'INSERT' and l.id in "
                + lines),
        "the money is: each payment has its record");
    assertEquals(
        List.of("2|0"),
        acmeRows(
            "select count(*) || '|' || count(*) filter (where a.received_on <> p.received_on "
                + "or a.invoice_issue_date <> i.issue_date or a.invoice_due_date <> i.due_date "
                + "or a.invoice_currency <> i.currency) from payment_allocation a "
                + "join payment p on p.tenant_id = a.tenant_id and p.id = a.payment_id "
                + "join invoice i on i.tenant_id = a.tenant_id and i.id = a.invoice_id "
                + "where a.payment_id in (select payment_id from bank_statement_line where id in "
                + lines
                + ")"),
        "each allocation keeps its payment's day and its invoice's dates and currency");

    Reply again = upload(file, "application/xml", "agent.acme", "acme");
    assertEquals(200, again.status(), again.body());
    assertTrue(again.json().getBoolean("alreadyImported"));
    assertEquals(List.of("E10,E280"), acmeRows(applied));
    assertEquals("1000.00|0.00|PAID", state("FIX-CASH-000101"));
  }

  /**
   * A statement is an import: while another import of the tenant holds its slot (here a transaction
   * holding the slot's advisory lock, as ConcurrentImports takes it), the statement is refused at
   * once with 429 and Retry-After and leaves nothing; once the slot is free it goes in.
   */
  @Test
  void aStatementIsRefusedWhileAnotherImportOfTheTenantRunsAndGoesInAfter() throws SQLException {
    String file = camt("FIX-CASH-BUSY", entry("B1", "250.00", "x", "FIX-CASH-000102"));
    String imported = "select count(*) from bank_statement where statement_id = 'FIX-CASH-BUSY'";
    try (Connection other = Portal.asOwner()) {
      other.setAutoCommit(false);
      try (Statement s = other.createStatement()) {
        s.execute("select pg_advisory_xact_lock(hashtext('import:acme:0'))");
        Reply refused = upload(file, "application/xml", "agent.acme", "acme");
        assertEquals(429, refused.status(), refused.body());
        Portal.assertProblem(refused, "too-busy");
        assertEquals(List.of("0"), acmeRows(imported), "nothing of the refused statement");
        assertTrue(state("FIX-CASH-000102").startsWith("0.00|250.00|"), "nothing paid");
      } finally {
        other.rollback();
      }
    }
    Reply accepted = upload(file, "application/xml", "agent.acme", "acme");
    assertEquals(201, accepted.status(), accepted.body());
    assertEquals(List.of("1"), acmeRows(imported));
    assertEquals("250.00|0.00|PAID", state("FIX-CASH-000102"));
  }

  // ------------------------------------------------------------------ bad files

  @Test
  void aBadFileIsRejectedAndLeavesNothing() throws SQLException {
    String bad =
        camt(
            "FIX-CASH-BAD",
            entry("E1", "12.00", "x", "FIX-CASH-000101"),
            entry("E2", "1.2.3", "x", "y"));
    Reply reply = upload(bad, "application/xml", "agent.acme", "acme");
    assertEquals(422, reply.status(), reply.body());
    Portal.assertProblem(reply, "statement-rejected");
    assertEquals(
        "Ntry/Amt", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(
        List.of(), acmeRows("select id from bank_statement where statement_id = 'FIX-CASH-BAD'"));

    Reply unknownAccount =
        upload(
            camt("FIX-CASH-X", entry("E1", "1000.00", "x", "FIX-CASH-000101"))
                .replace(ACCOUNT, "FR7699999999999999999999999"),
            "application/xml",
            "agent.acme",
            "acme");
    assertEquals(422, unknownAccount.status(), unknownAccount.body());
    assertEquals("0.00|1000.00|OPEN", state("FIX-CASH-000101"));
    assertEquals(422, upload("not a statement", "text/plain", "agent.acme", "acme").status());

    // a statement may be up to 20 MB (not the 1 MB of other bodies); beyond, the parser says so
    // (one byte more: the resource reads no further, and the client has nothing left to send)
    Reply tooLarge = upload("x".repeat(20 * 1024 * 1024 + 1), "text/csv", "agent.acme", "acme");
    assertEquals(422, tooLarge.status(), tooLarge.body());
    assertTrue(tooLarge.body().contains("larger than 20 MB"), tooLarge.body());
  }

  // ------------------------------------------------------------------ roles and tenants

  @Test
  void rolesAndTenantsAreKeptApart() throws SQLException {
    String file = camt("FIX-CASH-S5", entry("E1", "7.00", "Nobody", "?"));
    assertEquals(401, upload(file, "application/xml", null, null).status());
    assertEquals(
        403,
        upload(file, "application/xml", "cfo.acme", "acme").status(),
        "clients read, they do not apply");
    assertEquals(403, upload(file, "application/xml", "customer.acme", "acme").status());
    assertEquals(403, Portal.get("/api/v1/cash/lines", "customer.acme", "acme").status());
    assertEquals(401, Portal.get("/api/v1/cash/lines", null, null).status());
    assertEquals(200, Portal.get("/api/v1/cash/unapplied", "cfo.acme", "acme").status());
    assertEquals(
        403,
        Portal.post(
                "/api/v1/cash/bank-accounts",
                "agent.acme",
                "acme",
                "{\"account\": \"FR76FIXCASHNEW\", \"currency\": \"EUR\", \"name\": \"x\"}")
            .status());

    assertEquals(201, upload(file, "application/xml", "agent.acme", "acme").status());
    long line =
        Long.parseLong(
            acmeRows(
                    "select l.id from bank_statement_line l join bank_statement s on "
                        + "s.id = l.statement_id where s.statement_id = 'FIX-CASH-S5'")
                .get(0));
    long statement =
        Long.parseLong(
            acmeRows("select id from bank_statement where statement_id = 'FIX-CASH-S5'").get(0));
    assertEquals(200, Portal.get("/api/v1/cash/lines/" + line, "cfo.acme", "acme").status());
    assertEquals(404, Portal.get("/api/v1/cash/lines/" + line, "ops.lead", "globex").status());
    assertEquals(
        404, Portal.get("/api/v1/cash/statements/" + statement, "cfo.globex", "globex").status());
    assertEquals(404, Portal.get("/api/v1/cash/lines/999999999999", "agent.acme", "acme").status());
    assertEquals(
        404,
        Portal.post(
                "/api/v1/cash/lines/" + line + "/refund-request",
                "ops.lead",
                "globex",
                "{\"version\": 0, \"note\": \"x\"}")
            .status());
    assertEquals(
        403,
        Portal.get("/api/v1/cash/lines/" + line, "cfo.acme", "globex").status(),
        "not a member");
    Reply globexQueue = Portal.get("/api/v1/cash/lines?limit=500", "ops.lead", "globex");
    assertTrue(
        !globexQueue.body().contains("\"id\":" + line + ","),
        "acme's line is not in globex's queue");

    // acme's statement sent to globex names an account globex does not have
    assertEquals(422, upload(file, "application/xml", "ops.lead", "globex").status());
  }

  @Test
  void aCustomerTellsWhichInvoicesAPaymentCoversAndTheLineFollowsTheAdvice() throws SQLException {
    String advice =
        "{\"paymentReference\": \"PAY-77-FIXCASH\", \"currency\": \"EUR\", \"items\": "
            + "[{\"invoiceId\": %d}, {\"invoiceId\": %d}]}";
    assertEquals(
        400,
        Portal.post(
                "/api/v1/cash/remittances",
                "customer.acme",
                "acme",
                advice.formatted(invoiceId("FIX-CASH-000101"), invoiceId("FIX-CASH-000201")))
            .status(),
        "customer.acme's account is not the fixture's");
    Reply badAmount =
        Portal.post(
            "/api/v1/cash/remittances",
            "agent.acme",
            "acme",
            ("{\"customerId\": %d, \"paymentReference\": \"PAY-78-FIXCASH\", \"currency\": "
                    + "\"EUR\", \"items\": [{\"invoiceId\": %d, \"amount\": \"1e3\"}]}")
                .formatted(customerId("FIX-CASH-C1"), invoiceId("FIX-CASH-000102")));
    assertEquals(400, badAmount.status(), badAmount.body());
    assertTrue(badAmount.body().contains("items[0].amount"), badAmount.body());
    Reply bpo =
        Portal.post(
            "/api/v1/cash/remittances",
            "agent.acme",
            "acme",
            ("{\"customerId\": %d, " + advice.substring(1))
                .formatted(
                    customerId("FIX-CASH-C1"),
                    invoiceId("FIX-CASH-000102"),
                    invoiceId("FIX-CASH-000103")));
    assertEquals(201, bpo.status(), bpo.body());
    Reply reply =
        agentUploads(
            camt("FIX-CASH-S6", entry("E1", "1050.00", "A name we never saw", "PAY-77-FIXCASH")));
    assertEquals(201, reply.status(), reply.body());
    assertEquals(1, reply.json().getJsonObject("statement").getInt("applied"), reply.body());
    assertEquals("250.00|0.00|PAID", state("FIX-CASH-000102"));
    assertEquals("800.00|0.00|PAID", state("FIX-CASH-000103"));
  }

  @Test
  void anAdviceGivenAfterThePaymentArrivedAppliesTheLineWaitingInTheQueue() throws SQLException {
    Reply reply =
        agentUploads(
            camt("FIX-CASH-S8", entry("E1", "1050.00", "A name we never saw", "PAY-79-FIXCASH")));
    assertEquals(201, reply.status(), reply.body());
    String line =
        "select l.status from bank_statement_line l join bank_statement s on "
            + "s.id = l.statement_id where s.statement_id = 'FIX-CASH-S8'";
    assertEquals(List.of("UNAPPLIED"), acmeRows(line), "nothing in the reference names an invoice");
    String advice =
        "{\"customerId\": %d, \"paymentReference\": \"%s\", \"currency\": \"EUR\", \"items\": "
            + "[{\"invoiceId\": %d}, {\"invoiceId\": %d}]}";
    // a reference as short as "PAY" would be in the references of many payments
    Reply vague =
        Portal.post(
            "/api/v1/cash/remittances",
            "agent.acme",
            "acme",
            advice.formatted(
                customerId("FIX-CASH-C1"),
                "PAY",
                invoiceId("FIX-CASH-000102"),
                invoiceId("FIX-CASH-000103")));
    assertEquals(400, vague.status(), vague.body());
    assertTrue(vague.body().contains("paymentReference"), vague.body());
    assertEquals(List.of("UNAPPLIED"), acmeRows(line));
    Reply given =
        Portal.post(
            "/api/v1/cash/remittances",
            "agent.acme",
            "acme",
            advice.formatted(
                customerId("FIX-CASH-C1"),
                "PAY-79-FIXCASH",
                invoiceId("FIX-CASH-000102"),
                invoiceId("FIX-CASH-000103")));
    assertEquals(201, given.status(), given.body());
    assertEquals(List.of("APPLIED"), acmeRows(line), "the advice came after its payment");
    assertEquals("250.00|0.00|PAID", state("FIX-CASH-000102"));
    assertEquals("800.00|0.00|PAID", state("FIX-CASH-000103"));
    assertEquals(
        List.of("1"),
        acmeRows(
            "select count(*) from remittance_advice where payment_reference = 'PAY-79-FIXCASH' "
                + "and line_id is not null"),
        "the advice is used by the line it applied");
  }

  // ------------------------------------------------------------------ helpers

  /** A camt.053 an agent of acme imports. */
  private static Reply agentUploads(String camt) {
    return upload(camt, "application/xml", "agent.acme", "acme");
  }

  /** An MT940 of the fixture's account: its :20: reference, :28C: number and :61:/:86: entries. */
  private static String mt940(String reference, String number, String... entries) {
    return "{1:F01BANKFRPPAXXX0000000000}{2:I940BANKFRPPXXXXN}{4:\n:20:"
        + reference
        + "\n:25:"
        + ACCOUNT
        + "\n:28C:"
        + number
        + "\n:60F:C261130EUR0,00\n"
        + String.join("\n", entries)
        + "\n:62F:C261202EUR0,00\n-}";
  }

  private static Reply upload(String body, String type, String user, String tenant) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/cash/statements"))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header("Authorization", "Bearer " + Portal.token(user));
    }
    if (tenant != null) {
      request.header("X-Tenant", tenant);
    }
    return Portal.send(request);
  }

  private static Reply put(String path, String user, String json) {
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.URL + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + Portal.token(user))
            .header("X-Tenant", "acme")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static void bind(Connection db, String tenant) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
      s.setString(1, tenant);
      s.execute();
    }
  }

  private static void invoice(
      Connection db, String number, String customer, String total, String due) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            """
        insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date, currency,
                             net_amount, tax_amount, total_amount)
        select 'acme', ?, id, date '2026-10-01', cast(? as date), 'EUR', ?, 0, ? from customer_account
        where number = ?""")) {
      insert.setString(1, number);
      insert.setString(2, due);
      insert.setBigDecimal(3, new BigDecimal(total));
      insert.setBigDecimal(4, new BigDecimal(total));
      insert.setString(5, customer);
      assertEquals(1, insert.executeUpdate());
    }
  }

  /** paid|open|status of an acme fixture invoice. */
  private static String state(String number) throws SQLException {
    return acmeRows(
            "select paid_amount || '|' || open_amount || '|' || status from invoice where number = '"
                + number
                + "'")
        .get(0);
  }

  private static long invoiceId(String number) throws SQLException {
    return Long.parseLong(
        acmeRows("select id from invoice where number = '" + number + "'").get(0));
  }

  private static long customerId(String number) throws SQLException {
    return Long.parseLong(
        acmeRows("select id from customer_account where number = '" + number + "'").get(0));
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
