package com.bpo.portal.collection;

import java.time.LocalDate;
import java.util.List;

/**
 * The standard strategy of the tests: friendly reminder 5 days before due, reminders at 1 and 15, a
 * call at 30, final notice at 45, escalation at 60, credit hold at 90.
 */
final class Strategies {
  static final LocalDate SINCE = LocalDate.of(2026, 1, 1);

  static final List<Strategy.Step> STANDARD_STEPS =
      List.of(
          new Strategy.Step(1, -5, 0, StepAction.MAIL, "friendly", false),
          new Strategy.Step(2, 1, 1, StepAction.MAIL, "first_reminder", true),
          new Strategy.Step(3, 15, 2, StepAction.LETTER, "second_reminder", true),
          new Strategy.Step(4, 30, 3, StepAction.CALL_TASK, "call", false),
          new Strategy.Step(5, 45, 4, StepAction.LETTER, "final_notice", true),
          new Strategy.Step(6, 60, 5, StepAction.ESCALATION, "escalation", true),
          new Strategy.Step(7, 90, 6, StepAction.CREDIT_HOLD, "credit_hold", true));

  static Strategy standard() {
    return new Strategy(
        1, "STANDARD", 1, "Standard", 100, Strategy.Segment.any(), SINCE, STANDARD_STEPS);
  }

  private Strategies() {}
}
