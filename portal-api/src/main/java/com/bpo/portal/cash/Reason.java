package com.bpo.portal.cash;

import com.bpo.portal.shared.JsonText;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Why matching proposed what it did for a bank line, as clauses a screen says in its user's
 * language: each clause is a key of the {@code com.bpo.portal.cash.reasons} bundle (English and
 * French) and its arguments (invoice numbers as text, amounts and counts as {@link BigDecimal},
 * formatted by the locale). The API and the audit trail keep the English text ({@code
 * cash_match.reason}); the clauses are kept beside it ({@code cash_match.reason_parts}, V109) so
 * that the exception queue can say them in French. A reason written before V109 has only its text:
 * {@link #verbatim}.
 */
public record Reason(List<Clause> clauses) {
  static final String BUNDLE = "com.bpo.portal.cash.reasons";
  private static final String VERBATIM = "text";

  /** A key of the bundle and its arguments, each a {@link String} or a {@link BigDecimal}. */
  public record Clause(String key, List<Object> args) {
    public Clause {
      Objects.requireNonNull(key, "key");
      args = List.copyOf(args);
      for (Object arg : args) {
        if (!(arg instanceof String || arg instanceof BigDecimal)) {
          throw new IllegalArgumentException("Not a reason's argument: " + arg);
        }
      }
    }
  }

  public Reason {
    clauses = List.copyOf(clauses);
  }

  public static Reason of(String key, Object... args) {
    return new Reason(List.of(new Clause(key, List.of(args))));
  }

  /** A text kept as it is (a person's note, or a reason stored before its clauses were). */
  public static Reason verbatim(String text) {
    return of(VERBATIM, text);
  }

  /**
   * Why nothing was proposed for a line: the invoice numbers its reference names (none, or none
   * open), and whether its payer was recognised.
   */
  public static Reason nothingFits(String reference, boolean payerKnown, BigDecimal amount) {
    List<String> keys = InvoiceNumbers.keysIn(reference);
    Reason numbers =
        keys.isEmpty() ? of("no-number") : of("no-open-invoice", String.join(", ", keys));
    return numbers.and(payerKnown ? of("payer-nothing-fits", amount) : of("payer-unknown"));
  }

  public Reason and(String key, Object... args) {
    return and(of(key, args));
  }

  public Reason and(Reason more) {
    List<Clause> all = new ArrayList<>(clauses);
    all.addAll(more.clauses);
    return new Reason(all);
  }

  /** The reason in English, as the API gives it and {@code cash_match.reason} keeps it. */
  public String english() {
    return in(Locale.ENGLISH);
  }

  /** The clauses in {@code locale}'s words (English where the bundle has no such language). */
  public String in(Locale locale) {
    // no fall back to the JVM's own locale: a language the bundle lacks gets the English base
    ResourceBundle words =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return clauses.stream().map(c -> said(words, c, locale)).collect(Collectors.joining("; "));
  }

  private static String said(ResourceBundle words, Clause clause, Locale locale) {
    try {
      return new MessageFormat(words.getString(clause.key()), locale)
          .format(clause.args().toArray());
    } catch (RuntimeException unknown) {
      // a key this version has no words for, or arguments that do not fit them: shown, not thrown
      return clause.key() + " " + clause.args();
    }
  }

  /**
   * The clauses as a JSON array of arrays, {@code [key, arg, ...]}, for {@code reason_parts}.
   * Written by hand: the command line that seeds the demo writes reasons too, without a JSON
   * library on its class path ({@code ReasonTest} reads what this writes back with JSON-P).
   */
  public String encoded() {
    StringBuilder json = new StringBuilder("[");
    for (Clause c : clauses) {
      json.append(json.length() > 1 ? ",[" : "[");
      JsonText.quoted(json, c.key());
      for (Object arg : c.args()) {
        json.append(',');
        if (arg instanceof BigDecimal d) {
          json.append(d.toString());
        } else {
          JsonText.quoted(json, (String) arg);
        }
      }
      json.append(']');
    }
    return json.append(']').toString();
  }

  /**
   * The reason stored as {@code parts} ({@link #encoded}), or its {@code text} alone where no parts
   * were kept (or they cannot be read).
   */
  public static Reason stored(String parts, String text) {
    return Optional.ofNullable(parts)
        .flatMap(Reason::decoded)
        .orElseGet(() -> verbatim(text == null ? "" : text));
  }

  private static Optional<Reason> decoded(String parts) {
    try (var reader = Json.createReader(new StringReader(parts))) {
      List<Clause> clauses = new ArrayList<>();
      for (JsonValue value : reader.readArray()) {
        JsonArray clause = value.asJsonArray();
        List<Object> args = new ArrayList<>();
        for (JsonValue arg : clause.subList(1, clause.size())) {
          args.add(
              (Object)
                  switch (arg.getValueType()) {
                    case STRING -> ((JsonString) arg).getString();
                    case NUMBER -> ((JsonNumber) arg).bigDecimalValue();
                    default ->
                        throw new IllegalArgumentException("Not a reason's argument: " + arg);
                  });
        }
        clauses.add(new Clause(clause.getString(0), args));
      }
      return Optional.of(new Reason(clauses));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
