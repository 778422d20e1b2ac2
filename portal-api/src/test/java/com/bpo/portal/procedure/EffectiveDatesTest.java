package com.bpo.portal.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.shared.Problem.FieldError;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EffectiveDatesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

  @Test
  void aVersionStartsTodayOrLater() {
    assertEquals(Optional.empty(), EffectiveDates.refuseStart(TODAY, TODAY, Optional.empty()));
    assertEquals(
        Optional.of(new FieldError("effectiveFrom", "must be today or later")),
        EffectiveDates.refuseStart(TODAY.minusDays(1), TODAY, Optional.empty()));
  }

  @Test
  void aVersionStartsAfterTheOneInForce() {
    LocalDate current = TODAY.plusDays(10);
    assertEquals(
        Optional.of(new FieldError("effectiveFrom", "must be after " + current)),
        EffectiveDates.refuseStart(current, TODAY, Optional.of(current)));
    assertEquals(
        Optional.empty(),
        EffectiveDates.refuseStart(current.plusDays(1), TODAY, Optional.of(current)));
  }

  @Test
  void aRetiredVersionEndsTodayOrOnItsFirstDayIfThatIsAhead() {
    assertEquals(TODAY, EffectiveDates.retiredOn(TODAY, TODAY.minusMonths(3)));
    assertEquals(TODAY.plusDays(5), EffectiveDates.retiredOn(TODAY, TODAY.plusDays(5)));
  }

  @Test
  void theReviewCountsFromTheLaterOfTheStartInForceAndTheLastConfirmedReview() {
    LocalDate start = LocalDate.of(2026, 1, 10);
    assertEquals(start, EffectiveDates.reviewBase(start, Optional.empty()));
    assertEquals(start, EffectiveDates.reviewBase(start, Optional.of(start.minusDays(1))));
    assertEquals(start, EffectiveDates.reviewBase(start, Optional.of(start)));
    assertEquals(
        LocalDate.of(2026, 6, 1),
        EffectiveDates.reviewBase(start, Optional.of(LocalDate.of(2026, 6, 1))));
  }
}
