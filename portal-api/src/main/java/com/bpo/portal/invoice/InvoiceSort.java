package com.bpo.portal.invoice;

import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.sql.Keyset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The orders the invoice list offers, each backed by an index ending in id, so that a keyset page
 * is exact even where many invoices share a due date or an amount.
 */
public record InvoiceSort(Key key, boolean descending) {
  public enum Key {
    DUE_DATE("dueDate", "i.due_date", LocalDate::parse, s -> s.dueDate().toString()),
    ISSUE_DATE("issueDate", "i.issue_date", LocalDate::parse, s -> s.issueDate().toString()),
    NUMBER("number", "i.number", s -> s, InvoiceSummary::number),
    // sorted and paged in cents (V99): the keyset condition then searches the index under
    // row-level security; the cursor still carries the amount
    TOTAL(
        "total",
        "i.total_cents",
        text -> storedAmount(text).movePointRight(2).longValueExact(),
        s -> s.total().amount().toPlainString());

    final String field;

    /** The SQL column sorted on. */
    final String column;

    final Function<String, Object> parse;
    final Function<InvoiceSummary, String> valueOf;

    Key(
        String field,
        String column,
        Function<String, Object> parse,
        Function<InvoiceSummary, String> valueOf) {
      this.field = field;
      this.column = column;
      this.parse = parse;
      this.valueOf = valueOf;
    }
  }

  /**
   * A cursor's total, as stored (numeric(19, 2)): an edited cursor cannot carry a bigger number.
   */
  private static BigDecimal storedAmount(String text) {
    return com.bpo.portal.shared.Decimals.parse(text, 17, 2);
  }

  public static final InvoiceSort DEFAULT = new InvoiceSort(Key.DUE_DATE, false);

  /** The order as a keyset over the SQL columns, the id breaking ties. */
  Keyset keyset() {
    return descending
        ? Keyset.descending(key.column, "i.id", key.parse)
        : Keyset.ascending(key.column, "i.id", key.parse);
  }

  /** A row's cursor: its sort value, then its id. */
  List<String> keyOf(InvoiceSummary row) {
    return List.of(key.valueOf.apply(row), String.valueOf(row.id()));
  }

  /** "dueDate" ascending, "-total" descending; null means the default order. */
  public static InvoiceSort parse(String sort) {
    if (sort == null || sort.isBlank()) {
      return DEFAULT;
    }
    boolean descending = sort.startsWith("-");
    String field = descending ? sort.substring(1) : sort;
    return Arrays.stream(Key.values())
        .filter(k -> k.field.equals(field))
        .findFirst()
        .map(k -> new InvoiceSort(k, descending))
        .orElseThrow(
            () ->
                new ProblemException(
                    "validation",
                    "Invalid request",
                    400,
                    "sort must be one of "
                        + Arrays.stream(Key.values())
                            .map(k -> k.field)
                            .collect(Collectors.joining(", "))
                        + ", optionally prefixed with '-'."));
  }
}
