package com.bpo.portal.dispute;

import com.bpo.portal.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of dispute notifications, in the tenant's language (bundle {@code mail/dispute}). Plain
 * text: no markup from a customer's description can turn into a link or a script in a mail.
 */
@ApplicationScoped
public class DisputeMail {
  /** What a notice tells; {@code reason} in the tenant's words (its label, not the code). */
  public record Facts(
      String tenantName,
      String locale,
      String number,
      String reason,
      Money disputed,
      Money settled,
      Outcome outcome,
      LocalDate promisedResponseOn) {
    /**
     * The same facts told in a person's language, with the tenant's region for the way numbers and
     * dates are written ("fr" in an en-US tenant reads fr-US).
     */
    public Facts in(Locale language) {
      Locale tenant = Locale.forLanguageTag(locale);
      Locale told =
          new Locale.Builder()
              .setLanguage(language.getLanguage())
              .setRegion(tenant.getCountry())
              .build();
      return new Facts(
          tenantName,
          told.toLanguageTag(),
          number,
          reason,
          disputed,
          settled,
          outcome,
          promisedResponseOn);
    }
  }

  String newDisputeSubject(Facts f) {
    return text(f, "new.subject", f.number(), f.tenantName());
  }

  String newDisputeForTeam(Facts f) {
    return text(f, "new.team", f.number(), f.reason(), money(f, f.disputed()));
  }

  String newDisputeForCustomer(Facts f) {
    return text(
        f, "new.customer", f.number(), money(f, f.disputed()), date(f, f.promisedResponseOn()));
  }

  String questionSubject(Facts f) {
    return text(f, "question.subject", f.number());
  }

  String questionForCustomer(Facts f, String question) {
    return text(f, "question.customer", f.number(), question);
  }

  String replySubject(Facts f) {
    return text(f, "reply.subject", f.number());
  }

  String replyForTeam(Facts f, String reply) {
    return text(f, "reply.team", f.number(), reply);
  }

  String resolvedSubject(Facts f) {
    return text(f, "resolved.subject", f.number());
  }

  String resolvedForCustomer(Facts f, String note) {
    return text(
        f,
        "resolved.customer",
        f.number(),
        text(f, "outcome." + f.outcome().name()),
        money(f, f.settled()),
        note);
  }

  String reopenedSubject(Facts f) {
    return text(f, "reopened.subject", f.number());
  }

  String reopenedForTeam(Facts f, String note) {
    return text(f, "reopened.team", f.number(), note);
  }

  private static String text(Facts f, String key, Object... args) {
    Locale locale = Locale.forLanguageTag(f.locale());
    // a language without its own file gets the base file (English), never the server's default
    // language
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "mail/dispute",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }

  private static String money(Facts f, Money money) {
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag(f.locale()));
    format.setCurrency(Currency.getInstance(money.currency()));
    return format.format(money.amount());
  }

  private static String date(Facts f, LocalDate date) {
    return date.format(
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(Locale.forLanguageTag(f.locale())));
  }
}
