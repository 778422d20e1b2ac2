package com.bpo.portal.close;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A month that can be closed: written YYYY-MM, from 2000-01 up to the current month. */
public record ClosePeriod(YearMonth month) {
  static final YearMonth EARLIEST = YearMonth.of(2000, 1);

  /**
   * Parses and bounds a period against today in the tenant's zone; 400 with the field otherwise.
   */
  public static ClosePeriod parse(String text, LocalDate today) {
    YearMonth month;
    try {
      month = YearMonth.parse(text == null ? "" : text.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidFields(
          "The period is not a month.",
          List.of(new FieldError("period", "must be a month like 2026-10")));
    }
    if (month.isBefore(EARLIEST) || month.isAfter(YearMonth.from(today))) {
      throw new InvalidFields(
          "The period is out of range.",
          List.of(
              new FieldError(
                  "period", "must be between " + EARLIEST + " and " + YearMonth.from(today))));
    }
    return new ClosePeriod(month);
  }

  public LocalDate start() {
    return month.atDay(1);
  }

  public LocalDate end() {
    return month.atEndOfMonth();
  }

  /**
   * The instant the month ends in the tenant's zone (the start of the next day there): what was
   * open before it, such as a dispute, counts at the month end.
   */
  public OffsetDateTime endsAt(ZoneId zone) {
    return end().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
  }

  public ClosePeriod previous() {
    return new ClosePeriod(month.minusMonths(1));
  }

  /** A month can be published and signed off once it has ended. */
  public boolean hasEnded(LocalDate today) {
    return end().isBefore(today);
  }

  @Override
  public String toString() {
    return month.toString();
  }
}
