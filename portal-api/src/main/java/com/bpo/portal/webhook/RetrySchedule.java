package com.bpo.portal.webhook;

import java.time.Duration;

/**
 * When a failed delivery is tried again: after {@code base}, then twice as long after each further
 * failure, never longer than {@code cap}; after {@code maxAttempts} attempts it is given up
 * (FAILED, redelivered by hand). The defaults (1 minute, doubling up to 6 hours, 15 attempts) keep
 * trying for about a day and a half (38½ hours), long enough for a receiver's weekend outage to be
 * noticed and mended.
 */
public record RetrySchedule(Duration base, Duration cap, int maxAttempts) {
  public RetrySchedule {
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException(
          "a retry schedule needs 0 < base <= cap and at least one attempt");
    }
  }

  /**
   * The wait after the {@code attempt}-th attempt failed (1-based), or null when it was the last.
   */
  public Duration afterFailedAttempt(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1");
    }
    if (attempt >= maxAttempts) {
      return null;
    }
    // doubling with shifts would overflow long before a cap in hours matters: stop at the cap
    Duration wait = base;
    for (int i = 1; i < attempt && wait.compareTo(cap) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(cap) > 0 ? cap : wait;
  }
}
