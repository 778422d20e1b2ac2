package com.bpo.portal.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReasonTest {
  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = ReasonTest.class.getResourceAsStream("/com/bpo/portal/cash/" + name)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void englishAndFrenchHoldTheSameKeysWithTheSameArguments() throws IOException {
    Properties en = bundle("reasons.properties");
    Properties fr = bundle("reasons_fr.properties");
    assertEquals(en.stringPropertyNames(), fr.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      int enArgs = new MessageFormat(en.getProperty(key)).getFormatsByArgumentIndex().length;
      int frArgs = new MessageFormat(fr.getProperty(key)).getFormatsByArgumentIndex().length;
      assertEquals(enArgs, frArgs, key);
      if (!en.getProperty(key).equals("{0}")) {
        assertNotEquals(en.getProperty(key), fr.getProperty(key), "not translated: " + key);
      }
    }
  }

  @Test
  void everyKeyTheCodeWritesIsInTheBundle() throws IOException {
    Set<String> used = new TreeSet<>();
    // Reason.of("key", ...), .and("key", ...), of("key") inside Reason, and the "one-of-..." keys
    Pattern key =
        Pattern.compile(
            "(?:Reason\\.of|\\.and|(?<![\\w.])of)\\(\\s*\"([a-z-]+)\"|\"(one-of-[a-z-]+)\"");
    try (Stream<Path> files = Files.list(Path.of("src/main/java/com/bpo/portal/cash"))) {
      for (Path file : files.toList()) {
        Matcher m = key.matcher(Files.readString(file));
        while (m.find()) {
          used.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
      }
    }
    assertTrue(used.size() > 20, "the scan found the keys: " + used);
    Set<String> known = bundle("reasons.properties").stringPropertyNames();
    for (String k : used) {
      assertTrue(known.contains(k), "no words for " + k);
    }
  }

  @Test
  void aReasonIsSaidInTheUsersLanguageWithItsNumbersFormattedAsThere() {
    Reason r =
        Reason.of("payer-by-account")
            .and("invoice-open-for-amount", "INV-7")
            .and("short", new BigDecimal("1234.50"));
    assertEquals(
        "payer recognised by bank account; invoice INV-7 is open for the amount; "
            + "short by 1,234.50, which stays open as a deduction",
        r.english());
    String french = r.in(Locale.FRENCH);
    assertTrue(
        french.startsWith("payeur reconnu par son compte bancaire; le solde de la facture INV-7"),
        french);
    assertTrue(french.matches(".*moins-perçu de 1\\S234,50, laissé ouvert.*"), french);
    // a language the bundle lacks gets English
    assertEquals(r.english(), r.in(Locale.JAPANESE));
  }

  @Test
  void quotesInThePatternsAreSaidAsApostrophes() {
    assertEquals(
        "the payer's name was learned from another customer's payments",
        Reason.of("learned-elsewhere").english());
    assertTrue(
        Reason.of("remittance", "INV-1")
            .in(Locale.FRENCH)
            .startsWith("l'avis de paiement mentionne"));
  }

  @Test
  void englishIsEnglishWhateverTheServersOwnLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.FRENCH);
      assertEquals("payer not recognised", Reason.of("payer-unknown").english());
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void aPersonsNoteIsKeptAsWrittenEvenWithBracesAndQuotes() {
    Reason r = Reason.of("manual-on-account").and(Reason.verbatim("call {0} back, it's 'urgent'"));
    assertEquals("put on account by hand; call {0} back, it's 'urgent'", r.english());
    assertEquals(r, Reason.stored(r.encoded(), "ignored"));
  }

  @Test
  void whatIsStoredReadsBackAsTheSameClauses() {
    Random random = new Random(7);
    List<String> keys = new ArrayList<>(List.of("remittance", "short", "written-off", "text"));
    for (int i = 0; i < 500; i++) {
      Reason r = new Reason(List.of());
      for (int c = random.nextInt(4); c >= 0; c--) {
        String k = keys.get(random.nextInt(keys.size()));
        r =
            switch (k) {
              case "short" -> r.and(k, BigDecimal.valueOf(random.nextLong(), random.nextInt(4)));
              case "written-off" ->
                  r.and(k, BigDecimal.valueOf(random.nextInt(), 2), new BigDecimal("5.00"));
              default -> r.and(k, "INV-" + random.nextInt() + "\"\\é\n\t\u0001\u001f😀");
            };
      }
      assertEquals(r, Reason.stored(r.encoded(), "ignored"), r.encoded());
    }
  }

  @Test
  void aReasonStoredBeforeItsClausesIsShownAsItsText() {
    assertEquals("legacy words", Reason.stored(null, "legacy words").in(Locale.FRENCH));
    assertEquals("legacy words", Reason.stored("not json [", "legacy words").english());
    assertEquals("t", Reason.stored("[[\"short\",\"x\",[1]]]", "t").english());
    // a clause whose arguments do not fit its words is shown, not thrown
    assertTrue(Reason.stored("[[\"short\",\"x\"]]", "t").english().contains("x"));
  }

  @Test
  void nothingFitsSaysWhichNumbersAndWhetherThePayerIsKnown() {
    assertEquals(
        "no invoice number in the reference; payer not recognised",
        Reason.nothingFits("rent for May", false, BigDecimal.TEN).english());
    String some = Reason.nothingFits("INV-000123", true, new BigDecimal("10.00")).english();
    assertTrue(some.startsWith("no open invoice numbered "), some);
    assertTrue(some.endsWith("for 10.00"), some);
  }
}
