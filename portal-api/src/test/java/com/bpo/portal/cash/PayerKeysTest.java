package com.bpo.portal.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class PayerKeysTest {
  @Test
  void namesLoseAccentsPunctuationAndLegalForms() {
    assertEquals("MARTIN FILS", PayerKeys.name("Martin & Fils S.A.R.L."));
    assertEquals("MARTIN FILS", PayerKeys.name("MARTIN ET FILS SARL"));
    assertEquals("ELEVAGE DUPRE", PayerKeys.name("Élevage Dupré SA"));
  }

  @Test
  void differentPayersStayDifferent() {
    assertNotEquals(PayerKeys.name("Martin Fils"), PayerKeys.name("Martin Freres"));
  }

  @Test
  void accountsLoseSpaces() {
    assertEquals(
        "FR7612345000019876543210123", PayerKeys.account("fr76 1234 5000 0198 7654 3210 123"));
  }
}
