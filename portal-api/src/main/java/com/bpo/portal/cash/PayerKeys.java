package com.bpo.portal.cash;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

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

  private PayerKeys() {}

  public static String account(String account) {
    return account == null ? "" : account.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }

  public static String name(String name) {
    if (name == null) {
      return "";
    }
    String plain =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toUpperCase(Locale.ROOT)
            .replaceAll("(?<=\\b[A-Z])\\.(?=[A-Z]\\b)", "")
            .replaceAll("[^A-Z0-9]+", " ")
            .strip();
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
