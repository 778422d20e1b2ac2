package com.bpo.portal.invoice.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.bpo.portal.shared.Problem.FieldError;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class PaymentRowTest {
  private static final String HEADER = String.join(",", PaymentRow.COLUMNS);

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

  private static PaymentRow good(String line) throws IOException {
    List<FieldError> errors = new ArrayList<>();
    PaymentRow row = PaymentRow.parse(record(line), 1, errors);
    assertNotNull(row, errors.toString());
    return row;
  }

  private static List<String> fieldsInError(String line) throws IOException {
    List<FieldError> errors = new ArrayList<>();
    assertNull(PaymentRow.parse(record(line), 3, errors));
    errors.forEach(e -> assertEquals(3, e.row()));
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void aGoodRowKeepsItsAmountsInCents() throws IOException {
    PaymentRow row = good("PAY-1,A-1,2026-11-20,USD,1200,INV-1,200.5");
    assertEquals(
        new PaymentRow(
            1,
            "PAY-1",
            "A-1",
            LocalDate.parse("2026-11-20"),
            "USD",
            new BigDecimal("1200.00"),
            "INV-1",
            new BigDecimal("200.50")),
        row);
  }

  @Test
  void rowsOfOnePaymentAgreeWhateverTheyWriteTheAmountAs() throws IOException {
    assertEquals(
        good("PAY-1,A-1,2026-11-20,USD,1200,INV-1,100").header(),
        good("PAY-1,A-1,2026-11-20,USD,1200.00,INV-2,200").header());
  }

  @Test
  void everyBadFieldOfARowIsReported() throws IOException {
    assertEquals(
        List.of(
            "payment_reference",
            "received_on",
            "currency",
            "amount",
            "invoice_number",
            "applied_amount"),
        fieldsInError(",A-1,20/11/2026,usd,0,,-5"));
  }

  @Test
  void amountsAreInCents() throws IOException {
    assertEquals(
        List.of("amount", "applied_amount"),
        fieldsInError("PAY-1,A-1,2026-11-20,USD,10.001,INV-1,1.234"));
  }

  @Test
  void aRowCannotApplyMoreThanItsPayment() throws IOException {
    assertEquals(
        List.of("applied_amount"), fieldsInError("PAY-1,A-1,2026-11-20,USD,100.00,INV-1,100.01"));
    assertEquals(
        new BigDecimal("100.00"),
        good("PAY-1,A-1,2026-11-20,USD,100,INV-1,100.00").appliedAmount());
  }
}
