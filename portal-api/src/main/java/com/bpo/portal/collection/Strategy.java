package com.bpo.portal.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * One version of a collection strategy: the accounts it applies to (its segment) and its steps by
 * days relative to the due date, kept in day order.
 */
public record Strategy(
    long id,
    String code,
    int versionNo,
    String name,
    int rank,
    Segment segment,
    LocalDate effectiveFrom,
    List<Step> steps) {
  public Strategy {
    steps = steps.stream().sorted(Comparator.comparingInt(Step::dayOffset)).toList();
  }

  /**
   * Which accounts a strategy applies to; an empty set or a null bound means "any".
   *
   * @param minBalance the least open balance (net of disputes), inclusive
   * @param maxBalance the greatest open balance, inclusive
   */
  public record Segment(
      Set<RiskClass> riskClasses,
      Set<CustomerType> customerTypes,
      BigDecimal minBalance,
      BigDecimal maxBalance) {
    public Segment {
      riskClasses = riskClasses == null ? Set.of() : Set.copyOf(riskClasses);
      customerTypes = customerTypes == null ? Set.of() : Set.copyOf(customerTypes);
    }

    public static Segment any() {
      return new Segment(Set.of(), Set.of(), null, null);
    }

    public boolean matches(RiskClass risk, CustomerType type, BigDecimal balance) {
      return (riskClasses.isEmpty() || riskClasses.contains(risk))
          && (customerTypes.isEmpty() || customerTypes.contains(type))
          && (minBalance == null || balance.compareTo(minBalance) >= 0)
          && (maxBalance == null || balance.compareTo(maxBalance) <= 0);
    }
  }

  /**
   * One step: from {@code dayOffset} days after the due date (negative: before it) until the next
   * step's day, an invoice is at this step's {@code level}.
   */
  public record Step(
      int stepNo,
      int dayOffset,
      int level,
      StepAction action,
      String templateKey,
      boolean needsRelease) {}
}
