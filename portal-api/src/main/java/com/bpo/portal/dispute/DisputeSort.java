package com.bpo.portal.dispute;

import com.bpo.portal.shared.sql.Keyset;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/** The queue's keyset orders, each served by an index ending in id. Default: newest first. */
public record DisputeSort(Key key, boolean descending) {
  public static final DisputeSort DEFAULT = new DisputeSort(Key.RAISED, true);

  /** The order as a keyset over the SQL columns, the id breaking ties. */
  Keyset keyset() {
    return descending
        ? Keyset.descending(key.column, "d.id", key.parse)
        : Keyset.ascending(key.column, "d.id", key.parse);
  }

  /** A row's cursor: its sort value, then its id. */
  List<String> keyOf(DisputeSummary row) {
    return List.of(key.valueOf.apply(row), String.valueOf(row.id()));
  }

  public enum Key {
    RAISED("raised", "d.raised_at", s -> s.raisedAt().toString(), OffsetDateTime::parse),
    AMOUNT(
        "amount",
        "d.disputed_amount",
        s -> s.disputed().amount().toPlainString(),
        v ->
            com.bpo.portal.shared.Decimals.parse(
                v, 17, 2)); // a stored amount, numeric(19, 2): a cursor never holds more

    final String param;

    /** The SQL column sorted on. */
    final String column;

    final Function<DisputeSummary, String> valueOf;
    final Function<String, Object> parse;

    Key(
        String param,
        String column,
        Function<DisputeSummary, String> valueOf,
        Function<String, Object> parse) {
      this.param = param;
      this.column = column;
      this.valueOf = valueOf;
      this.parse = parse;
    }
  }

  /**
   * {@code raised}, {@code -raised}, {@code amount} or {@code -amount}; null or blank for the
   * default.
   */
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
