package com.bpo.portal.procedure;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of procedure notifications in the tenant's language (bundle {@code mail/procedure});
 * plain text.
 */
final class ProcedureMail {
  record Text(String subject, String body) {}

  private ProcedureMail() {}

  static Text reviewReminder(
      String locale, ReviewSchedule.Reminder kind, String title, String area, LocalDate due) {
    String prefix = kind == ReviewSchedule.Reminder.OVERDUE ? "review.overdue." : "review.due.";
    return new Text(
        text(locale, prefix + "subject", title),
        text(locale, prefix + "body", title, area, date(locale, due)));
  }

  static Text effective(String locale, String title, int number, LocalDate from) {
    return new Text(
        text(locale, "effective.subject", title, String.valueOf(number)),
        text(locale, "effective.body", title, String.valueOf(number), date(locale, from)));
  }

  private static String text(String locale, String key, Object... args) {
    Locale language = Locale.forLanguageTag(locale);
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "mail/procedure",
            language,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString(key), language).format(args);
  }

  private static String date(String locale, LocalDate date) {
    return date.format(
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(Locale.forLanguageTag(locale)));
  }
}
