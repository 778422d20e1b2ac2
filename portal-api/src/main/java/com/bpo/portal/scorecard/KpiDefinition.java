package com.bpo.portal.scorecard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One version of a KPI's definition in the tenant's SLA contract. */
public record KpiDefinition(
    String code,
    int version,
    String name,
    Unit unit,
    Rag.Direction direction,
    BigDecimal target,
    BigDecimal warning,
    BigDecimal weight,
    BigDecimal atRiskPct,
    boolean computed,
    boolean active,
    String changedBy,
    OffsetDateTime changedAt) {
  public enum Unit {
    DAYS,
    PERCENT,
    NUMBER
  }

  /**
   * What a lead sends to change a definition; the code and the next version come from the path and
   * the store.
   */
  public record Change(
      String name,
      Unit unit,
      Rag.Direction direction,
      String target,
      String warning,
      String weight,
      String atRiskPct,
      Boolean computed,
      Boolean active) {}
}
