package com.bpo.portal.governance;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person types to point a log entry at something: the number the portal shows for it
 * ("D-1952" for a dispute, "G-12" for a log entry, "P-3" for a procedure), the bare number, or, for
 * an invoice, the client's invoice number. Reading it needs no database: the numbered kinds become
 * an id here, and an invoice number is looked up by the caller.
 */
public final class LinkReference {
  /** An optional prefix of letters and a dash or hash, then at most 18 digits (fits a long). */
  private static final Pattern NUMBERED =
      Pattern.compile("(?:([A-Za-z]{1,2})\\s*-?\\s*|#)?(\\d{1,18})");

  private LinkReference() {}

  /**
   * The id a typed reference names for a numbered kind, or empty when the text is not a number of
   * that kind (a "D-" reference typed for a log entry, letters, too many digits).
   */
  public static Optional<Long> id(LinkKind kind, String typed) {
    if (typed == null || kind == LinkKind.INVOICE) {
      return Optional.empty();
    }
    Matcher m = NUMBERED.matcher(typed.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String prefix = m.group(1);
    if (prefix != null && !prefix.toUpperCase(Locale.ROOT).equals(prefix(kind))) {
      return Optional.empty();
    }
    long id = Long.parseLong(m.group(2));
    return id > 0 ? Optional.of(id) : Optional.empty();
  }

  /** The invoice number a reference names: the text as typed, without surrounding blanks. */
  public static Optional<String> invoiceNumber(String typed) {
    if (typed == null || typed.isBlank() || typed.strip().length() > 64) {
      return Optional.empty();
    }
    return Optional.of(typed.strip());
  }

  /** The letters the portal writes before a kind's number. */
  static String prefix(LinkKind kind) {
    return switch (kind) {
      case DISPUTE -> "D";
      case ENTRY -> "G";
      case PROCEDURE -> "P";
      case INVOICE -> "";
    };
  }
}
