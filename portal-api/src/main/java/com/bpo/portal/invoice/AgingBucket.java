package com.bpo.portal.invoice;

/**
 * How far past its due date an open amount is, on the as-of date; the SQL in ReceivablesService
 * draws the lines.
 */
public enum AgingBucket {
  CURRENT,
  DAYS_1_30,
  DAYS_31_60,
  DAYS_61_90,
  DAYS_OVER_90
}
