package com.bpo.portal.dispute;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The money of a resolution and of a reopening, without a database. Resolving spreads the accepted
 * amount over the items in the order given (invoice order), each share capped at what the item has
 * not settled and at what is still open on its invoice; whatever cannot be placed is not settled.
 * Every item's unsettled amount leaves dispute, settled or not. Reopening holds again what each
 * item has not settled, as far as its invoice is still open and not held by another dispute.
 */
final class DisputeSettlement {
  /**
   * An item as the money sees it: its invoice, what it has not settled, and the invoice's open and
   * disputed amounts.
   */
  record Item(long invoiceId, BigDecimal unsettled, BigDecimal open, BigDecimal disputed) {}

  /**
   * What a resolution does to one item: {@code settled} is credited or written off, {@code
   * released} leaves dispute.
   */
  record Share(long invoiceId, BigDecimal settled, BigDecimal released) {}

  /** What a reopening holds again on one invoice (only amounts above zero are listed). */
  record Hold(long invoiceId, BigDecimal amount) {}

  private DisputeSettlement() {}

  static List<Share> spread(BigDecimal accepted, List<Item> items) {
    if (accepted.signum() < 0) {
      throw new IllegalArgumentException("The accepted amount cannot be negative: " + accepted);
    }
    List<Share> shares = new ArrayList<>();
    BigDecimal left = accepted;
    for (Item item : items) {
      BigDecimal share = left.min(item.unsettled()).min(item.open()).max(BigDecimal.ZERO);
      left = left.subtract(share);
      shares.add(new Share(item.invoiceId(), share, item.unsettled()));
    }
    return shares;
  }

  static List<Hold> reopen(List<Item> items) {
    List<Hold> holds = new ArrayList<>();
    for (Item item : items) {
      BigDecimal hold = item.unsettled().min(item.open().subtract(item.disputed()));
      if (hold.signum() > 0) {
        holds.add(new Hold(item.invoiceId(), hold));
      }
    }
    return holds;
  }
}
