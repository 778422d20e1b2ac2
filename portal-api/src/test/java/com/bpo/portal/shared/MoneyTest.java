package com.bpo.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.JsonbBuilder;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void anUnknownCurrencyCodeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Money.of("1.00", "XYZ"));
  }

  @Test
  void theAmountKeepsItsScale() {
    assertEquals(new BigDecimal("1234.50"), Money.of("1234.50", "EUR").amount());
  }

  @Test
  void theAmountTravelsAsADecimalString() throws Exception {
    try (var jsonb = JsonbBuilder.create()) {
      assertEquals(
          "{\"amount\":\"1234.50\",\"currency\":\"EUR\"}",
          jsonb.toJson(Money.of("1234.50", "EUR")));
    }
  }
}
