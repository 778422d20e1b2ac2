package com.bpo.portal.governance;

import com.bpo.portal.shared.ProcessArea;
import java.time.YearMonth;

/**
 * The root-cause loop's rules: which process area a dispute reason points to (where its fix
 * belongs) and the key that makes a proposal unique per reason and month.
 */
public final class RootCause {
  private RootCause() {}

  /**
   * Price and tax errors are billing's; what was shipped or received is order management's; the
   * rest the desk's.
   */
  public static ProcessArea areaOf(String reasonCode) {
    return switch (reasonCode) {
      case "PRICING", "DUPLICATE_BILLING", "TAX" -> ProcessArea.BILLING;
      case "QUANTITY", "DAMAGED_GOODS", "NOT_RECEIVED" -> ProcessArea.ORDER_MANAGEMENT;
      default -> ProcessArea.DISPUTES;
    };
  }

  public static String key(String reasonCode, YearMonth month) {
    return reasonCode + "@" + month;
  }

  /** A reason recurs when its disputes in the month exceed the threshold. */
  public static boolean recurs(int disputes, int threshold) {
    return disputes > threshold;
  }
}
