package com.bpo.portal.invoice.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.Problem.FieldError;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class InvoiceRowTest {
  private static final String HEADER = String.join(",", InvoiceRow.COLUMNS);

  private static CSVRecord record(String line) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setTrim(true)
        .get()
        .parse(new StringReader(HEADER + "\n" + line))
        .getRecords()
        .get(0);
  }

  private static List<String> fieldsInError(String line) throws IOException {
    List<FieldError> errors = new ArrayList<>();
    assertNull(InvoiceRow.parse(record(line), 7, errors));
    errors.forEach(e -> assertEquals(7, e.row()));
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void aGoodRowComputesItsLineNetAndTaxInCents() throws IOException {
    List<FieldError> errors = new ArrayList<>();
    InvoiceRow row =
        InvoiceRow.parse(
            record("INV-1,A-1,2026-11-01,2026-12-01,EUR,1,Hours,7.5,33.333,0.2,300.00"), 1, errors);
    assertNotNull(row, errors.toString());
    assertEquals(new BigDecimal("250.00"), row.net()); // 7.5 × 33.333 = 249.9975, half up
    assertEquals(new BigDecimal("50.00"), row.tax());
  }

  @Test
  void everyBadFieldOfARowIsReported() throws IOException {
    assertEquals(
        List.of(
            "invoice_number",
            "issue_date",
            "currency",
            "line_no",
            "quantity",
            "unit_price",
            "invoice_total"),
        fieldsInError(",A-1,yesterday,2026-12-01,EURO,0,Hours,0,-1,0.2,1.234"));
  }

  @Test
  void aDueDateBeforeTheIssueDateIsRefused() throws IOException {
    assertEquals(
        List.of("due_date"), fieldsInError("INV-1,A-1,2026-11-02,2026-11-01,EUR,1,X,1,1,0,1"));
  }

  @Test
  void aTaxRateIsAFractionBelowOne() throws IOException {
    assertEquals(
        List.of("tax_rate"), fieldsInError("INV-1,A-1,2026-11-01,2026-12-01,EUR,1,X,1,1,20,1"));
  }

  @Test
  void aThreeLetterCodeThatIsNoCurrencyIsRefused() throws IOException {
    assertEquals(
        List.of("currency"), fieldsInError("INV-1,A-1,2026-11-01,2026-12-01,ABC,1,X,1,1,0,1"));
  }

  @Test
  void numbersInExponentNotationOrTooLongAreRefusedQuickly() throws IOException {
    long start = System.nanoTime();
    assertEquals(
        List.of("quantity", "unit_price", "invoice_total"),
        fieldsInError(
            "INV-1,A-1,2026-11-01,2026-12-01,EUR,1,X,1E+1000000,12345678901234567890,0,1E+20"));
    assertTrue(System.nanoTime() - start < 500_000_000L);
  }
}
