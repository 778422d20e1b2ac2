package com.bpo.portal.collection;

import java.util.EnumSet;
import java.util.Set;

/**
 * A promise to pay: PROPOSED by a customer until the collector accepts (or counters) or declines
 * it; OPEN while it is watched; KEPT, PARTLY_KEPT or BROKEN once the payments decide it.
 */
public enum PromiseStatus {
  PROPOSED,
  OPEN,
  KEPT,
  PARTLY_KEPT,
  BROKEN,
  DECLINED;

  /** Statuses in which the promise still holds the dunning of its invoices. */
  public static final Set<PromiseStatus> HOLDING = EnumSet.of(PROPOSED, OPEN);

  public boolean isDecided() {
    return this == KEPT || this == PARTLY_KEPT || this == BROKEN || this == DECLINED;
  }
}
