package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import java.time.LocalDate;
import java.util.List;

/** Open receivables by age on a date: per customer (largest first) and in total per currency. */
public record Aging(LocalDate asOf, List<Row> customers, List<Row> totals) {
  /**
   * One line of the aging: a customer's (or, in totals, a currency's) open amounts per bucket. What
   * is under open dispute is held in {@code disputed}, out of the buckets collectors chase, so that
   * current + the four overdue buckets + disputed = total.
   */
  public record Row(
      Long customerId,
      String customerNumber,
      String customerName,
      Money current,
      Money days1To30,
      Money days31To60,
      Money days61To90,
      Money over90,
      Money disputed,
      Money total) {
    public Money in(AgingBucket bucket) {
      return switch (bucket) {
        case CURRENT -> current;
        case DAYS_1_30 -> days1To30;
        case DAYS_31_60 -> days31To60;
        case DAYS_61_90 -> days61To90;
        case DAYS_OVER_90 -> over90;
      };
    }
  }
}
