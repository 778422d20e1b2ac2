package com.bpo.portal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  final RetrySchedule defaults = new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(6), 15);

  @Test
  void theWaitDoublesAfterEachFailureFromTheBase() {
    assertEquals(Duration.ofMinutes(1), defaults.afterFailedAttempt(1));
    assertEquals(Duration.ofMinutes(2), defaults.afterFailedAttempt(2));
    assertEquals(Duration.ofMinutes(4), defaults.afterFailedAttempt(3));
    assertEquals(Duration.ofMinutes(128), defaults.afterFailedAttempt(8));
  }

  @Test
  void theWaitNeverExceedsTheCap() {
    RetrySchedule longRun = new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(6), 100);
    assertEquals(Duration.ofMinutes(256), longRun.afterFailedAttempt(9));
    assertEquals(Duration.ofHours(6), longRun.afterFailedAttempt(10));
    assertEquals(Duration.ofHours(6), longRun.afterFailedAttempt(99));
  }

  @Test
  void theLastAttemptIsNotRetried() {
    assertEquals(Duration.ofHours(6), defaults.afterFailedAttempt(14));
    assertNull(defaults.afterFailedAttempt(15));
    assertNull(defaults.afterFailedAttempt(16));
  }

  @Test
  void theDefaultsKeepTryingForAboutADayAndAHalf() {
    Duration total = Duration.ZERO;
    for (int attempt = 1; defaults.afterFailedAttempt(attempt) != null; attempt++) {
      total = total.plus(defaults.afterFailedAttempt(attempt));
    }
    // 1 + 2 + ... + 256 minutes, then five waits of 6 hours
    assertEquals(Duration.ofMinutes(511 + 5 * 360), total);
  }

  @Test
  void secondsForTheIntegrationTests() {
    RetrySchedule quick = new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(4), 5);
    assertEquals(Duration.ofSeconds(1), quick.afterFailedAttempt(1));
    assertEquals(Duration.ofSeconds(4), quick.afterFailedAttempt(4));
    assertNull(quick.afterFailedAttempt(5));
  }

  @Test
  void nonsenseSchedulesAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), 3));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetrySchedule(Duration.ofHours(2), Duration.ofHours(1), 3));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(1), 0));
    assertThrows(IllegalArgumentException.class, () -> defaults.afterFailedAttempt(0));
  }
}
