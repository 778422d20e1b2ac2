package com.bpo.portal.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceSortTest {
  private static final InvoiceSummary ROW =
      new InvoiceSummary(
          42L,
          "INV-7",
          3L,
          "C-3",
          "Coyote",
          LocalDate.of(2026, 1, 2),
          LocalDate.of(2026, 2, 1),
          Money.of("1234.50", "EUR"),
          Money.of("10.00", "EUR"),
          InvoiceStatus.OPEN);

  @Test
  void eachOrderPagesOnItsSqlColumnWithTheIdBreakingTies() {
    var keyset = InvoiceSort.parse("-total").keyset();
    assertEquals("i.total_cents", keyset.sortColumn());
    assertEquals("i.id", keyset.idColumn());
    assertTrue(keyset.descending());
    assertFalse(InvoiceSort.parse(null).keyset().descending());
    assertEquals("i.due_date", InvoiceSort.parse(null).keyset().sortColumn());
  }

  @Test
  void aRowsCursorIsItsSortValueThenItsIdAndParsesBack() {
    for (String sort : List.of("dueDate", "issueDate", "number", "-total")) {
      InvoiceSort order = InvoiceSort.parse(sort);
      List<String> key = order.keyOf(ROW);
      assertEquals("42", key.get(1));
      Object parsed = order.keyset().parse().apply(key.get(0));
      Object expected =
          switch (order.key()) {
            case DUE_DATE -> ROW.dueDate();
            case ISSUE_DATE -> ROW.issueDate();
            case NUMBER -> ROW.number();
            case TOTAL -> 123450L;
          };
      assertEquals(expected, parsed, sort);
    }
  }

  @Test
  void anUnknownOrderIsRefused() {
    assertThrows(ProblemException.class, () -> InvoiceSort.parse("-customer"));
  }

  @Test
  void anAmountFilterBoundsTheTotalInWholeCents() {
    assertEquals(1001, InvoiceQueries.centsAtLeast(new BigDecimal("10.005")));
    assertEquals(1000, InvoiceQueries.centsAtMost(new BigDecimal("10.005")));
    assertEquals(1000, InvoiceQueries.centsAtLeast(new BigDecimal("10")));
    assertEquals(1000, InvoiceQueries.centsAtMost(new BigDecimal("10.00")));
    assertEquals(-100, InvoiceQueries.centsAtLeast(new BigDecimal("-1.005")));
    assertEquals(-101, InvoiceQueries.centsAtMost(new BigDecimal("-1.005")));
    assertEquals(
        99_999_999_999_999_999L,
        InvoiceQueries.centsAtMost(new BigDecimal("999999999999999.9999")),
        "the largest amount a filter takes (15 digits, 4 places) still fits in a bigint");
  }
}
