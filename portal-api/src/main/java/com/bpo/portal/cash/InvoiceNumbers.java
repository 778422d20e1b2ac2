package com.bpo.portal.cash;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Invoice numbers as people write them in a payment reference: compared by a key that ignores case,
 * separators and the leading zeros of each digit run ({@code inv-000123}, {@code INV 123} and
 * {@code Inv123} are one key, {@code INV123}). The database computes the same key ({@code
 * cash_number_key}, V70), kept in the column {@code invoice.number_key} under an index (V96). One
 * wrong character is found by looking up the key's one-edit variants (a digit changed, a character
 * dropped, a digit added).
 */
public final class InvoiceNumbers {
  static final int MIN_DIGITS = 3;
  static final int MAX_KEY = 30;
  static final int MAX_TOKENS = 20;

  private InvoiceNumbers() {}

  private static final Pattern WORD_BREAK = Pattern.compile("[\\s,;:/+()]+");
  private static final Pattern BARE_NUMBER = Pattern.compile("[0-9][0-9-_.]*");
  private static final Pattern LETTERS = Pattern.compile("[A-Z][A-Z-_.]{0,19}");

  /**
   * The comparison key, or "" for text that holds no letter or digit: upper case, letters and
   * digits only, and a run of zeros at the start or after a letter dropped when a digit follows it
   * (else kept as one zero: {@code A00} is {@code A0}). What the expressions {@code [^A-Z0-9]} → ""
   * then {@code (^|[A-Z])0+([0-9])} → {@code $1$2} give (InvoiceNumbersTest holds them side by
   * side), written as one pass: the matcher keys some two hundred variants per number.
   */
  public static String key(String number) {
    String upper = number.toUpperCase(Locale.ROOT);
    StringBuilder plain = new StringBuilder(upper.length());
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        plain.append(c);
      }
    }
    StringBuilder key = new StringBuilder(plain.length());
    int i = 0;
    while (i < plain.length()) {
      char c = plain.charAt(i);
      boolean afterLetterOrStart = i == 0 || isLetter(plain.charAt(i - 1));
      if (c == '0' && afterLetterOrStart) {
        int end = i;
        while (end < plain.length() && plain.charAt(end) == '0') {
          end++;
        }
        boolean digitFollows = end < plain.length() && Character.isDigit(plain.charAt(end));
        if (!digitFollows) {
          key.append('0');
        }
        i = end;
      } else {
        key.append(c);
        i++;
      }
    }
    return key.toString();
  }

  /**
   * 0 to 9, the digits a key keeps: a word of other digits (Arabic-Indic, full-width), which {@link
   * Character#isDigit} counts, would give an empty key.
   */
  private static boolean isAsciiDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /**
   * The keys a reference may name: each word holding at least three digits, alone and, a bare
   * number, joined to the one or two words of letters before it ("INV 124" as INV124, "FIX CASH
   * 000102" as FIXCASH102). At most {@link #MAX_TOKENS}.
   */
  public static List<String> keysIn(String reference) {
    String[] words = WORD_BREAK.split(reference.toUpperCase(Locale.ROOT));
    Set<String> keys = new LinkedHashSet<>();
    for (int i = 0; i < words.length && keys.size() < MAX_TOKENS; i++) {
      String word = words[i];
      if (word.chars().noneMatch(InvoiceNumbers::isAsciiDigit)) {
        continue;
      }
      add(keys, word);
      if (BARE_NUMBER.matcher(word).matches() && i >= 1 && letters(words[i - 1])) {
        add(keys, words[i - 1] + word);
        if (i >= 2 && letters(words[i - 2])) {
          add(keys, words[i - 2] + words[i - 1] + word);
        }
      }
    }
    return List.copyOf(keys);
  }

  private static boolean letters(String word) {
    return LETTERS.matcher(word).matches();
  }

  /**
   * A word with at least three digits as written ("INV-00000049" has eight, though its key INV49
   * has two).
   */
  private static void add(Set<String> keys, String word) {
    String key = key(word);
    long digits = word.chars().filter(InvoiceNumbers::isAsciiDigit).count();
    if (digits >= MIN_DIGITS && key.length() <= MAX_KEY) {
      keys.add(key);
    }
  }

  /**
   * Every key one edit away: a digit changed, any character dropped, a digit added anywhere. An
   * edit of a key is keyed again only where it can differ from its key (a zero it puts at the start
   * of a digit run); the matcher works out some two hundred per number.
   */
  public static List<String> oneEditVariants(String key) {
    boolean plain = isPlain(key);
    Set<String> variants = new LinkedHashSet<>(key.length() * 32);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c >= '0' && c <= '9') {
        for (char d = '0'; d <= '9'; d++) {
          if (d != c) {
            variants.add(rekeyed(key.substring(0, i) + d + key.substring(i + 1), plain));
          }
        }
      }
      variants.add(rekeyed(key.substring(0, i) + key.substring(i + 1), plain));
    }
    for (int i = 0; i <= key.length(); i++) {
      for (char d = '0'; d <= '9'; d++) {
        variants.add(rekeyed(key.substring(0, i) + d + key.substring(i), plain));
      }
    }
    variants.remove(key);
    variants.removeIf(v -> !hasDigit(v));
    return new ArrayList<>(variants);
  }

  /**
   * The variants of {@link #oneEditVariants} that can name an invoice whose key starts with one of
   * these runs of letters ({@link #leadingLetters}): a variant is a key, and a key that names an
   * invoice starts as that invoice's does. A reference's other numbers ("order 88749", "Transfer
   * #14436") have some two hundred variants each, none of which starts like an invoice number.
   */
  public static List<String> oneEditVariants(String key, Set<String> leadingLettersOfInvoices) {
    if (!someVariantMayStartWith(key, leadingLettersOfInvoices)) {
      return List.of();
    }
    List<String> all = oneEditVariants(key);
    List<String> out = new ArrayList<>(all.size());
    for (String variant : all) {
      if (leadingLettersOfInvoices.contains(leadingLetters(variant))) {
        out.add(variant);
      }
    }
    return out;
  }

  /**
   * Whether one of the key's variants may start with one of these runs of letters, without working
   * the variants out: a variant starts with the key's own letters, or with them less one letter (a
   * letter dropped), or with the first few of them (a digit added among them), or with them and the
   * letters after a first number of one digit (that digit dropped). Keying an edit drops zeros
   * before digits only, which leaves its letters as they were.
   */
  static boolean someVariantMayStartWith(String key, Set<String> letters) {
    String own = leadingLetters(key);
    for (int i = 0; i <= own.length(); i++) {
      if (letters.contains(own.substring(0, i))) {
        return true;
      }
    }
    for (int i = 0; i < own.length(); i++) {
      if (letters.contains(own.substring(0, i) + own.substring(i + 1))) {
        return true;
      }
    }
    int afterDigit = own.length() + 1;
    return afterDigit < key.length()
        && isLetter(key.charAt(afterDigit))
        && letters.contains(own + leadingLetters(key.substring(afterDigit)));
  }

  /** The letters a key starts with, up to its first digit ("" for a key that starts with one). */
  public static String leadingLetters(String key) {
    int i = 0;
    while (i < key.length() && isLetter(key.charAt(i))) {
      i++;
    }
    return key.substring(0, i);
  }

  /**
   * Upper-case letters and digits only (what an edit of such a text stays); checked by a loop, not
   * a stream: the import asks it of some 50,000 keys a block ({@code MatchQueries.joinedKeys}).
   */
  static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isLetter(c) && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The key of an edit: the edit itself when it is plain and no zero at the start of a digit run is
   * followed by a digit ({@link #key} would drop that zero), else {@link #key} of it.
   */
  private static String rekeyed(String edit, boolean plain) {
    if (!plain) {
      return key(edit);
    }
    for (int i = 0; i < edit.length() - 1; i++) {
      char next = edit.charAt(i + 1);
      if (edit.charAt(i) == '0'
          && (i == 0 || isLetter(edit.charAt(i - 1)))
          && next >= '0'
          && next <= '9') {
        return key(edit);
      }
    }
    return edit;
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        return true;
      }
    }
    return false;
  }

  /** Whether two keys differ by at most one substitution, deletion or insertion. */
  public static boolean withinOneEdit(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (la == lb) {
      return a.substring(i + 1).equals(b.substring(i + 1));
    }
    return la > lb
        ? a.substring(i + 1).equals(b.substring(i))
        : a.substring(i).equals(b.substring(i + 1));
  }
}
