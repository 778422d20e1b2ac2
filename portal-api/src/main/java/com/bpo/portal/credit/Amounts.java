package com.bpo.portal.credit;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Amounts typed by people: at most 13 digits before the point and 2 after, checked before any
 * arithmetic.
 */
final class Amounts {
  private Amounts() {}

  static Optional<BigDecimal> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (!t.matches("[0-9]{1,13}(\\.[0-9]{1,2})?")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(t).setScale(2));
  }
}
