package com.bpo.portal.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The payment behaviour score of an account, 0 (worst) to 100 (best): 100 less four capped
 * penalties. The facts come from SQL ({@code CreditQueries.behaviour}); only their combination
 * lives here, so that every edge is tested. docs/CREDIT.md gives the same table in words.
 *
 * <ul>
 *   <li>lateness: 1 point per 1.5 average days late, at most 40 (60 days late or more costs 40);
 *   <li>broken promises: 5 points each, at most 20;
 *   <li>disputes: 1 point per percentage point of invoices disputed, at most 20;
 *   <li>exposure: none up to 80 % of the limit, then 1 point per 2 % up to 100 % (10 points), and
 *       20 above the limit, or with a limit of zero and anything exposed.
 * </ul>
 */
public record BehaviourScore(
    int score, int latenessPenalty, int promisePenalty, int disputePenalty, int exposurePenalty) {
  private static final BigDecimal EIGHTY = new BigDecimal("0.80");

  /**
   * @param averageDaysLate average days paid (or, if open, outstanding) after the due date, 0 or
   *     more
   * @param brokenPromises promises to pay not kept in the period
   * @param disputeRate share of the period's invoices disputed, 0 to 1
   * @param exposure what the account owes now, net of unapplied credit
   * @param limit the credit limit in force
   */
  public static BehaviourScore of(
      BigDecimal averageDaysLate,
      int brokenPromises,
      BigDecimal disputeRate,
      BigDecimal exposure,
      BigDecimal limit) {
    int lateness =
        Math.min(
            40,
            averageDaysLate
                .max(BigDecimal.ZERO)
                .divide(new BigDecimal("1.5"), 0, RoundingMode.FLOOR)
                .intValue());
    int promises = Math.min(20, Math.max(0, brokenPromises) * 5);
    int disputes =
        Math.min(
            20,
            disputeRate
                .max(BigDecimal.ZERO)
                .movePointRight(2)
                .setScale(0, RoundingMode.FLOOR)
                .intValue());
    int exposed = exposurePenalty(exposure, limit);
    return new BehaviourScore(
        100 - lateness - promises - disputes - exposed, lateness, promises, disputes, exposed);
  }

  static int exposurePenalty(BigDecimal exposure, BigDecimal limit) {
    if (exposure.signum() <= 0) {
      return 0;
    }
    if (limit.signum() <= 0 || exposure.compareTo(limit) > 0) {
      return 20;
    }
    BigDecimal ratio = exposure.divide(limit, 6, RoundingMode.DOWN);
    if (ratio.compareTo(EIGHTY) <= 0) {
      return 0;
    }
    return ratio
        .subtract(EIGHTY)
        .movePointRight(2)
        .divide(BigDecimal.valueOf(2), 0, RoundingMode.FLOOR)
        .intValue();
  }
}
