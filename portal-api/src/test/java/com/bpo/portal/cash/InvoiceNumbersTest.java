package com.bpo.portal.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InvoiceNumbersTest {
  @Test
  void keyIgnoresCaseSeparatorsAndLeadingZeros() {
    assertEquals("INV123", InvoiceNumbers.key("inv-000123"));
    assertEquals("INV123", InvoiceNumbers.key("INV 123"));
    assertEquals("INV123", InvoiceNumbers.key("Inv.0123"));
    assertEquals(
        "INV2026000123",
        InvoiceNumbers.key("INV-2026-000123"),
        "zeros after a digit are part of the number, whatever separated them");
  }

  /**
   * The key as first written, with two regular expressions; the one-pass {@link InvoiceNumbers#key}
   * must give the same, as the database's {@code cash_number_key} does.
   */
  private static String keyByExpressions(String number) {
    String plain = number.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    return plain.replaceAll("(^|[A-Z])0+([0-9])", "$1$2");
  }

  @Test
  void theOnePassKeyIsTheExpressionsKey() {
    for (String edge :
        List.of(
            "",
            "0",
            "00",
            "000",
            "A0",
            "A00",
            "A000B",
            "007",
            "A0B01",
            "A00A001",
            "100",
            "-0-0-7",
            "inv-00000049",
            "ß0012",
            "É001",
            "A0 0 0 9")) {
      assertEquals(keyByExpressions(edge), InvoiceNumbers.key(edge), edge);
    }
    Random random = new Random(7);
    String alphabet = "0000000123456789ABZaz -._/é";
    for (int n = 0; n < 50_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertEquals(
          keyByExpressions(text.toString()), InvoiceNumbers.key(text.toString()), text::toString);
    }
  }

  @Test
  void zerosInsideANumberAreKept() {
    assertEquals("INV1003", InvoiceNumbers.key("INV-1003"));
    assertEquals("INV1030", InvoiceNumbers.key("INV-0001030"));
  }

  @Test
  void keysInAReferenceJoinAPrefixToItsDigits() {
    List<String> keys = InvoiceNumbers.keysIn("Payment inv-000123 and INV 124");
    assertEquals("INV123", keys.get(0));
    assertTrue(keys.contains("INV124"), keys.toString());
    assertFalse(keys.contains("PAYMENTINV123"), "a word holding digits is a number of its own");
    assertTrue(InvoiceNumbers.keysIn("Invoice FIX CASH 000102").contains("FIXCASH102"));
    assertEquals(List.of("INV200"), InvoiceNumbers.keysIn("facture INV000200, merci"));
  }

  @Test
  void leadingZerosCountAsDigitsOfANumber() {
    assertEquals(List.of("INV49"), InvoiceNumbers.keysIn("INV-00000049"));
  }

  @Test
  void wordsWithFewDigitsAreNotInvoiceNumbers() {
    assertEquals(List.of(), InvoiceNumbers.keysIn("Payment for November 12 thanks"));
  }

  @Test
  void oneEditVariantsHoldTheTypo() {
    List<String> variants = InvoiceNumbers.oneEditVariants("INV1284");
    assertTrue(variants.contains("INV1234"), "a digit changed");
    assertTrue(variants.contains("INV124"), "a digit dropped");
    assertTrue(variants.contains("INV12834"), "a digit added");
    assertFalse(variants.contains("INV1284"), "not the key itself");
    assertFalse(variants.contains("INV8234"), "two edits away");
    assertFalse(InvoiceNumbers.oneEditVariants("INV5").contains("INV"), "a number keeps a digit");
  }

  @Test
  void variantsThatStartUnlikeEveryInvoiceNumberAreLeftOut() {
    java.util.Set<String> invoicesStart = java.util.Set.of("INV");
    assertEquals(
        List.of(),
        InvoiceNumbers.oneEditVariants("ORDER88749", invoicesStart),
        "an order number's variants start ORDER, RDER, O...: no invoice number does");
    assertEquals(List.of(), InvoiceNumbers.oneEditVariants("14436", invoicesStart));
    List<String> kept = InvoiceNumbers.oneEditVariants("INV1284", invoicesStart);
    List<String> all = InvoiceNumbers.oneEditVariants("INV1284");
    assertEquals(
        all.stream().filter(v -> v.startsWith("INV") && Character.isDigit(v.charAt(3))).toList(),
        kept,
        "every variant that starts INV and a digit, in the same order");
    assertTrue(kept.containsAll(List.of("INV1234", "INV124", "INV12834")));
    assertFalse(kept.contains("NV1284"), "a letter dropped starts otherwise");
    assertTrue(
        InvoiceNumbers.oneEditVariants("14436", java.util.Set.of("INV", "")).contains("14435"),
        "numbers of bare digits are looked around when some invoice's number is bare digits");
    assertEquals("INV", InvoiceNumbers.leadingLetters("INV1284"));
    assertEquals("", InvoiceNumbers.leadingLetters("2026INV1"));
    assertEquals("ABC", InvoiceNumbers.leadingLetters("ABC"));
  }

  /**
   * The shortcut that works out no variant when none may start with a known run of letters must
   * never drop one that does: over random keys and runs of letters, the variants kept are those of
   * the whole list that start so.
   */
  @Test
  void theShortcutDropsNoVariantThatStartsLikeAnInvoiceNumber() {
    java.util.Random random = new java.util.Random(118);
    String alphabet = "AB0123456789";
    List<String> runs = List.of("", "A", "B", "AB", "BA", "AA", "ABA", "BB", "ABB");
    for (int run = 0; run < 20_000; run++) {
      StringBuilder text = new StringBuilder();
      for (int i = 1 + random.nextInt(8); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String key = InvoiceNumbers.key(text.toString());
      java.util.Set<String> letters = new java.util.HashSet<>();
      for (String r : runs) {
        if (random.nextInt(4) == 0) {
          letters.add(r);
        }
      }
      assertEquals(
          InvoiceNumbers.oneEditVariants(key).stream()
              .filter(v -> letters.contains(InvoiceNumbers.leadingLetters(v)))
              .toList(),
          InvoiceNumbers.oneEditVariants(key, letters),
          key + " " + letters);
    }
  }

  /**
   * The variants skip keying an edit that is already a key: they must be every edit keyed, as the
   * rule says, for keys with zeros where keying drops them.
   */
  @Test
  void theVariantsAreEveryEditKeyed() {
    java.util.Random random = new java.util.Random(113);
    String alphabet = "AB0000123456789";
    for (int run = 0; run < 5_000; run++) {
      StringBuilder text = new StringBuilder();
      for (int i = 1 + random.nextInt(9); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String key = InvoiceNumbers.key(text.toString());
      java.util.Set<String> expected = new java.util.LinkedHashSet<>();
      for (int i = 0; i < key.length(); i++) {
        if (Character.isDigit(key.charAt(i))) {
          for (char d = '0'; d <= '9'; d++) {
            if (d != key.charAt(i)) {
              expected.add(InvoiceNumbers.key(key.substring(0, i) + d + key.substring(i + 1)));
            }
          }
        }
        expected.add(InvoiceNumbers.key(key.substring(0, i) + key.substring(i + 1)));
      }
      for (int i = 0; i <= key.length(); i++) {
        for (char d = '0'; d <= '9'; d++) {
          expected.add(InvoiceNumbers.key(key.substring(0, i) + d + key.substring(i)));
        }
      }
      expected.remove(key);
      expected.removeIf(v -> v.chars().noneMatch(Character::isDigit));
      assertEquals(List.copyOf(expected), InvoiceNumbers.oneEditVariants(key), key);
    }
  }

  @Test
  void withinOneEdit() {
    assertTrue(InvoiceNumbers.withinOneEdit("INV123", "INV124"));
    assertTrue(InvoiceNumbers.withinOneEdit("INV123", "INV1234"));
    assertTrue(InvoiceNumbers.withinOneEdit("INV123", "INV12"));
    assertFalse(InvoiceNumbers.withinOneEdit("INV123", "INV321"));
    assertFalse(InvoiceNumbers.withinOneEdit("INV123", "INV12345"));
  }
}
