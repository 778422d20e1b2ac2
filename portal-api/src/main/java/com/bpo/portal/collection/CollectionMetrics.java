package com.bpo.portal.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Collections figures for a period, per collector and for the tenant. Amounts are summed as they
 * are (a tenant bills in one currency in practice). {@code effectiveness} is a simplified
 * collection effectiveness index: collected ÷ (collected + still overdue net of disputes today), in
 * percent. {@code promisesKept} is kept ÷ decided promises; {@code dunningCoverage} the share of
 * the accounts overdue today that had a notice sent in the period.
 */
public record CollectionMetrics(
    LocalDate from,
    LocalDate to,
    List<Row> collectors,
    Row tenant,
    BigDecimal promisesKept,
    BigDecimal dunningCoverage) {
  public record Row(
      String collector,
      long accountsWorked,
      long contacts,
      long promisesMade,
      BigDecimal promisedAmount,
      long promisesKept,
      BigDecimal keptAmount,
      long promisesDecided,
      BigDecimal collected,
      BigDecimal overdue,
      BigDecimal effectiveness) {}

  /** part ÷ whole in percent with one decimal, or null when the whole is zero. */
  public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    if (whole == null || whole.signum() == 0) {
      return null;
    }
    return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
  }
}
