package com.bpo.portal.ui;

import com.bpo.portal.shared.Money;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Money and numbers as the reader's locale writes them. */
public final class Formats {
  private Formats() {}

  public static String money(Money money, Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(Currency.getInstance(money.currency()));
    return format.format(money.amount());
  }

  public static String date(LocalDate date, Locale locale) {
    return date == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
  }

  /**
   * A moment as the wall clock of {@code zone} shows it (the tenant's zone), in the reader's style.
   */
  public static String dateTime(
      java.time.OffsetDateTime moment, java.time.ZoneId zone, Locale locale) {
    return moment == null
        ? ""
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .format(moment.atZoneSameInstant(zone));
  }

  /**
   * A decimal figure (a share, a number of days) with its own decimals, as the locale writes it.
   */
  public static String decimal(java.math.BigDecimal value, Locale locale) {
    if (value == null) {
      return "—";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    int digits = Math.max(0, value.scale());
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(value);
  }

  /** A month as the locale names it: "October 2026", "octobre 2026". */
  public static String month(java.time.YearMonth month, Locale locale) {
    return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
  }

  public static String number(long value, Locale locale) {
    return NumberFormat.getIntegerInstance(locale).format(value);
  }
}
