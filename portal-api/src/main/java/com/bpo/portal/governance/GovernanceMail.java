package com.bpo.portal.governance;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of governance notifications, in the tenant's language (bundle {@code mail/governance}).
 * Plain text.
 */
@ApplicationScoped
public class GovernanceMail {
  public record Facts(
      String tenantName,
      String locale,
      String number,
      String title,
      LocalDate dueDate,
      int level,
      String levelRole,
      long daysOverdue) {}

  String escalatedSubject(Facts f) {
    return text(f, "escalated.subject", f.number(), f.level(), f.title(), f.tenantName());
  }

  String overdueBody(Facts f) {
    return text(
        f,
        "escalated.overdue",
        f.number(),
        f.title(),
        date(f, f.dueDate()),
        f.daysOverdue(),
        f.level(),
        f.levelRole());
  }

  String manualBody(Facts f, String actor, String reason) {
    return text(
        f, "escalated.manual", f.number(), f.title(), actor, f.level(), f.levelRole(), reason);
  }

  String commentSubject(Facts f) {
    return text(f, "comment.subject", f.number(), f.title());
  }

  String commentBody(Facts f, String author, String body) {
    return text(f, "comment.body", f.number(), author, body);
  }

  private static String text(Facts f, String key, Object... args) {
    Locale locale = Locale.forLanguageTag(f.locale());
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "mail/governance",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }

  private static String date(Facts f, LocalDate date) {
    return date == null
        ? ""
        : date.format(
            DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(f.locale())));
  }
}
