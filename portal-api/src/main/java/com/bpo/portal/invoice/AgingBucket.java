package com.bpo.portal.invoice;

/** How far past its due date an open amount is, on the as-of date. */
public enum AgingBucket {
  CURRENT,
  DAYS_1_30,
  DAYS_31_60,
  DAYS_61_90,
  DAYS_OVER_90;

  public static AgingBucket of(long daysPastDue) {
    if (daysPastDue <= 0) {
      return CURRENT;
    }
    if (daysPastDue <= 30) {
      return DAYS_1_30;
    }
    if (daysPastDue <= 60) {
      return DAYS_31_60;
    }
    return daysPastDue <= 90 ? DAYS_61_90 : DAYS_OVER_90;
  }
}
