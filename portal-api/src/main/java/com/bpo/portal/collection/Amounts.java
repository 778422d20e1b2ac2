package com.bpo.portal.collection;

import com.bpo.portal.shared.Decimals;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Problem;
import java.math.BigDecimal;
import java.util.List;

/** Money typed by a person, read through {@link Decimals}: at most 2 decimals, more than zero. */
final class Amounts {
  private Amounts() {}

  /** The positive amount, or null after adding an error for the field. */
  static BigDecimal positive(String text, String field, List<Problem.FieldError> errors) {
    BigDecimal amount;
    try {
      amount = Decimals.parse(text, Money.MAX_INTEGER_DIGITS, 2);
    } catch (Decimals.Invalid e) {
      errors.add(new Problem.FieldError(null, field, e.getMessage()));
      return null;
    }
    if (amount.signum() <= 0) {
      errors.add(new Problem.FieldError(null, field, "must be more than zero"));
      return null;
    }
    return amount.setScale(2);
  }
}
