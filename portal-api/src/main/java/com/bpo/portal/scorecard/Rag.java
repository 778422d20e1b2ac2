package com.bpo.portal.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Red, amber, green. Green at or better than the target; amber beyond it by at most the warning
 * band; red further still. NONE when there is no value to judge (nothing measured, or a manual KPI
 * not yet entered). Points for the weighted score: green 100, amber 50, red 0.
 */
public enum Rag {
  GREEN(100),
  AMBER(50),
  RED(0),
  NONE(0);

  public enum Direction {
    HIGHER,
    LOWER
  }

  private final int points;

  Rag(int points) {
    this.points = points;
  }

  public static Rag of(
      BigDecimal actual, Direction direction, BigDecimal target, BigDecimal warning) {
    if (actual == null) {
      return NONE;
    }
    // how far the actual falls short of the target, in the KPI's unit; zero or less is on target
    BigDecimal shortfall =
        direction == Direction.HIGHER ? target.subtract(actual) : actual.subtract(target);
    if (shortfall.signum() <= 0) {
      return GREEN;
    }
    return shortfall.compareTo(warning) <= 0 ? AMBER : RED;
  }

  public record Weighted(Rag rag, BigDecimal weight) {}

  /**
   * Σ weight × points ÷ Σ weight over the KPIs that have a value (NONE and weight 0 count for
   * nothing), to one decimal; null when no weighted KPI has a value.
   */
  public static BigDecimal score(List<Weighted> kpis) {
    BigDecimal points = BigDecimal.ZERO;
    BigDecimal weights = BigDecimal.ZERO;
    for (Weighted kpi : kpis) {
      if (kpi.rag() != NONE && kpi.weight().signum() > 0) {
        points = points.add(kpi.weight().multiply(BigDecimal.valueOf(kpi.rag().points)));
        weights = weights.add(kpi.weight());
      }
    }
    return weights.signum() == 0 ? null : points.divide(weights, 1, RoundingMode.HALF_UP);
  }
}
