package com.bpo.portal.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewScheduleTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void theNextReviewIsTheIntervalAfterTheStart() {
    assertEquals(LocalDate.of(2027, 11, 23), ReviewSchedule.nextReview(TODAY, 12));
    assertEquals(
        LocalDate.of(2027, 2, 28), ReviewSchedule.nextReview(LocalDate.of(2026, 8, 31), 6));
    assertThrows(IllegalArgumentException.class, () -> ReviewSchedule.nextReview(TODAY, 0));
  }

  @Test
  void aReviewIsDueThirtyDaysAheadAndOverdueTheDayAfterItsDate() {
    assertEquals(ReviewSchedule.State.NOT_SCHEDULED, ReviewSchedule.state(null, TODAY));
    assertEquals(ReviewSchedule.State.NOT_DUE, ReviewSchedule.state(TODAY.plusDays(31), TODAY));
    assertEquals(ReviewSchedule.State.DUE, ReviewSchedule.state(TODAY.plusDays(30), TODAY));
    assertEquals(ReviewSchedule.State.DUE, ReviewSchedule.state(TODAY, TODAY));
    assertEquals(ReviewSchedule.State.OVERDUE, ReviewSchedule.state(TODAY.minusDays(1), TODAY));
  }

  @Test
  void oneReminderWhenDueAndOneMoreWhenOverdue() {
    LocalDate due = TODAY.plusDays(10);
    assertEquals(
        Optional.of(ReviewSchedule.Reminder.DUE), ReviewSchedule.reminder(due, TODAY, null, null));
    assertEquals(Optional.empty(), ReviewSchedule.reminder(due, TODAY, due, null));
    assertEquals(Optional.empty(), ReviewSchedule.reminder(TODAY.plusDays(31), TODAY, null, null));
    LocalDate past = TODAY.minusDays(1);
    assertEquals(
        Optional.of(ReviewSchedule.Reminder.OVERDUE),
        ReviewSchedule.reminder(past, TODAY, past, null));
    assertEquals(Optional.empty(), ReviewSchedule.reminder(past, TODAY, past, past));
    assertEquals(Optional.empty(), ReviewSchedule.reminder(null, TODAY, null, null));
  }

  @Test
  void aNewReviewDateRemindsAgain() {
    LocalDate old = TODAY.minusYears(1);
    LocalDate next = TODAY.plusDays(5);
    assertEquals(
        Optional.of(ReviewSchedule.Reminder.DUE), ReviewSchedule.reminder(next, TODAY, old, old));
  }
}
