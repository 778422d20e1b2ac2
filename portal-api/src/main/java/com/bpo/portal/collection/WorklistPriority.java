package com.bpo.portal.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The worklist's order, one number per account so that SQL ranks by it and pages by keyset:
 *
 * <ol>
 *   <li>accounts with a promise broken in the last {@value #BROKEN_WINDOW_DAYS} days and no contact
 *       logged since first,
 *   <li>then accounts with a promise due today,
 *   <li>then by points: the overdue amount net of disputes and of open promises, times (1 + days
 *       overdue / 30, days capped at {@value #DAYS_CAP}), times the risk weight (low 1, medium 2,
 *       high 3).
 * </ol>
 *
 * The tier is the leading digit block: {@code key = tier × 10^13 + min(points, 10^13 − 1)}. Amounts
 * are taken as they are, whatever their currency (a tenant bills in one currency in practice).
 * {@link #sql} writes the same formula for the worklist query; {@link #key} is the reference the
 * tests hold it to.
 */
public final class WorklistPriority {
  public static final int BROKEN_WINDOW_DAYS = 30;
  public static final int DAYS_CAP = 180;
  static final BigDecimal TIER = new BigDecimal("10000000000000");
  static final BigDecimal MAX_POINTS = TIER.subtract(BigDecimal.ONE);

  private WorklistPriority() {}

  public enum Tier {
    NONE,
    PROMISE_DUE_TODAY,
    BROKEN_PROMISE
  }

  public static Tier tier(boolean brokenRecently, boolean promiseDueToday) {
    return brokenRecently
        ? Tier.BROKEN_PROMISE
        : promiseDueToday ? Tier.PROMISE_DUE_TODAY : Tier.NONE;
  }

  /**
   * The overdue amount that is worth chasing: overdue less disputed less promised, never negative.
   */
  public static BigDecimal netOverdue(
      BigDecimal overdue, BigDecimal disputed, BigDecimal promised) {
    return overdue.subtract(disputed).subtract(promised).max(BigDecimal.ZERO);
  }

  public static BigDecimal points(BigDecimal netOverdue, int daysOverdue, RiskClass risk) {
    BigDecimal days = BigDecimal.valueOf(Math.min(Math.max(daysOverdue, 0), DAYS_CAP));
    BigDecimal factor =
        BigDecimal.ONE.add(days.divide(BigDecimal.valueOf(30), 6, RoundingMode.HALF_UP));
    return netOverdue
        .multiply(factor)
        .multiply(BigDecimal.valueOf(risk.weight()))
        .setScale(0, RoundingMode.HALF_UP)
        .min(MAX_POINTS);
  }

  public static BigDecimal key(Tier tier, BigDecimal netOverdue, int daysOverdue, RiskClass risk) {
    return TIER.multiply(BigDecimal.valueOf(tier.ordinal()))
        .add(points(netOverdue, daysOverdue, risk));
  }

  /**
   * The key in SQL over columns (or expressions) named as given: {@code broken} and {@code
   * dueToday} booleans, {@code net} numeric, {@code days} integer, {@code risk} the risk class's
   * name.
   */
  public static String sql(String broken, String dueToday, String net, String days, String risk) {
    return "(case when "
        + broken
        + " then 2 when "
        + dueToday
        + " then 1 else 0 end) * "
        + TIER.toPlainString()
        + " + least(round("
        + net
        + " * (1 + round(least(greatest("
        + days
        + ", 0), "
        + DAYS_CAP
        + ") / 30.0, 6))"
        + " * (case "
        + risk
        + " when 'HIGH' then "
        + RiskClass.HIGH.weight()
        + " when 'LOW' then "
        + RiskClass.LOW.weight()
        + " else "
        + RiskClass.MEDIUM.weight()
        + " end), 0), "
        + MAX_POINTS.toPlainString()
        + ")";
  }
}
