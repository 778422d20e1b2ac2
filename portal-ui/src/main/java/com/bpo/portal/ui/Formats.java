package com.bpo.portal.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Money and numbers as the reader's locale writes them. */
public final class Formats {
  private Formats() {}

  public static String money(BigDecimal amount, String currency, Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(Currency.getInstance(currency));
    return format.format(amount);
  }

  public static String number(long value, Locale locale) {
    return NumberFormat.getIntegerInstance(locale).format(value);
  }
}
