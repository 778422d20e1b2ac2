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
    return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
  }

  public static String number(long value, Locale locale) {
    return NumberFormat.getIntegerInstance(locale).format(value);
  }
}
