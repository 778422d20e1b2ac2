package com.bpo.portal.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StrategyEngineTest {
  private static final LocalDate DUE = LocalDate.of(2026, 6, 15);

  static List<Strategy.Step> steps() {
    return Strategies.STANDARD_STEPS;
  }

  @ParameterizedTest(name = "step {0}: the day before, on and after its boundary")
  @MethodSource("steps")
  void eachStepAppliesFromItsDayOnAndNotTheDayBefore(Strategy.Step step) {
    Strategy strategy = Strategies.standard();
    LocalDate boundary = DUE.plusDays(step.dayOffset());
    Optional<Strategy.Step> before = StrategyEngine.stepOn(strategy, DUE, boundary.minusDays(1));
    int index = strategy.steps().indexOf(step);
    if (index == 0) {
      assertTrue(before.isEmpty(), "nothing applies before the first step: " + before);
    } else {
      assertEquals(
          strategy.steps().get(index - 1),
          before.orElseThrow(),
          "the day before: the previous step");
    }
    assertEquals(
        step, StrategyEngine.stepOn(strategy, DUE, boundary).orElseThrow(), "on the boundary");
    assertEquals(
        step,
        StrategyEngine.stepOn(strategy, DUE, boundary.plusDays(1)).orElseThrow(),
        "the day after");
  }

  @Test
  void theLastStepHoldsForeverAfter() {
    assertEquals(
        7,
        StrategyEngine.stepOn(Strategies.standard(), DUE, DUE.plusDays(900))
            .orElseThrow()
            .stepNo());
  }

  @Test
  void onTheDueDateTheFriendlyReminderStillAppliesAndTheFirstReminderWaitsADay() {
    assertEquals(1, StrategyEngine.stepOn(Strategies.standard(), DUE, DUE).orElseThrow().stepNo());
    assertEquals(
        2,
        StrategyEngine.stepOn(Strategies.standard(), DUE, DUE.plusDays(1)).orElseThrow().stepNo());
  }

  @Test
  void stepsGivenOutOfOrderAreWalkedInDayOrder() {
    Strategy shuffled =
        new Strategy(
            1,
            "S",
            1,
            "S",
            1,
            Strategy.Segment.any(),
            Strategies.SINCE,
            List.of(
                Strategies.STANDARD_STEPS.get(3),
                Strategies.STANDARD_STEPS.get(0),
                Strategies.STANDARD_STEPS.get(1)));
    assertEquals(2, StrategyEngine.stepOn(shuffled, DUE, DUE.plusDays(29)).orElseThrow().stepNo());
    assertEquals(4, StrategyEngine.stepOn(shuffled, DUE, DUE.plusDays(30)).orElseThrow().stepNo());
  }

  @Test
  void daysOverdueCountFromTheDayAfterTheDueDate() {
    assertEquals(0, StrategyEngine.daysOverdue(DUE, DUE.minusDays(3)));
    assertEquals(0, StrategyEngine.daysOverdue(DUE, DUE));
    assertEquals(1, StrategyEngine.daysOverdue(DUE, DUE.plusDays(1)));
  }

  @Test
  void theFirstMatchingSegmentByRankWins() {
    Strategy highRisk =
        new Strategy(
            2,
            "HIGH_RISK",
            1,
            "High risk",
            10,
            new Strategy.Segment(Set.of(RiskClass.HIGH), Set.of(), null, null),
            Strategies.SINCE,
            List.of());
    Strategy keyAccounts =
        new Strategy(
            3,
            "KEY",
            1,
            "Key accounts",
            20,
            new Strategy.Segment(
                Set.of(), Set.of(CustomerType.KEY_ACCOUNT), new BigDecimal("10000.00"), null),
            Strategies.SINCE,
            List.of());
    List<Strategy> all = List.of(Strategies.standard(), keyAccounts, highRisk);
    LocalDate day = LocalDate.of(2026, 7, 1);
    assertEquals("HIGH_RISK", code(all, RiskClass.HIGH, CustomerType.KEY_ACCOUNT, "50000.00", day));
    assertEquals("KEY", code(all, RiskClass.LOW, CustomerType.KEY_ACCOUNT, "10000.00", day));
    assertEquals(
        "STANDARD",
        code(all, RiskClass.LOW, CustomerType.KEY_ACCOUNT, "9999.99", day),
        "under the minimum");
    assertEquals("STANDARD", code(all, RiskClass.MEDIUM, CustomerType.BUSINESS, "50000.00", day));
  }

  @Test
  void aBalanceBoundIsInclusiveAtBothEnds() {
    Strategy.Segment small =
        new Strategy.Segment(
            Set.of(), Set.of(), new BigDecimal("100.00"), new BigDecimal("500.00"));
    assertTrue(small.matches(RiskClass.LOW, CustomerType.BUSINESS, new BigDecimal("100.00")));
    assertTrue(small.matches(RiskClass.LOW, CustomerType.BUSINESS, new BigDecimal("500.00")));
    assertTrue(!small.matches(RiskClass.LOW, CustomerType.BUSINESS, new BigDecimal("500.01")));
    assertTrue(!small.matches(RiskClass.LOW, CustomerType.BUSINESS, new BigDecimal("99.99")));
  }

  @Test
  void theNewestVersionInForceOnTheDayIsUsedAndAFutureOneWaits() {
    Strategy v1 = Strategies.standard();
    Strategy v2 =
        new Strategy(
            5,
            "STANDARD",
            2,
            "Standard (stricter)",
            100,
            Strategy.Segment.any(),
            LocalDate.of(2026, 7, 1),
            List.of(new Strategy.Step(1, 0, 1, StepAction.MAIL, "first_reminder", true)));
    List<Strategy> versions = List.of(v2, v1);
    assertEquals(
        1,
        StrategyEngine.strategyFor(
                versions,
                RiskClass.LOW,
                CustomerType.BUSINESS,
                BigDecimal.ONE,
                LocalDate.of(2026, 6, 30))
            .orElseThrow()
            .versionNo(),
        "the day before v2 starts");
    assertEquals(
        2,
        StrategyEngine.strategyFor(
                versions,
                RiskClass.LOW,
                CustomerType.BUSINESS,
                BigDecimal.ONE,
                LocalDate.of(2026, 7, 1))
            .orElseThrow()
            .versionNo(),
        "the day it starts");
  }

  @Test
  void noStrategyWhenNoSegmentMatches() {
    Strategy onlyHigh =
        new Strategy(
            2,
            "HIGH_RISK",
            1,
            "High",
            1,
            new Strategy.Segment(Set.of(RiskClass.HIGH), Set.of(), null, null),
            Strategies.SINCE,
            Strategies.STANDARD_STEPS);
    assertTrue(
        StrategyEngine.strategyFor(
                List.of(onlyHigh),
                RiskClass.LOW,
                CustomerType.BUSINESS,
                BigDecimal.TEN,
                LocalDate.of(2026, 7, 1))
            .isEmpty());
  }

  private static String code(
      List<Strategy> all, RiskClass risk, CustomerType type, String balance, LocalDate day) {
    return StrategyEngine.strategyFor(all, risk, type, new BigDecimal(balance), day)
        .orElseThrow()
        .code();
  }
}
