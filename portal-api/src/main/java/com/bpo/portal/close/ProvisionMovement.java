package com.bpo.portal.close;

import java.math.BigDecimal;

/**
 * How the provision moved over a month: the opening (last month's closing), the part used by the
 * month's write-offs (at most what was provided), and the charge or release that brings the rest to
 * the closing the policy asks for. {@code opening - used + charge - release = closing}.
 */
public record ProvisionMovement(
    BigDecimal opening,
    BigDecimal used,
    BigDecimal charge,
    BigDecimal release,
    BigDecimal closing) {
  /**
   * @param writtenOff the month's write-offs, as a positive amount
   */
  public static ProvisionMovement of(
      BigDecimal opening, BigDecimal closing, BigDecimal writtenOff) {
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    BigDecimal used = cents(writtenOff.max(zero).min(opening.max(zero)));
    BigDecimal net = closing.subtract(opening.subtract(used));
    return new ProvisionMovement(
        cents(opening), used, cents(net.max(zero)), cents(net.negate().max(zero)), cents(closing));
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
