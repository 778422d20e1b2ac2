package com.bpo.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {
  @Test
  void aPlainDecimalKeepsItsValueAndScale() {
    assertEquals(new BigDecimal("1234.50"), Decimals.parse(" 1234.50 ", 15, 2));
    assertEquals(new BigDecimal("-0.5"), Decimals.parse("-.5", 15, 2));
    assertEquals(new BigDecimal("7"), Decimals.parse("+7", 15, 0));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e9999999",
        "1E+1000000",
        "1E+20",
        "5e-3",
        "0x10",
        "1,000.00",
        "1 000",
        "NaN",
        "Infinity",
        "12\u00000",
        "--1",
        ".",
        "",
        "   "
      })
  void exponentsAndEverythingButPlainDigitsAreRefused(String text) {
    assertThrows(Decimals.Invalid.class, () -> Decimals.parse(text, 15, 4));
  }

  @Test
  void anExponentIsNamedAsTheReason() {
    Decimals.Invalid refused =
        assertThrows(Decimals.Invalid.class, () -> Decimals.parse("1e9999999", 15, 2));
    assertTrue(refused.getMessage().contains("exponent"), refused.getMessage());
    assertFalse(refused.getMessage().contains("9999999"), "the value is not echoed");
  }

  @Test
  void digitsBeforeThePointAreBounded() {
    assertEquals(new BigDecimal("999999999999999.99"), Decimals.parse("999999999999999.99", 15, 2));
    assertThrows(Decimals.Invalid.class, () -> Decimals.parse("12345678901234567890", 15, 2));
    // leading zeros are not digits of the value
    assertEquals(new BigDecimal("1.00"), Decimals.parse("0000000000000000001.00", 1, 2));
  }

  @Test
  void decimalsAfterThePointAreBounded() {
    assertThrows(Decimals.Invalid.class, () -> Decimals.parse("1.005", 15, 2));
    assertThrows(Decimals.Invalid.class, () -> Decimals.parse("1.5", 15, 0));
  }

  @Test
  void aLongTextIsRefusedBeforeItIsParsed() {
    String longText = "1".repeat(Decimals.MAX_LENGTH + 1);
    assertThrows(Decimals.Invalid.class, () -> Decimals.parse(longText, 100, 2));
    assertThrows(
        Decimals.Invalid.class, () -> Decimals.parse("0." + "0".repeat(10_000_000) + "1", 15, 2));
  }

  @Test
  void aHostileNumberIsRefusedQuickly() {
    long start = System.nanoTime();
    for (String text : new String[] {"1e9999999", "1E+1000000", "9".repeat(10_000_000)}) {
      assertThrows(Decimals.Invalid.class, () -> Decimals.parse(text, 15, 2));
    }
    assertTrue(
        System.nanoTime() - start < 1_000_000_000L,
        "took " + (System.nanoTime() - start) / 1_000_000 + " ms");
  }

  @Test
  void aNumberAlreadyParsedIsCheckedWithoutWideningIt() {
    assertTrue(Decimals.within(new BigDecimal("123.45"), 3, 2));
    assertFalse(Decimals.within(new BigDecimal("1e999999999"), 15, 2));
    assertFalse(Decimals.within(new BigDecimal("1e-999999999"), 15, 2));
    assertFalse(Decimals.within(new BigDecimal("1234.5"), 3, 2));
  }
}
