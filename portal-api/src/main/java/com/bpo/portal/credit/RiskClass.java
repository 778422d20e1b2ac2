package com.bpo.portal.credit;

import java.time.LocalDate;
import java.time.Period;

/** How risky an account is, and so how often its credit is reviewed. */
public enum RiskClass {
  LOW(Period.ofMonths(12)),
  MEDIUM(Period.ofMonths(6)),
  HIGH(Period.ofMonths(3));

  private final Period reviewInterval;

  RiskClass(Period reviewInterval) {
    this.reviewInterval = reviewInterval;
  }

  public Period reviewInterval() {
    return reviewInterval;
  }

  /**
   * The next review after one on {@code reviewedOn} (month ends clamp: 30 Nov + 3 months = 28/29
   * Feb).
   */
  public LocalDate nextReview(LocalDate reviewedOn) {
    return reviewedOn.plus(reviewInterval);
  }
}
