package com.bpo.portal.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IbanTest {
  @Test
  void publishedExampleIbansPassInPrintOrElectronicForm() {
    assertEquals(
        "DE89370400440532013000", Iban.parse("DE89 3704 0044 0532 0130 00").orElseThrow().value());
    assertEquals(
        "GB82WEST12345698765432", Iban.parse("gb82 west 1234 5698 7654 32").orElseThrow().value());
    assertEquals("FR", Iban.parse("FR1420041010050500013M02606").orElseThrow().country());
  }

  @Test
  void aWrongCheckDigitOrAChangedDigitFailsModNinetySeven() {
    assertTrue(Iban.parse("DE88370400440532013000").isEmpty());
    assertTrue(Iban.parse("DE89370400440532013001").isEmpty());
    assertTrue(Iban.parse("GB82WEST12345698765423").isEmpty(), "two swapped digits");
  }

  @Test
  void malformedTextIsNoIban() {
    assertTrue(Iban.parse(null).isEmpty());
    assertTrue(Iban.parse("").isEmpty());
    assertTrue(Iban.parse("DE89").isEmpty());
    assertTrue(Iban.parse("1289370400440532013000").isEmpty());
    assertTrue(Iban.parse("DE89-3704-0044-0532-0130-00").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> new Iban("DE00370400440532013000"));
  }
}
