package com.bpo.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvOutTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "=cmd|' /C calc'!A0",
        "+1+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+9)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
        "=HYPERLINK(\"http://x\")",
        "-",
        "+"
      })
  void textThatASpreadsheetWouldRunIsPrefixedWithAQuote(String text) {
    assertEquals("'" + text, CsvOut.cell(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Acme Ltd", "-12.50", "+7", "12", "2026-11-23", "ACME-1", " =not first", ""})
  void ordinaryTextAndPlainNumbersAreLeftAlone(String text) {
    assertEquals(text, CsvOut.cell(text));
  }

  @Test
  void numbersAreWrittenPlainAndNullIsEmpty() {
    assertEquals("-1000000", CsvOut.cell(new BigDecimal("-1E+6")));
    assertEquals("-3", CsvOut.cell(-3));
    assertNull(CsvOut.cell(null));
  }

  @Test
  void aRowIsQuotedAsRfc4180AndNeutralised() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CsvOut csv = CsvOut.to(out, "name", "amount", "date")) {
      csv.row("=cmd|' /C calc'!A0", new BigDecimal("-12.50"), LocalDate.of(2026, 11, 23));
      csv.row("Smith, \"Jr\"", null, "@x");
    }
    assertEquals(
        "name,amount,date\r\n'=cmd|' /C calc'!A0,-12.50,2026-11-23\r\n\"Smith, \"\"Jr\"\"\",,'@x\r\n",
        out.toString(StandardCharsets.UTF_8));
  }
}
