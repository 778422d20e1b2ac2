package com.bpo.portal.credit;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * An International Bank Account Number, checked by its structure and its ISO 13616 mod-97 check
 * digits. Spaces are allowed on input and dropped; letters are upper-cased.
 */
public record Iban(String value) {
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  public Iban {
    value = compact(value);
    if (!valid(value)) {
      throw new IllegalArgumentException("not a valid IBAN");
    }
  }

  /** The IBAN, or empty if the text is not one. */
  public static Optional<Iban> parse(String text) {
    return text != null && valid(compact(text)) ? Optional.of(new Iban(text)) : Optional.empty();
  }

  public String country() {
    return value.substring(0, 2);
  }

  private static String compact(String text) {
    return text == null ? "" : text.replace(" ", "").toUpperCase(Locale.ROOT);
  }

  private static boolean valid(String compact) {
    if (!compact.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
      return false;
    }
    String rearranged = compact.substring(4) + compact.substring(0, 4);
    StringBuilder digits = new StringBuilder(rearranged.length() * 2);
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).equals(BigInteger.ONE);
  }
}
