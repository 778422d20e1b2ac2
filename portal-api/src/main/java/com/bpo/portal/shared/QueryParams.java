package com.bpo.portal.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses query parameters and collects every bad one, so that a request with three mistakes hears
 * of all three in one problem+json answer.
 */
public final class QueryParams {
  private final List<Problem.FieldError> errors = new ArrayList<>();

  public Optional<LocalDate> date(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.trim()));
    } catch (DateTimeParseException e) {
      errors.add(new Problem.FieldError(name, "must be a date like 2026-11-23"));
      return Optional.empty();
    }
  }

  /**
   * A decimal as amounts are written: bounded like {@link Money}'s before anything computes with
   * it.
   */
  public Optional<BigDecimal> decimal(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Decimals.parse(value, Money.MAX_INTEGER_DIGITS, Money.MAX_SCALE));
    } catch (Decimals.Invalid e) {
      errors.add(new Problem.FieldError(name, e.getMessage()));
      return Optional.empty();
    }
  }

  public Optional<Long> id(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.valueOf(value.trim()));
    } catch (NumberFormatException e) {
      errors.add(new Problem.FieldError(name, "must be a numeric id"));
      return Optional.empty();
    }
  }

  public Optional<Integer> integer(String name, String value, int min, int max) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= min && number <= max) {
        return Optional.of(number);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(
        new Problem.FieldError(name, "must be a whole number between " + min + " and " + max));
    return Optional.empty();
  }

  /** A comma-separated list of enum constants. */
  public <E extends Enum<E>> Set<E> enums(String name, String value, Class<E> type) {
    Set<E> result = EnumSet.noneOf(type);
    if (value == null || value.isBlank()) {
      return result;
    }
    for (String part : value.split(",")) {
      try {
        result.add(Enum.valueOf(type, part.trim().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        errors.add(
            new Problem.FieldError(
                name,
                "'" + part.trim() + "' is not one of " + Arrays.toString(type.getEnumConstants())));
      }
    }
    return result;
  }

  public void range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      errors.add(new Problem.FieldError(name, "must be between " + min + " and " + max));
    }
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new InvalidFields("Some query parameters are invalid.", errors);
    }
  }
}
