package com.bpo.portal.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BehaviourScoreTest {
  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  private static BehaviourScore score(
      String daysLate, int promises, String disputeRate, String exposure, String limit) {
    return BehaviourScore.of(d(daysLate), promises, d(disputeRate), d(exposure), d(limit));
  }

  @Test
  void aPunctualUndisputedAccountWellWithinItsLimitScoresAHundred() {
    assertEquals(100, score("0", 0, "0", "800", "1000").score());
  }

  @Test
  void latenessCostsAPointPerDayAndAHalfCappedAtForty() {
    assertEquals(0, score("1.49", 0, "0", "0", "1000").latenessPenalty());
    assertEquals(1, score("1.5", 0, "0", "0", "1000").latenessPenalty());
    assertEquals(39, score("59.99", 0, "0", "0", "1000").latenessPenalty());
    assertEquals(40, score("60", 0, "0", "0", "1000").latenessPenalty());
    assertEquals(40, score("400", 0, "0", "0", "1000").latenessPenalty());
  }

  @Test
  void brokenPromisesCostFiveEachCappedAtTwenty() {
    assertEquals(5, score("0", 1, "0", "0", "1000").promisePenalty());
    assertEquals(20, score("0", 4, "0", "0", "1000").promisePenalty());
    assertEquals(20, score("0", 9, "0", "0", "1000").promisePenalty());
  }

  @Test
  void disputesCostAPointPerPercentCappedAtTwenty() {
    assertEquals(0, score("0", 0, "0.0099", "0", "1000").disputePenalty());
    assertEquals(1, score("0", 0, "0.01", "0", "1000").disputePenalty());
    assertEquals(20, score("0", 0, "0.20", "0", "1000").disputePenalty());
    assertEquals(20, score("0", 0, "1", "0", "1000").disputePenalty());
  }

  @Test
  void exposureCostsNothingUpToEightyPercentThenRisesToTenAtTheLimitAndTwentyAbove() {
    assertEquals(0, score("0", 0, "0", "800.00", "1000").exposurePenalty());
    assertEquals(0, score("0", 0, "0", "819.99", "1000").exposurePenalty());
    assertEquals(1, score("0", 0, "0", "820.00", "1000").exposurePenalty());
    assertEquals(10, score("0", 0, "0", "1000.00", "1000").exposurePenalty());
    assertEquals(20, score("0", 0, "0", "1000.01", "1000").exposurePenalty());
    assertEquals(
        20, score("0", 0, "0", "0.01", "0").exposurePenalty(), "anything exposed without a limit");
    assertEquals(
        0, score("0", 0, "0", "-50", "0").exposurePenalty(), "a credit balance exposes nothing");
  }

  @Test
  void theWorstAccountScoresZero() {
    BehaviourScore worst = score("90", 5, "0.5", "2000", "1000");
    assertEquals(0, worst.score());
    assertEquals(
        100,
        worst.latenessPenalty()
            + worst.promisePenalty()
            + worst.disputePenalty()
            + worst.exposurePenalty());
  }
}
