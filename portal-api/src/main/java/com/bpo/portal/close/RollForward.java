package com.bpo.portal.close;

import java.math.BigDecimal;

/**
 * The receivables of one currency over one month: what was owed at the start, what the month added
 * and took away, what is owed at the end. Cash, credits and write-offs are negative (they reduce
 * what is owed). {@link #difference()} is zero when the movements explain the closing balance to
 * the cent.
 */
public record RollForward(
    String currency,
    BigDecimal opening,
    BigDecimal invoiced,
    BigDecimal cash,
    BigDecimal credits,
    BigDecimal writeOffs,
    BigDecimal adjustments,
    BigDecimal closing) {
  public BigDecimal movements() {
    return invoiced.add(cash).add(credits).add(writeOffs).add(adjustments);
  }

  /** Closing minus (opening plus the month's movements): zero when it ties. */
  public BigDecimal difference() {
    return closing.subtract(opening.add(movements()));
  }

  public boolean ties() {
    return difference().signum() == 0;
  }
}
