package com.bpo.portal.dispute;

import com.bpo.portal.shared.Decimals;
import java.time.OffsetDateTime;
import java.util.function.Function;

/** The queue's keyset orders, each served by an index ending in id. Default: newest first. */
public record DisputeSort(Key key, boolean descending) {
  public static final DisputeSort DEFAULT = new DisputeSort(Key.RAISED, true);

  public enum Key {
    RAISED("raised", "d.raisedAt", s -> s.raisedAt().toString(), OffsetDateTime::parse),
    AMOUNT("amount", "d.disputedAmount", s -> s.disputed().amount().toPlainString(),
        v -> Decimals.parse(v, 17, 2)); // a stored amount, numeric(19, 2): a cursor never holds more

    final String param;
    final String path;
    final Function<DisputeSummary, String> valueOf;
    final Function<String, Object> parse;

    Key(String param, String path, Function<DisputeSummary, String> valueOf, Function<String, Object> parse) {
      this.param = param;
      this.path = path;
      this.valueOf = valueOf;
      this.parse = parse;
    }
  }

  /** {@code raised}, {@code -raised}, {@code amount} or {@code -amount}; null or blank for the default. */
  public static DisputeSort parse(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT;
    }
    boolean descending = value.startsWith("-");
    String name = descending ? value.substring(1) : value;
    for (Key key : Key.values()) {
      if (key.param.equals(name)) {
        return new DisputeSort(key, descending);
      }
    }
    throw new IllegalArgumentException("sort must be one of raised, -raised, amount, -amount");
  }
}
