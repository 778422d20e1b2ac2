package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Decimals;
import com.bpo.portal.shared.Problem.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Field-by-field parsing of one CSV row that collects every problem of the row instead of stopping
 * at the first; each method returns null (or the raw text) for a bad value and records why.
 */
final class FieldParser {
  static final int MAX_INTEGER_DIGITS = 15;

  /**
   * How much of a bad value an error message quotes: a 10 MB value must not become a 10 MB report.
   */
  static final int ECHOED = 200;

  private static final Set<String> COUNTRIES =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

  private final Map<String, String> values;
  private final long row;
  final List<FieldError> errors = new ArrayList<>();

  FieldParser(Map<String, String> values, long row) {
    this.values = values;
    this.row = row;
  }

  void error(String field, String message) {
    errors.add(new FieldError((int) row, field, message));
  }

  String raw(String field) {
    String value = values.get(field);
    return value == null ? "" : value.trim();
  }

  String text(String field, int max) {
    String value = raw(field);
    if (value.isEmpty()) {
      error(field, "is required");
    } else if (value.length() > max) {
      error(field, "is longer than " + max + " characters");
    }
    return value;
  }

  /** An optional text: null when empty. */
  String optionalText(String field, int max) {
    String value = raw(field);
    if (value.length() > max) {
      error(field, "is longer than " + max + " characters");
    }
    return value.isEmpty() ? null : value;
  }

  LocalDate date(String field) {
    try {
      return LocalDate.parse(raw(field));
    } catch (DateTimeParseException e) {
      error(field, "'" + echo(raw(field)) + "' is not a date like 2026-11-23");
      return null;
    }
  }

  String currency(String field) {
    String code = raw(field);
    try {
      if (code.length() == 3 && Currency.getInstance(code) != null) {
        return code;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    error(field, "'" + echo(code) + "' is not an ISO 4217 currency code");
    return null;
  }

  String country(String field) {
    String code = raw(field);
    if (COUNTRIES.contains(code)) {
      return code;
    }
    error(field, "'" + echo(code) + "' is not an ISO 3166 alpha-2 country code such as FR or US");
    return null;
  }

  Integer positiveInt(String field) {
    Integer value = wholeNumber(field);
    if (value != null && value > 0) {
      return value;
    }
    error(field, "'" + echo(raw(field)) + "' is not a positive whole number");
    return null;
  }

  Integer intBetween(String field, int min, int max) {
    Integer value = wholeNumber(field);
    if (value != null && value >= min && value <= max) {
      return value;
    }
    error(field, "'" + echo(raw(field)) + "' is not a whole number from " + min + " to " + max);
    return null;
  }

  private Integer wholeNumber(String field) {
    try {
      return Integer.parseInt(raw(field));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A decimal written out in full, with at most {@value #MAX_INTEGER_DIGITS} digits before the
   * point (what the numeric(19, x) columns hold, with room for the sums) and {@code maxScale} after
   * it.
   */
  BigDecimal decimal(String field, int maxScale, boolean zeroAllowed) {
    try {
      BigDecimal value = Decimals.parse(raw(field), MAX_INTEGER_DIGITS, maxScale);
      if (value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
        error(field, zeroAllowed ? "must not be negative" : "must be more than zero");
      } else {
        return value;
      }
    } catch (Decimals.Invalid e) {
      error(field, "'" + echo(raw(field)) + "' " + e.getMessage());
    }
    return null;
  }

  /** A value as an error message may quote it: at most {@value #ECHOED} characters of it. */
  static String echo(String value) {
    return value.length() <= ECHOED
        ? value
        : value.substring(0, ECHOED) + "… (" + value.length() + " characters)";
  }
}
