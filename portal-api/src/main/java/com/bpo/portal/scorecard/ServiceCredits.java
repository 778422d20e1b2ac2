package com.bpo.portal.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service credits of a signed-off month: each red KPI earns its at-risk share of the amount at
 * risk; if together they pass the cap, each is scaled down in proportion (cents rounded down, so
 * the total never passes the cap).
 */
public final class ServiceCredits {
  private ServiceCredits() {}

  public record RedKpi(String code, BigDecimal atRiskPct) {}

  public static Map<String, BigDecimal> of(
      List<RedKpi> red, BigDecimal amountAtRisk, BigDecimal cap) {
    Map<String, BigDecimal> earned = new LinkedHashMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (RedKpi kpi : red) {
      BigDecimal amount =
          amountAtRisk
              .multiply(kpi.atRiskPct())
              .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
      if (amount.signum() > 0) {
        earned.put(kpi.code(), amount);
        total = total.add(amount);
      }
    }
    if (total.compareTo(cap) > 0) {
      BigDecimal sum = total;
      earned.replaceAll((code, amount) -> amount.multiply(cap).divide(sum, 2, RoundingMode.DOWN));
      earned
          .values()
          .removeIf(amount -> amount.signum() == 0); // a cap of 0 books nothing, not rows of 0.00
    }
    return earned;
  }
}
