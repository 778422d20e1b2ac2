package com.bpo.portal.procedure;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When a procedure is next reviewed, and when its owner is reminded. The clock starts when a
 * version becomes effective or a review confirms it; a review is due soon {@link #DUE_SOON_DAYS}
 * days ahead and overdue the day after its date. One reminder when it comes due, one more when it
 * is overdue.
 */
public final class ReviewSchedule {
  public static final int DUE_SOON_DAYS = 30;

  public enum State {
    NOT_SCHEDULED,
    NOT_DUE,
    DUE,
    OVERDUE
  }

  public enum Reminder {
    DUE,
    OVERDUE
  }

  private ReviewSchedule() {}

  public static LocalDate nextReview(LocalDate from, int intervalMonths) {
    if (intervalMonths < 1) {
      throw new IllegalArgumentException("the review interval is at least one month");
    }
    return from.plusMonths(intervalMonths);
  }

  public static State state(LocalDate nextReviewOn, LocalDate today) {
    if (nextReviewOn == null) {
      return State.NOT_SCHEDULED;
    }
    if (nextReviewOn.isBefore(today)) {
      return State.OVERDUE;
    }
    return nextReviewOn.isAfter(today.plusDays(DUE_SOON_DAYS)) ? State.NOT_DUE : State.DUE;
  }

  /** The reminder to send today, given the review dates reminders already went out for. */
  public static Optional<Reminder> reminder(
      LocalDate nextReviewOn,
      LocalDate today,
      LocalDate remindedDueFor,
      LocalDate remindedOverdueFor) {
    State state = state(nextReviewOn, today);
    if (state == State.OVERDUE && !nextReviewOn.equals(remindedOverdueFor)) {
      return Optional.of(Reminder.OVERDUE);
    }
    if (state == State.DUE && !nextReviewOn.equals(remindedDueFor)) {
      return Optional.of(Reminder.DUE);
    }
    return Optional.empty();
  }
}
