package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Days sales outstanding, simple method: open receivables on the as-of date divided by the credit
 * sales invoiced in the {@code days} before it, times {@code days}. One figure per currency, since
 * amounts in different currencies do not add up. {@code dso} is null when nothing was invoiced.
 */
public record Dso(LocalDate asOf, int days, List<Figure> figures) {
  public record Figure(Money receivables, Money sales, Money overdue, BigDecimal dso) {}
}
