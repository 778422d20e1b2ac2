package com.bpo.portal.collection;

import java.math.BigDecimal;

/**
 * A tenant's collections settings: how late and how short a payment may be and still keep a
 * promise, and whether a run's notices go out without a lead's release.
 */
public record CollectionSettings(
    int promiseToleranceDays,
    BigDecimal promiseToleranceAmount,
    boolean autoRelease,
    long version) {
  public static final CollectionSettings DEFAULTS =
      new CollectionSettings(2, new BigDecimal("1.00"), false, 0);

  public PromiseOutcome.Tolerance tolerance() {
    return new PromiseOutcome.Tolerance(promiseToleranceDays, promiseToleranceAmount);
  }
}
