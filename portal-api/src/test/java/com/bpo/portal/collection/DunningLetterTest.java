package com.bpo.portal.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.Money;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DunningLetterTest {
  private static Notice notice(String language, String template) {
    return new Notice(
        1,
        2,
        LocalDate.of(2026, 11, 27),
        3,
        "G-2001",
        "Hank Scorpio Ventures",
        2,
        StepAction.LETTER,
        template,
        true,
        language,
        Money.of("1234.50", "EUR"),
        "PROPOSED",
        null,
        null,
        null,
        List.of(
            new Notice.Line(
                10, "INV-0001", LocalDate.of(2026, 10, 1), Money.of("1000.00", "EUR"), 57, null),
            new Notice.Line(
                11, "INV-0002", LocalDate.of(2026, 10, 20), Money.of("234.50", "EUR"), 38, null),
            new Notice.Line(
                12,
                "INV-0003",
                LocalDate.of(2026, 10, 25),
                Money.of("99.00", "EUR"),
                33,
                Exclusion.DISPUTED)));
  }

  private static String text(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      return new PdfTextExtractor(reader).getTextFromPage(1);
    } finally {
      reader.close();
    }
  }

  @Test
  void aFrenchLetterListsTheChasedInvoicesAndTheirTotalInFrench() throws IOException {
    byte[] pdf =
        DunningLetter.render(
            notice("fr", "second_reminder"), "Globex Corporation", LocalDate.of(2026, 11, 27));
    Path out = Path.of("target", "dunning-letter-fr.pdf");
    Files.createDirectories(out.getParent());
    Files.write(out, pdf); // for a person to look at
    String text = text(pdf);
    assertTrue(text.contains("Deuxième relance de paiement"), text);
    assertTrue(text.contains("INV-0001") && text.contains("INV-0002"), text);
    assertFalse(text.contains("INV-0003"), "a disputed invoice is not asked for: " + text);
    assertTrue(text.contains("Total dû"), text);
    assertTrue(
        text.replace('\u00A0', ' ').replaceAll(" +", " ").contains("1 234,50"),
        "digits grouped as French groups them: " + text);
    assertTrue(text.contains("27 novembre 2026"), text);
  }

  @Test
  void anEnglishLetterWithAnUnknownTemplateUsesTheDefaultTitle() throws IOException {
    String text =
        text(
            DunningLetter.render(
                notice("en", "no_such_template"), "Acme", LocalDate.of(2026, 11, 27)));
    assertTrue(text.contains("Payment reminder") && text.contains("Total due"), text);
    assertTrue(text.contains("€1,234.50"), text);
  }

  @Test
  void theLanguageIsFrenchOnlyForFr() {
    assertEquals(Locale.FRENCH.getLanguage(), DunningLetter.locale("fr").getLanguage());
    assertEquals("en", DunningLetter.locale("de").getLanguage());
  }
}
