package com.bpo.portal.invoice;

import com.bpo.portal.shared.Decimals;
import com.bpo.portal.shared.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The orders the invoice list offers, each backed by an index ending in id, so that a keyset page
 * is exact even where many invoices share a due date or an amount.
 */
public record InvoiceSort(Key key, boolean descending) {
  public enum Key {
    DUE_DATE("dueDate", "i.dueDate", LocalDate::parse, s -> s.dueDate().toString()),
    ISSUE_DATE("issueDate", "i.issueDate", LocalDate::parse, s -> s.issueDate().toString()),
    NUMBER("number", "i.number", s -> s, InvoiceSummary::number),
    TOTAL("total", "i.totalAmount", InvoiceSort::storedAmount, s -> s.total().amount().toPlainString());

    final String field;
    final String path;
    final Function<String, Object> parse;
    final Function<InvoiceSummary, String> valueOf;

    Key(String field, String path, Function<String, Object> parse, Function<InvoiceSummary, String> valueOf) {
      this.field = field;
      this.path = path;
      this.parse = parse;
      this.valueOf = valueOf;
    }
  }

  /** A cursor's total, as stored (numeric(19, 2)): an edited cursor cannot carry a bigger number. */
  private static BigDecimal storedAmount(String text) {
    return Decimals.parse(text, 17, 2);
  }

  public static final InvoiceSort DEFAULT = new InvoiceSort(Key.DUE_DATE, false);

  /** "dueDate" ascending, "-total" descending; null means the default order. */
  public static InvoiceSort parse(String sort) {
    if (sort == null || sort.isBlank()) {
      return DEFAULT;
    }
    boolean descending = sort.startsWith("-");
    String field = descending ? sort.substring(1) : sort;
    return Arrays.stream(Key.values()).filter(k -> k.field.equals(field)).findFirst()
        .map(k -> new InvoiceSort(k, descending))
        .orElseThrow(() -> new ProblemException("validation", "Invalid request", 400,
            "sort must be one of " + Arrays.stream(Key.values()).map(k -> k.field).collect(Collectors.joining(", "))
                + ", optionally prefixed with '-'."));
  }
}
