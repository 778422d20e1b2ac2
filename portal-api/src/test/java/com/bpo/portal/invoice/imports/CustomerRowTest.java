package com.bpo.portal.invoice.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.bpo.portal.shared.Problem.FieldError;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CustomerRowTest {
  private static final String HEADER = String.join(",", CustomerRow.COLUMNS) + ",collector";

  private static CSVRecord record(String header, String line) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setTrim(true)
        .get()
        .parse(new StringReader(header + "\n" + line))
        .getRecords()
        .get(0);
  }

  private static CustomerRow good(String header, String line) throws IOException {
    List<FieldError> errors = new ArrayList<>();
    CustomerRow row = CustomerRow.parse(record(header, line), 1, errors);
    assertNotNull(row, errors.toString());
    return row;
  }

  private static List<String> fieldsInError(String line) throws IOException {
    List<FieldError> errors = new ArrayList<>();
    assertNull(CustomerRow.parse(record(HEADER, line), 4, errors));
    errors.forEach(e -> assertEquals(4, e.row()));
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void aGoodRowKeepsItsValues() throws IOException {
    CustomerRow row = good(HEADER, "C-1,\"Dupont & Fils, SARL\",FR,EUR,45,25000.00,agent.acme");
    assertEquals(
        new CustomerRow(
            1,
            "C-1",
            "Dupont & Fils, SARL",
            "FR",
            "EUR",
            45,
            new BigDecimal("25000.00"),
            "agent.acme",
            true),
        row);
  }

  @Test
  void theCollectorIsOptionalAsAValueAndAsAColumn() throws IOException {
    assertNull(good(HEADER, "C-1,Dupont,FR,EUR,0,0,").collector());
    assertNull(good(String.join(",", CustomerRow.COLUMNS), "C-1,Dupont,FR,EUR,365,0").collector());
  }

  @Test
  void everyBadFieldOfARowIsReported() throws IOException {
    assertEquals(
        List.of(
            "customer_number", "name", "country", "currency", "payment_terms_days", "credit_limit"),
        fieldsInError(",,FRA,EURO,30.5,-1,agent.acme"));
  }

  @Test
  void aTwoLetterCodeThatIsNoCountryIsRefused() throws IOException {
    assertEquals(List.of("country"), fieldsInError("C-1,Dupont,XX,EUR,30,0,"));
    assertEquals(List.of("country"), fieldsInError("C-1,Dupont,fr,EUR,30,0,"));
  }

  @Test
  void paymentTermsRunFromZeroTo365Days() throws IOException {
    assertEquals(List.of("payment_terms_days"), fieldsInError("C-1,Dupont,FR,EUR,366,0,"));
    assertEquals(List.of("payment_terms_days"), fieldsInError("C-1,Dupont,FR,EUR,-1,0,"));
    assertEquals(365, good(HEADER, "C-1,Dupont,FR,EUR,365,0,").paymentTermsDays());
  }

  @Test
  void aCreditLimitIsInCentsAndNotNegative() throws IOException {
    assertEquals(List.of("credit_limit"), fieldsInError("C-1,Dupont,FR,EUR,30,10.001,"));
    assertEquals(List.of("credit_limit"), fieldsInError("C-1,Dupont,FR,EUR,30,-0.01,"));
  }

  private static CustomerRow.Stored stored(
      String name, BigDecimal creditLimit, String collector, boolean invoiced) {
    return new CustomerRow.Stored(name, "FR", "EUR", 30, creditLimit, collector, invoiced);
  }

  @Test
  void differencesFromAnAccountAlreadyThereNameTheFieldsThatDiffer() throws IOException {
    CustomerRow row = good(HEADER, "C-1,Dupont,FR,EUR,30,1000,");
    assertEquals(
        List.of(), row.differences(stored("Dupont", new BigDecimal("1000.00"), null, true)));
    assertEquals(
        List.of("name", "credit_limit", "collector"),
        row.differences(stored("Durand", new BigDecimal("999.99"), "agent.acme", true)));
  }

  @Test
  void aNewNumberIsCreatedTheSameAccountUnchangedAndAChangedOneUpdatedInWhatChanged()
      throws IOException {
    CustomerRow row = good(HEADER, "C-1,Dupont,FR,EUR,30,1000,");
    assertEquals(Sync.CREATE, row.sync(null));
    assertEquals(Sync.UNCHANGED, row.sync(stored("Dupont", new BigDecimal("1000"), null, true)));
    Sync sync = row.sync(stored("Dupont", new BigDecimal("500.00"), null, true));
    assertEquals(Sync.Action.UPDATE, sync.action());
    assertEquals(List.of("credit_limit"), sync.changed());
  }

  @Test
  void withoutTheCollectorColumnTheCollectorTheBpoAssignedIsKept() throws IOException {
    CustomerRow row = good(String.join(",", CustomerRow.COLUMNS), "C-1,Dupont,FR,EUR,30,1000");
    assertEquals(
        Sync.UNCHANGED, row.sync(stored("Dupont", new BigDecimal("1000"), "agent.acme", true)));
    CustomerRow emptied = good(HEADER, "C-1,Dupont,FR,EUR,30,1000,");
    assertEquals(
        List.of("collector"),
        emptied.sync(stored("Dupont", new BigDecimal("1000"), "agent.acme", true)).changed());
  }

  @Test
  void theCurrencyOfAnAccountWithInvoicesOrPaymentsNeverChanges() throws IOException {
    CustomerRow row = good(HEADER, "C-1,Dupont,FR,USD,30,1000,");
    Sync refused = row.sync(stored("Dupont", new BigDecimal("1000"), null, true));
    assertEquals(Sync.Action.REFUSE, refused.action());
    assertEquals("currency", refused.field());
    assertEquals(
        "customer 'C-1' has invoices or payments in EUR; its currency never changes",
        refused.reason());
    assertEquals(
        List.of("currency"),
        row.sync(stored("Dupont", new BigDecimal("1000"), null, false)).changed());
  }
}
