package com.bpo.portal.collection;

import com.bpo.portal.shared.Problem;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Money typed by a person: at most 15 digits before the point and 2 after, checked before any
 * arithmetic.
 */
final class Amounts {
  private static final Pattern AMOUNT = Pattern.compile("^\\d{1,15}(\\.\\d{1,2})?$");

  private Amounts() {}

  /** The positive amount, or null after adding an error for the field. */
  static BigDecimal positive(String text, String field, List<Problem.FieldError> errors) {
    if (text == null || !AMOUNT.matcher(text.strip()).matches()) {
      errors.add(new Problem.FieldError(null, field, "must be an amount like 1234.50"));
      return null;
    }
    BigDecimal amount = new BigDecimal(text.strip()).setScale(2);
    if (amount.signum() <= 0) {
      errors.add(new Problem.FieldError(null, field, "must be more than zero"));
      return null;
    }
    return amount;
  }
}
