package com.bpo.portal.shared;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one way to read a decimal number that came from outside (a request, a CSV row, a query
 * parameter). {@code new BigDecimal(text)} takes exponent notation: {@code 1e9999999} is a single
 * digit with a huge exponent, harmless until something widens it (a {@code setScale}, a {@code
 * toPlainString}, the database), which then costs seconds or minutes of CPU. Here a number is
 * written out in full, at most {@value #MAX_LENGTH} characters, and its digits before and after the
 * point are bounded before the caller does any arithmetic with it.
 */
public final class Decimals {
  /**
   * Longer than any amount, quantity or rate the portal stores (numeric(19, 4) has 20 characters).
   */
  public static final int MAX_LENGTH = 30;

  /**
   * Digits, an optional sign and one optional point; no exponent, no grouping, no spaces inside.
   */
  private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

  private Decimals() {}

  /**
   * Why a text is not an acceptable number; the message is for the user and never echoes the text.
   */
  public static final class Invalid extends IllegalArgumentException {
    private Invalid(String message) {
      super(message);
    }
  }

  /**
   * Parses a plain decimal (leading and trailing blanks ignored) with at most {@code
   * maxIntegerDigits} digits before the point and {@code maxScale} after it.
   *
   * @throws Invalid saying what is wrong, for a blank, too long, exponent or otherwise malformed
   *     text
   */
  public static BigDecimal parse(String text, int maxIntegerDigits, int maxScale) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      throw new Invalid("must be a number");
    }
    if (value.length() > MAX_LENGTH) {
      throw new Invalid("must be a number of at most " + MAX_LENGTH + " characters");
    }
    if (!PLAIN.matcher(value).matches()) {
      boolean exponent = value.indexOf('e') >= 0 || value.indexOf('E') >= 0;
      throw new Invalid(
          exponent
              ? "must be written out in full, without an exponent (like 1234.50)"
              : "must be a decimal number like 1234.50");
    }
    BigDecimal number = new BigDecimal(value); // cheap: at most MAX_LENGTH digits, exponent 0
    if (number.scale() > maxScale) {
      throw new Invalid(
          maxScale == 0 ? "must be a whole number" : "has more than " + maxScale + " decimals");
    }
    if (number.precision() - number.scale() > maxIntegerDigits) {
      throw new Invalid("has more than " + maxIntegerDigits + " digits before the decimal point");
    }
    return number;
  }

  /**
   * Whether a number parsed elsewhere (a UI field's own converter, which takes exponents) has at
   * most so many digits before and after the point. Reads only precision and scale: nothing is
   * widened, so it is safe before {@code toPlainString} or {@code setScale}.
   */
  public static boolean within(BigDecimal value, int maxIntegerDigits, int maxScale) {
    return value.scale() <= maxScale
        && (long) value.precision() - value.scale() <= maxIntegerDigits;
  }
}
