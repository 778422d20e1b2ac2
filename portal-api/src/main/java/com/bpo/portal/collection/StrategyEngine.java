package com.bpo.portal.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which strategy applies to an account, and which of its steps applies to an invoice on a day. A
 * step applies from its day (relative to the due date) on, until the next step's day: on the day
 * before a boundary the earlier step (or none) applies, on the boundary and after it the new one.
 */
public final class StrategyEngine {
  private StrategyEngine() {}

  /**
   * The strategy for an account: among the versions in force on {@code day} (the newest version of
   * each code whose {@code effectiveFrom} is not after the day), the first by rank, then code,
   * whose segment matches.
   */
  public static Optional<Strategy> strategyFor(
      List<Strategy> versions,
      RiskClass risk,
      CustomerType type,
      BigDecimal balance,
      LocalDate day) {
    return inForce(versions, day).stream()
        .filter(s -> s.segment().matches(risk, type, balance))
        .findFirst();
  }

  /** The versions in force on the day, one per code, by rank and code. */
  public static List<Strategy> inForce(List<Strategy> versions, LocalDate day) {
    return versions.stream()
        .filter(s -> !s.effectiveFrom().isAfter(day))
        .collect(
            java.util.stream.Collectors.groupingBy(
                Strategy::code,
                java.util.stream.Collectors.maxBy(Comparator.comparingInt(Strategy::versionNo))))
        .values()
        .stream()
        .flatMap(Optional::stream)
        .sorted(Comparator.comparingInt(Strategy::rank).thenComparing(Strategy::code))
        .toList();
  }

  /** The step an invoice due on {@code dueDate} is at on {@code day}, if it has reached one. */
  public static Optional<Strategy.Step> stepOn(
      Strategy strategy, LocalDate dueDate, LocalDate day) {
    long relative = ChronoUnit.DAYS.between(dueDate, day);
    Strategy.Step current = null;
    for (Strategy.Step step : strategy.steps()) {
      if (step.dayOffset() <= relative) {
        current = step;
      }
    }
    return Optional.ofNullable(current);
  }

  /** Whole days past the due date on the day (0 on the due date and before it). */
  public static int daysOverdue(LocalDate dueDate, LocalDate day) {
    return (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, day));
  }
}
