package com.bpo.portal.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.shared.Problem;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrategyCheckTest {
  private static StrategyQueries.StrategyDraft draft(String code, List<Strategy.Step> steps) {
    return new StrategyQueries.StrategyDraft(
        code, "Name", 10, Set.of(), Set.of(), null, null, LocalDate.of(2026, 1, 1), steps);
  }

  private static List<String> fields(StrategyQueries.StrategyDraft draft) {
    return StrategyCheck.errors(draft).stream().map(Problem.FieldError::field).toList();
  }

  @Test
  void theStandardStepsAreValid() {
    assertEquals(List.of(), fields(draft("STANDARD", Strategies.STANDARD_STEPS)));
  }

  @Test
  void aCodeMustBeCapitalsAndAStrategyNeedsSteps() {
    assertEquals(List.of("code", "steps"), fields(draft("standard", List.of())));
  }

  @Test
  void twoStepsOnOneDayAreRefusedOnTheSecond() {
    List<Strategy.Step> steps =
        List.of(
            new Strategy.Step(1, 5, 1, StepAction.MAIL, "first_reminder", true),
            new Strategy.Step(2, 5, 2, StepAction.LETTER, "second_reminder", true));
    assertEquals(List.of("steps[1].dayOffset"), fields(draft("S1", steps)));
  }

  @Test
  void levelsMustRiseWithTheDays() {
    List<Strategy.Step> steps =
        List.of(
            new Strategy.Step(1, 5, 2, StepAction.MAIL, "first_reminder", true),
            new Strategy.Step(2, 15, 2, StepAction.LETTER, "second_reminder", true));
    assertEquals(List.of("steps"), fields(draft("S1", steps)));
  }

  @Test
  void eachBadStepFieldIsNamed() {
    List<Strategy.Step> steps = List.of(new Strategy.Step(1, -61, 10, null, "Bad Key", true));
    assertEquals(
        List.of("steps[0].dayOffset", "steps[0].level", "steps[0].action", "steps[0].templateKey"),
        fields(draft("S1", steps)));
  }
}
