package com.bpo.portal.invoice.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The duplicate check of a file's invoice numbers and payment references, kept as digests. */
class SeenNumbersTest {
  @Test
  void aNumberIsNewOnceAndSeenEverAfter() {
    SeenNumbers seen = new SeenNumbers();
    assertFalse(seen.contains("INV-1"));
    assertTrue(seen.add("INV-1"));
    assertTrue(seen.contains("INV-1"));
    assertFalse(seen.add("INV-1"));
    assertFalse(seen.contains("INV-10"));
    assertFalse(seen.contains("inv-1"), "numbers are compared exactly, case included");
    assertEquals(1, seen.size());
  }

  @Test
  void everyNumberIsStillKnownAfterTheTableHasGrownManyTimes() {
    SeenNumbers seen = new SeenNumbers();
    for (int i = 0; i < 200_000; i++) {
      assertTrue(seen.add("IMP-" + i), "IMP-" + i);
    }
    for (int i = 0; i < 200_000; i++) {
      assertTrue(seen.contains("IMP-" + i), "IMP-" + i);
      assertFalse(seen.contains("IMP-X" + i), "IMP-X" + i);
    }
    assertFalse(seen.add("IMP-199999"));
    assertEquals(200_000, seen.size());
  }

  @Test
  void theEmptyNumberAndNonAsciiNumbersAreNumbersLikeAnyOther() {
    SeenNumbers seen = new SeenNumbers();
    assertTrue(seen.add(""));
    assertTrue(seen.add("FACT-é-1"));
    assertTrue(seen.contains(""));
    assertTrue(seen.contains("FACT-é-1"));
    assertFalse(seen.contains("FACT-e-1"));
  }
}
