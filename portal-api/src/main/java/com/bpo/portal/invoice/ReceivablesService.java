package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Receivables figures, computed in SQL over the partial index of open invoices: aging buckets and
 * DSO. Open amounts are today's; an as-of date moves the buckets, not the payments. See
 * docs/KPIS.md.
 */
@TenantService
public class ReceivablesService {
  @Inject CustomerScope scope;
  @Inject ReceivablesQueries queries;

  /**
   * The aging on {@code asOf}: the {@code limit} customers owing most, and totals over all of them.
   */
  public Aging aging(LocalDate asOf, Optional<Long> customerId, int limit) {
    return queries.aging(asOf, narrowedTo(customerId), limit);
  }

  /** DSO over the {@code days} up to {@code asOf}, with the overdue total beside it. */
  public Dso dso(LocalDate asOf, int days, Optional<Long> customerId) {
    if (days < 1 || days > 366) {
      throw new ProblemException(
          "validation", "Invalid request", 400, "days must be between 1 and 366.");
    }
    List<Dso.Figure> figures = new ArrayList<>();
    for (ReceivablesQueries.DsoSums sums : queries.dso(asOf, days, narrowedTo(customerId))) {
      String currency = sums.currency();
      BigDecimal dso =
          sums.sales().signum() == 0
              ? null
              : sums.receivables()
                  .multiply(BigDecimal.valueOf(days))
                  .divide(sums.sales(), 1, RoundingMode.HALF_UP);
      figures.add(
          new Dso.Figure(
              new Money(sums.receivables(), currency),
              new Money(sums.sales(), currency),
              new Money(sums.overdue(), currency),
              dso));
    }
    return new Dso(asOf, days, figures);
  }

  /** A customer is narrowed to their own account whatever they ask for; others to what they ask. */
  private Optional<Long> narrowedTo(Optional<Long> requested) {
    CustomerScope.Visibility visibility = scope.current();
    if (visibility.all()) {
      return requested;
    }
    return Optional.of(visibility.account().orElse(-1L));
  }
}
