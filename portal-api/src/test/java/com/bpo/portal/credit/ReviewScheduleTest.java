package com.bpo.portal.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReviewScheduleTest {
  private static final LocalDate REVIEWED = LocalDate.of(2026, 1, 15);

  @Test
  void highRiskIsReviewedQuarterlyMediumHalfYearlyLowYearly() {
    assertEquals(LocalDate.of(2026, 4, 15), RiskClass.HIGH.nextReview(REVIEWED));
    assertEquals(LocalDate.of(2026, 7, 15), RiskClass.MEDIUM.nextReview(REVIEWED));
    assertEquals(LocalDate.of(2027, 1, 15), RiskClass.LOW.nextReview(REVIEWED));
  }

  @Test
  void aMonthEndClampsToTheShorterMonth() {
    assertEquals(LocalDate.of(2027, 2, 28), RiskClass.HIGH.nextReview(LocalDate.of(2026, 11, 30)));
  }

  @Test
  void aReviewIsDueThirtyDaysAheadIncludingItsDayAndOverdueTheDayAfter() {
    LocalDate next = LocalDate.of(2026, 6, 30);
    assertEquals(ReviewState.LATER, ReviewState.of(next, next.minusDays(31)));
    assertEquals(ReviewState.DUE, ReviewState.of(next, next.minusDays(30)));
    assertEquals(ReviewState.DUE, ReviewState.of(next, next));
    assertEquals(ReviewState.OVERDUE, ReviewState.of(next, next.plusDays(1)));
  }
}
