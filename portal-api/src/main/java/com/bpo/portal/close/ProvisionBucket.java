package com.bpo.portal.close;

import java.util.Arrays;

/**
 * How far past its due date an amount is at the month end, for provisioning: finer than the
 * collections aging beyond 90 days, where most of the provision sits. The SQL's bucket expression
 * is generated from these bounds ({@link #sqlCase}), so the rules and the queries cannot disagree.
 */
public enum ProvisionBucket {
  CURRENT(Long.MIN_VALUE, 0),
  DAYS_1_30(1, 30),
  DAYS_31_60(31, 60),
  DAYS_61_90(61, 90),
  DAYS_91_180(91, 180),
  DAYS_OVER_180(181, Long.MAX_VALUE);

  private final long fromDays;
  private final long toDays;

  ProvisionBucket(long fromDays, long toDays) {
    this.fromDays = fromDays;
    this.toDays = toDays;
  }

  /** The bucket of an amount {@code daysOverdue} days past due (zero or less: not yet due). */
  public static ProvisionBucket of(long daysOverdue) {
    return Arrays.stream(values())
        .filter(b -> daysOverdue >= b.fromDays && daysOverdue <= b.toDays)
        .findFirst()
        .orElseThrow();
  }

  /** A SQL {@code case} giving the bucket's name for an integer expression of days overdue. */
  public static String sqlCase(String daysOverdue) {
    StringBuilder sql = new StringBuilder("case");
    for (ProvisionBucket b : values()) {
      if (b.toDays != Long.MAX_VALUE) {
        sql.append(" when ")
            .append(daysOverdue)
            .append(" <= ")
            .append(b.toDays)
            .append(" then '")
            .append(b.name())
            .append('\'');
      } else {
        sql.append(" else '").append(b.name()).append('\'');
      }
    }
    return sql.append(" end").toString();
  }
}
