package com.bpo.portal.invoice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.Money;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StatementPdfTest {
  private static final CustomerAccountSummary CUSTOMER = customer();

  @Test
  void aStatementShowsTheBalanceBroughtForwardEachMovementAndTheBalanceDue() throws IOException {
    Statement statement =
        new Statement(
            CUSTOMER,
            LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 11, 30),
            usd("100.00"),
            List.of(
                new Statement.Entry(
                    LocalDate.of(2026, 11, 4),
                    Statement.Kind.INVOICE,
                    "INV-7",
                    usd("250.00"),
                    usd("350.00")),
                new Statement.Entry(
                    LocalDate.of(2026, 11, 9),
                    Statement.Kind.PAYMENT,
                    "PAY-3",
                    usd("-100.00"),
                    usd("250.00"))),
            usd("250.00"));
    String text =
        text(
            StatementPdf.render(
                statement, "Acme Industries", LocalDate.of(2026, 12, 4), Locale.US));
    assertTrue(text.contains("Balance brought forward") && text.contains("$100.00"), text);
    assertTrue(
        text.contains("INV-7") && text.contains("Payment received") && text.contains("PAY-3"),
        text);
    assertTrue(
        text.contains("Balance due at the end of the period") && text.contains("$250.00"), text);
    assertTrue(text.contains("November 1, 2026 to November 30, 2026"), text);
  }

  @Test
  void inFrenchTheWordsAndMonthsAreFrench() throws IOException {
    Statement statement =
        new Statement(
            CUSTOMER,
            LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 11, 30),
            usd("0.00"),
            List.of(),
            usd("0.00"));
    String text =
        text(StatementPdf.render(statement, "Acme", LocalDate.of(2026, 12, 4), Locale.FRENCH));
    assertTrue(
        text.contains("Relevé de compte")
            && text.contains("novembre 2026")
            && text.contains("Aucun mouvement"),
        text);
  }

  private static String text(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    StringBuilder all = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      all.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
    }
    return all.toString();
  }

  private static Money usd(String amount) {
    return new Money(new BigDecimal(amount), "USD");
  }

  private static CustomerAccountSummary customer() {
    return new CustomerAccountSummary(
        1L, "A-1001", "Wile E. Coyote Supplies", "US", "USD", 30, new BigDecimal("50000.00"), null);
  }
}
