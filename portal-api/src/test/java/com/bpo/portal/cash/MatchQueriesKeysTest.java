package com.bpo.portal.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A block's number keys go to PostgreSQL as one text split on commas ({@link
 * MatchQueries#joinedKeys}): every key matching can ask for (a reference's keys and their one-edit
 * variants) must come back whole, and anything that is not a key must be refused rather than split.
 */
class MatchQueriesKeysTest {
  private static final String WRITTEN = "abcXYZ0123456789 -_./,;:+()#'\"\\{}é";

  @Test
  void everyKeyAReferenceAndItsVariantsGiveComesBackWholeFromTheJoinedText() {
    Random random = new Random(11);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder reference = new StringBuilder();
      int length = 1 + random.nextInt(40);
      for (int i = 0; i < length; i++) {
        reference.append(WRITTEN.charAt(random.nextInt(WRITTEN.length())));
      }
      List<String> keys = new ArrayList<>();
      for (String key : InvoiceNumbers.keysIn(reference.toString())) {
        keys.add(key);
        keys.addAll(InvoiceNumbers.oneEditVariants(key));
      }
      if (keys.isEmpty()) {
        continue;
      }
      assertEquals(
          keys,
          Arrays.asList(MatchQueries.joinedKeys(keys).split(",", -1)),
          "keys of '" + reference + "'");
    }
  }

  @Test
  void textThatIsNoKeyIsRefusedNotSplit() {
    assertEquals("INV12,A0", MatchQueries.joinedKeys(List.of("INV12", "A0")));
    assertEquals("", MatchQueries.joinedKeys(List.of()));
    assertThrows(IllegalArgumentException.class, () -> MatchQueries.joinedKeys(List.of("A,B")));
    assertThrows(IllegalArgumentException.class, () -> MatchQueries.joinedKeys(List.of("inv12")));
    assertThrows(IllegalArgumentException.class, () -> MatchQueries.joinedKeys(List.of("")));
  }

  /**
   * Digits that are not ASCII (Arabic-Indic, full-width) count as digits in Java but are no part of
   * a key: a word of them alone gave an empty key, which the joined text refuses, and the whole
   * statement answered 500.
   */
  @Test
  void aReferenceOfDigitsOutsideAsciiGivesNoKeyRatherThanAnEmptyOne() {
    for (String reference :
        List.of("\u0663\u0664\u0665\u0666", "\uff11\uff12\uff13\uff14", "INV \uff11\uff12\uff13")) {
      List<String> keys = InvoiceNumbers.keysIn(reference);
      assertEquals(List.of(), keys, reference);
      MatchQueries.joinedKeys(keys);
    }
    assertEquals(List.of("INV123"), InvoiceNumbers.keysIn("INV-123 \u0663\u0664\u0665"));
  }
}
