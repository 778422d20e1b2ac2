package com.bpo.portal.dispute;

import com.bpo.portal.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Root causes of a period's disputes: by reason (a Pareto: most frequent first, with the cumulative
 * share), by month, by customer, and how long they took to resolve. Amounts are in the tenant's
 * currency; disputes in another currency are counted but not summed.
 */
public record DisputeAnalysis(
    LocalDate from,
    LocalDate to,
    int disputes,
    List<ByReason> reasons,
    List<ByMonth> months,
    List<ByCustomer> customers,
    CycleTime cycleTime) {

  public record ByReason(
      String code, String label, int count, Money amount, BigDecimal cumulativeShare) {}

  public record ByMonth(
      String month, int raised, int resolved, Money amount, BigDecimal meanCycleDays) {}

  public record ByCustomer(long customerId, String number, String name, int count, Money amount) {}

  /** Over the disputes of the period that are resolved: mean and 90th percentile, in days. */
  public record CycleTime(int resolved, BigDecimal meanDays, BigDecimal p90Days) {}
}
