package com.bpo.portal.cash;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a payer is recognised: by bank account (letters and digits, upper case) or by name, reduced
 * to its words without accents, punctuation or legal forms ("Martin & Fils S.A.R.L." = "MARTIN
 * FILS").
 */
public final class PayerKeys {
  private static final Set<String> NOISE =
      Set.of(
          "SA", "SARL", "SAS", "GMBH", "AG", "LTD", "LIMITED", "INC", "LLC", "BV", "NV", "PLC",
          "CO", "CORP", "ET", "AND", "THE", "LE", "LA", "LES", "DE", "DU", "DES");

  private static final Pattern NOT_ACCOUNT = Pattern.compile("[^A-Z0-9]");
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern INITIAL_DOT = Pattern.compile("(?<=\\b[A-Z])\\.(?=[A-Z]\\b)");
  private static final Pattern NOT_WORD = Pattern.compile("[^A-Z0-9]+");

  private PayerKeys() {}

  public static String account(String account) {
    return account == null
        ? ""
        : NOT_ACCOUNT.matcher(account.toUpperCase(Locale.ROOT)).replaceAll("");
  }

  public static String name(String name) {
    if (name == null) {
      return "";
    }
    String upper =
        MARKS
            .matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
            .replaceAll("")
            .toUpperCase(Locale.ROOT);
    String plain =
        NOT_WORD.matcher(INITIAL_DOT.matcher(upper).replaceAll("")).replaceAll(" ").strip();
    StringBuilder key = new StringBuilder();
    for (String word : plain.split(" ")) {
      if (!word.isEmpty() && !NOISE.contains(word)) {
        key.append(key.length() == 0 ? "" : " ").append(word);
      }
    }
    String result = key.toString();
    return result.length() > 140 ? result.substring(0, 140) : result;
  }
}
