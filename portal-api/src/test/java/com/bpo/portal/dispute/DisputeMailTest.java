package com.bpo.portal.dispute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisputeMailTest {
  private static final String NBSP = "\u00A0";
  private static final String NARROW_NBSP = "\u202F";

  private final DisputeMail mail = new DisputeMail();

  private static DisputeMail.Facts facts(String locale) {
    return new DisputeMail.Facts(
        "Acme Distribution",
        locale,
        "D-42",
        "PRICE",
        Money.of("1234.50", "EUR"),
        Money.of("400.00", "EUR"),
        Outcome.PARTLY_ACCEPTED,
        LocalDate.parse("2025-03-12"));
  }

  @Test
  void aFrenchTenantsCustomerIsToldInFrenchWithFrenchMoneyAndDate() {
    assertEquals(
        "Nous avons bien reçu votre litige D-42 portant sur 1"
            + NARROW_NBSP
            + "234,50"
            + NBSP
            + "€.\n\n"
            + "Nous vous répondrons au plus tard le 12 mars 2025. Vous pouvez le suivre et répondre dans le portail.",
        mail.newDisputeForCustomer(facts("fr")));
  }

  @Test
  void anEnglishTenantsCustomerIsToldInEnglishWithEnglishMoneyAndDate() {
    assertEquals(
        "We received your dispute D-42 about €1,234.50.\n\n"
            + "We will respond by March 12, 2025. You can follow it and reply in the portal.",
        mail.newDisputeForCustomer(facts("en")));
  }

  @Test
  void theSubjectNamesTheDisputeAndTheTenantInTheTenantsLanguage() {
    assertEquals("Litige D-42 reçu (Acme Distribution)", mail.newDisputeSubject(facts("fr")));
    assertEquals("Dispute D-42 received (Acme Distribution)", mail.newDisputeSubject(facts("en")));
  }

  @Test
  void aRegionalFrenchLocaleGetsTheFrenchWordsAndItsOwnMoneyFormat() {
    DisputeMail.Facts canadian =
        new DisputeMail.Facts(
            "Acme",
            "fr-CA",
            "D-42",
            "PRICE",
            Money.of("1234.50", "CAD"),
            Money.of("0.00", "CAD"),
            null,
            LocalDate.parse("2025-03-12"));
    String text = mail.newDisputeForTeam(canadian);
    assertTrue(text.startsWith("Un nouveau litige D-42 a été ouvert."), text);
    assertTrue(text.contains("Montant contesté : 1" + NBSP + "234,50" + NBSP + "$"), text);
  }

  @Test
  void theResolutionTellsTheOutcomeAndTheSettledAmountInFrench() {
    assertEquals(
        "Le litige D-42 est résolu.\n\nDécision : accepté en partie\n"
            + "Montant crédité ou passé en perte : 400,00"
            + NBSP
            + "€\n\nNous créditons le prix convenu.\n\n"
            + "Le nouveau solde est visible dans le portail.",
        mail.resolvedForCustomer(facts("fr"), "Nous créditons le prix convenu."));
  }

  @Test
  void theResolutionTellsTheOutcomeAndTheSettledAmountInEnglish() {
    assertEquals(
        "Dispute D-42 is resolved.\n\nOutcome: partly accepted\nCredited or written off: €400.00\n\n"
            + "We credit the agreed price.\n\nThe new balance is shown in the portal.",
        mail.resolvedForCustomer(facts("en"), "We credit the agreed price."));
  }

  @Test
  void theApostropheOfTheFrenchQuestionSubjectSurvivesMessageFormat() {
    assertEquals(
        "Litige D-42 : nous avons besoin d'informations", mail.questionSubject(facts("fr")));
  }

  @Test
  void whatPeopleWriteIsPassedOnVerbatimEvenWithApostrophesAndBraces() {
    String question = "Pouvez-vous joindre l'avoir {0} n° '7' ?";
    assertEquals(
        "Pour résoudre le litige D-42, nous avons besoin de votre réponse :\n\n"
            + question
            + "\n\nMerci de répondre dans le portail.",
        mail.questionForCustomer(facts("fr"), question));
    String reply = "It's {1} the customer's copy";
    assertEquals(
        "The customer replied on dispute D-42:\n\n" + reply, mail.replyForTeam(facts("en"), reply));
  }

  @Test
  void theTeamIsToldTheReasonAndAmountOfANewDispute() {
    String text = mail.newDisputeForTeam(facts("en"));
    assertTrue(
        text.startsWith(
            "A new dispute D-42 was raised.\n\nReason: PRICE\nDisputed amount: €1,234.50\n\n"),
        text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr"})
  void everyMailIsInTheOneLanguageWithAllItsPlaceholdersFilled(String locale) {
    DisputeMail.Facts f = facts(locale);
    List<String> texts =
        List.of(
            mail.newDisputeSubject(f),
            mail.newDisputeForTeam(f),
            mail.newDisputeForCustomer(f),
            mail.questionSubject(f),
            mail.questionForCustomer(f, "note"),
            mail.replySubject(f),
            mail.replyForTeam(f, "note"),
            mail.resolvedSubject(f),
            mail.resolvedForCustomer(f, "note"),
            mail.reopenedSubject(f),
            mail.reopenedForTeam(f, "note"));
    for (String text : texts) {
      assertTrue(text.contains("D-42"), text);
      assertFalse(text.contains("{") || text.contains("}"), text);
      // the French bundle says "litige" everywhere, the English one "dispute"
      assertTrue(
          text.toLowerCase(Locale.ROOT).contains(locale.equals("fr") ? "litige" : "dispute"), text);
    }
  }

  @Test
  void everyOutcomeHasAWordInBothLanguages() {
    for (Outcome outcome : Outcome.values()) {
      assertNotNull(
          bundle("dispute.properties").getProperty("outcome." + outcome.name()), outcome.name());
      assertNotNull(
          bundle("dispute_fr.properties").getProperty("outcome." + outcome.name()), outcome.name());
    }
  }

  @Test
  void theFrenchBundleHasEveryKeyWithTheSamePlaceholders() {
    Properties english = bundle("dispute.properties");
    Properties french = bundle("dispute_fr.properties");
    assertEquals(english.stringPropertyNames(), french.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      assertEquals(
          placeholders(english.getProperty(key)), placeholders(french.getProperty(key)), key);
    }
  }

  @Test
  void everyApostropheInTheFrenchBundleSurvivesMessageFormat() {
    assertApostrophesSurvive(bundle("dispute_fr.properties"), Locale.FRENCH);
  }

  @Test
  void everyApostropheInTheEnglishBundleSurvivesMessageFormat() {
    assertApostrophesSurvive(bundle("dispute.properties"), Locale.ENGLISH);
  }

  /**
   * With placeholders filled by markers, the text must read as written, a doubled '' standing for
   * one.
   */
  private static void assertApostrophesSurvive(Properties bundle, Locale locale) {
    Function<Integer, String> marker = i -> "<" + i + ">";
    for (String key : bundle.stringPropertyNames()) {
      String pattern = bundle.getProperty(key);
      Object[] args = Stream.iterate(0, i -> i + 1).limit(10).map(marker).toArray();
      String expected = pattern.replace("''", "'");
      for (int i = 0; i < 10; i++) {
        expected = expected.replace("{" + i + "}", marker.apply(i));
      }
      assertEquals(expected, new MessageFormat(pattern, locale).format(args), key);
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = Pattern.compile("\\{\\d+}").matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static Properties bundle(String name) {
    Properties properties = new Properties();
    try (InputStream in = DisputeMailTest.class.getResourceAsStream("/mail/" + name)) {
      assertNotNull(in, name);
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return properties;
  }

  @Test
  void aPersonsLanguageKeepsTheTenantsRegionForMoneyAndDates() {
    DisputeMail.Facts told = facts("en-US").in(Locale.FRENCH);
    assertEquals("fr-US", told.locale());
    assertTrue(
        mail.newDisputeSubject(told).startsWith("Litige D-42"), mail.newDisputeSubject(told));
    assertEquals(facts("en-US").number(), told.number());
    assertEquals("en-CA", facts("fr-CA").in(Locale.ENGLISH).locale());
  }
}
