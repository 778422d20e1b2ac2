package com.bpo.portal.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.cash.BankStatementFile.Format;
import com.bpo.portal.cash.BankStatementFile.Line;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StatementParsersTest {
  private static byte[] resource(String name) throws IOException {
    try (InputStream in = StatementParsersTest.class.getResourceAsStream("/cash/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void camt053KeepsCreditsWithPayerAndRemittanceAndSkipsDebits() throws IOException {
    BankStatementFile file = StatementParsers.parse(resource("camt053-sample.xml"));
    assertEquals(Format.CAMT053, file.format());
    assertEquals("STMT-2026-11-30", file.statementId());
    assertEquals("FR7630006000011234567890189", file.account());
    assertEquals(2, file.lines().size(), "the debit entry is left out");
    Line first = file.lines().get(0);
    assertEquals("E-0001", first.entryRef());
    assertEquals(new BigDecimal("1250.00"), first.amount());
    assertEquals("EUR", first.currency());
    assertEquals("Durand SARL", first.payerName());
    assertEquals("FR7612345000019876543210123", first.payerAccount());
    assertTrue(first.reference().contains("inv-000123"), first.reference());
    assertEquals(LocalDate.of(2026, 11, 30), first.bookingDate());
    Line second = file.lines().get(1);
    assertEquals(
        "BANK-REF-3",
        second.entryRef(),
        "without NtryRef the bank's own reference identifies the entry");
    assertEquals(
        "Martin & Fils", second.payerName(), "camt.053.001.08 and later put the name under Pty");
    assertTrue(second.reference().contains("INV-000200"), "structured remittance is read too");
  }

  @Test
  void mt940ReadsStatementLinesAndTheirInformation() throws IOException {
    BankStatementFile file = StatementParsers.parse(resource("mt940-sample.txt"));
    assertEquals(Format.MT940, file.format());
    assertEquals("STMT20261201/00042/001", file.statementId());
    assertEquals(2, file.lines().size(), "the charges debit is left out");
    Line first = file.lines().get(0);
    assertEquals("BANKREF1", first.entryRef());
    assertEquals(new BigDecimal("1250.00"), first.amount());
    assertEquals("EUR", first.currency());
    assertEquals("Durand SARL", first.payerName());
    assertEquals("FR7612345000019876543210123", first.payerAccount());
    assertTrue(first.reference().contains("INV-000123 INV-000124"), first.reference());
    assertEquals(LocalDate.of(2026, 12, 1), first.bookingDate());
    assertTrue(file.lines().get(1).reference().contains("INV000200"));
  }

  @Test
  void csvOfBankLines() throws IOException {
    BankStatementFile file = StatementParsers.parse(resource("bank-lines.csv"));
    assertEquals(Format.CSV, file.format());
    assertEquals("CSV-2026-12-02", file.statementId());
    assertEquals(2, file.lines().size());
    assertEquals("L2", file.lines().get(1).entryRef());
  }

  @Test
  void sameFileSameEntryReferences() throws IOException {
    assertEquals(
        StatementParsers.parse(resource("mt940-sample.txt")),
        StatementParsers.parse(resource("mt940-sample.txt")));
  }

  @Test
  void entriesWithoutReferenceAreNumberedByPosition() {
    String xml =
        """
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Id>S1</Id>
        <Acct><Id><Othr><Id>12345678</Id></Othr></Id></Acct>
        <Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-12-01</Dt></BookgDt></Ntry>
        <Ntry><Amt Ccy="EUR">11.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-12-01</Dt></BookgDt></Ntry>
        </Stmt></BkToCstmrStmt></Document>""";
    BankStatementFile file = StatementParsers.parse(xml.getBytes(StandardCharsets.UTF_8));
    assertEquals("#1", file.lines().get(0).entryRef());
    assertEquals("#2", file.lines().get(1).entryRef());
  }

  @Test
  void badFilesAreRejectedWithReasons() {
    assertThrows(StatementRejected.class, () -> StatementParsers.parse(new byte[0]));
    assertThrows(
        StatementRejected.class,
        () -> StatementParsers.parse("hello".getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        StatementRejected.class,
        () -> StatementParsers.parse("<Document><a>".getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        StatementRejected.class,
        () ->
            StatementParsers.parse(
                "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"/>"
                    .getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        StatementRejected.class,
        () ->
            StatementParsers.parse(
                "{1:F01BANKFRPPAXXX0000000000}{2:I940BANKFRPPXXXXN}{4:\n:25:X\n-}"
                    .getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aDoctypeIsRefused() {
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">&x;</Document>";
    assertThrows(
        StatementRejected.class,
        () -> StatementParsers.parse(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyBadCsvRowIsReported() {
    String csv =
        String.join(
            "\n",
            String.join(",", StatementParsers.CSV_COLUMNS),
            "FR7630006000011234567890189,S,L1,2026-13-01,10.00,EUR,,,",
            "FR7630006000011234567890189,S,L1,2026-12-01,12345678901234567.00,EUR,,,",
            "FR7630006000011234567890189,S,L3,2026-12-01,1.00,XYZ,,,");
    StatementRejected e =
        assertThrows(
            StatementRejected.class,
            () -> StatementParsers.parse(csv.getBytes(StandardCharsets.UTF_8)));
    assertEquals(4, e.errors().size(), e.errors().toString());
  }

  @Test
  void camtWithABadAmountIsRejected() {
    String xml =
        """
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>S1</Id>
        <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></Acct>
        <Ntry><Amt Ccy="EUR">1e9</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-12-01</Dt></BookgDt></Ntry>
        </Stmt></BkToCstmrStmt></Document>""";
    StatementRejected e =
        assertThrows(
            StatementRejected.class,
            () -> StatementParsers.parse(xml.getBytes(StandardCharsets.UTF_8)));
    assertEquals("Ntry/Amt", e.errors().get(0).field());
  }

  @Test
  void aCreditOfNothingIsAnErrorOfTheFileNotOfTheDatabase() {
    String camt =
        """
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>S1</Id>
        <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></Acct>
        <Ntry><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-12-01</Dt></BookgDt></Ntry>
        <Ntry><Amt Ccy="EUR">-5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-12-01</Dt></BookgDt></Ntry>
        <Ntry><Amt Ccy="EUR">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-12-01</Dt></BookgDt></Ntry>
        </Stmt></BkToCstmrStmt></Document>""";
    StatementRejected c =
        assertThrows(
            StatementRejected.class,
            () -> StatementParsers.parse(camt.getBytes(StandardCharsets.UTF_8)));
    assertEquals(2, c.errors().size(), c.errors().toString());
    assertEquals("Ntry/Amt", c.errors().get(0).field());
    assertTrue(c.errors().get(0).message().contains("more than zero"), c.errors().toString());

    String mt940 =
        """
        {1:F01BANKFRPPAXXX0000000000}{2:I940BANKFRPPXXXXN}{4:
        :20:STMT20261201
        :25:FR7630006000011234567890189
        :28C:00042/001
        :60F:C261130EUR10000,00
        :61:2612011201C0,00NTRFREF1//BANKREF1
        :86:/ORDP/Durand SARL/REMI/INV-000123
        :62F:C261201EUR10000,00
        -}""";
    StatementRejected m =
        assertThrows(
            StatementRejected.class,
            () -> StatementParsers.parse(mt940.getBytes(StandardCharsets.UTF_8)));
    assertEquals(":61:", m.errors().get(0).field(), m.errors().toString());
    assertTrue(m.errors().get(0).message().contains("more than zero"), m.errors().toString());
  }
}
