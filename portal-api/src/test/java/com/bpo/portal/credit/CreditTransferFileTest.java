package com.bpo.portal.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.credit.CreditTransferFile.Debtor;
import com.bpo.portal.credit.CreditTransferFile.Transfer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreditTransferFileTest {
  private static final Debtor CLIENT =
      new Debtor("Acme Industries SA", new Iban("FR1420041010050500013M02606"), null);

  private static String refund(String amount) {
    return CreditTransferFile.pain001(
        "RF-000123",
        OffsetDateTime.of(2026, 12, 4, 10, 15, 30, 0, ZoneOffset.UTC),
        LocalDate.of(2026, 12, 7),
        CLIENT,
        new Transfer(
            "RF-000123",
            "Dupont & Fils",
            new Iban("DE89370400440532013000"),
            new BigDecimal(amount),
            "EUR",
            "Refund of overpayment <on account>"));
  }

  @Test
  void aRefundIsOnePain001CreditTransferThatValidatesAgainstTheSchema() {
    String xml = refund("1250.5");
    assertEquals(Optional.empty(), CreditTransferSchema.problem(xml), xml);
    assertTrue(xml.contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"), xml);
    assertTrue(xml.contains("<IBAN>DE89370400440532013000</IBAN>"), xml);
    assertTrue(xml.contains("<InstdAmt Ccy=\"EUR\">1250.50</InstdAmt>"), xml);
    assertTrue(xml.contains("<CtrlSum>1250.50</CtrlSum>"), xml);
    assertTrue(xml.contains("<EndToEndId>RF-000123</EndToEndId>"), xml);
    assertTrue(xml.contains("Dupont &amp; Fils"), "escaped: " + xml);
  }

  @Test
  void theSchemaRefusesAMissingOrMisplacedElementAWrongTypeOrAnotherNamespace() {
    String xml = refund("10");
    assertEquals(Optional.empty(), CreditTransferSchema.problem(xml));
    assertTrue(
        CreditTransferSchema.problem(xml.replaceFirst("<MsgId>RF-000123</MsgId>", "")).isPresent());
    assertTrue(
        CreditTransferSchema.problem(
                xml.replaceFirst("<NbOfTxs>1</NbOfTxs>", "")
                    .replaceFirst("</CtrlSum>", "</CtrlSum><NbOfTxs>1</NbOfTxs>"))
            .isPresent(),
        "order");
    assertTrue(
        CreditTransferSchema.problem(
                xml.replace("<CtrlSum>10.00</CtrlSum>", "<CtrlSum>ten</CtrlSum>"))
            .isPresent());
    assertTrue(
        CreditTransferSchema.problem(
                xml.replace(
                    "<ReqdExctnDt>2026-12-07</ReqdExctnDt>",
                    "<ReqdExctnDt>07.12.2026</ReqdExctnDt>"))
            .isPresent());
    assertTrue(
        CreditTransferSchema.problem(xml.replace("pain.001.001.03", "pain.001.001.09"))
            .isPresent());
    assertTrue(
        CreditTransferSchema.problem(xml.replace("<Cdtr>", "<Cdtr xmlns=\"urn:other\">"))
            .isPresent());
  }
}
