package com.bpo.portal.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.scorecard.ServiceCredits.RedKpi;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Service credits of a signed-off month: at-risk share of the amount at risk per red KPI, within
 * the cap.
 */
class ServiceCreditsTest {
  /** The default SLA contract of a new tenant: 10,000 at risk, credits capped at 8,000. */
  private static final BigDecimal AT_RISK = new BigDecimal("10000.00");

  private static final BigDecimal CAP = new BigDecimal("8000.00");

  private static RedKpi red(String code, String pct) {
    return new RedKpi(code, new BigDecimal(pct));
  }

  private static Map<String, BigDecimal> expected(String... codeAmount) {
    Map<String, BigDecimal> map = new LinkedHashMap<>();
    for (int i = 0; i < codeAmount.length; i += 2) {
      map.put(codeAmount[i], new BigDecimal(codeAmount[i + 1]));
    }
    return map;
  }

  private static BigDecimal sum(Map<String, BigDecimal> credits) {
    return credits.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void aSingleRedKpiEarnsItsAtRiskShareOfTheAmountAtRisk() {
    assertEquals(
        expected("DSO", "2000.00"), ServiceCredits.of(List.of(red("DSO", "20")), AT_RISK, CAP));
  }

  @Test
  void severalRedKpisUnderTheCapEachEarnTheirFullShare() {
    assertEquals(
        expected("DSO", "2000.00", "CEI", "2000.00", "ADD", "1000.00"),
        ServiceCredits.of(
            List.of(red("DSO", "20"), red("CEI", "20"), red("ADD", "10")), AT_RISK, CAP));
  }

  @Test
  void creditsAddingUpExactlyToTheCapAreNotScaled() {
    Map<String, BigDecimal> credits =
        ServiceCredits.of(
            List.of(
                red("DSO", "20"),
                red("CEI", "20"),
                red("INVOICE_ACCURACY", "20"),
                red("ADD", "10"),
                red("PCT_OVER_90", "10")),
            AT_RISK,
            CAP);
    assertEquals(
        expected(
            "DSO",
            "2000.00",
            "CEI",
            "2000.00",
            "INVOICE_ACCURACY",
            "2000.00",
            "ADD",
            "1000.00",
            "PCT_OVER_90",
            "1000.00"),
        credits);
  }

  @Test
  void overTheCapEachCreditIsScaledInProportionWithCentsRoundedDown() {
    // 2000 × 3 + 1000 × 3 = 9000 > 8000: each × 8000 ÷ 9000, so 1777.77… and 888.88…, cents cut
    Map<String, BigDecimal> credits =
        ServiceCredits.of(
            List.of(
                red("DSO", "20"),
                red("CEI", "20"),
                red("INVOICE_ACCURACY", "20"),
                red("ADD", "10"),
                red("PCT_OVER_90", "10"),
                red("DISPUTE_RESPONSE_SLA", "10")),
            AT_RISK,
            CAP);
    assertEquals(
        expected(
            "DSO",
            "1777.77",
            "CEI",
            "1777.77",
            "INVOICE_ACCURACY",
            "1777.77",
            "ADD",
            "888.88",
            "PCT_OVER_90",
            "888.88",
            "DISPUTE_RESPONSE_SLA",
            "888.88"),
        credits);
    assertEquals(new BigDecimal("7999.95"), sum(credits));
  }

  @Test
  void scaledCreditsNeverPassTheCapEvenWhenTheyCannotReachItExactly() {
    // 50 + 50 + 50 = 150 against a cap of 100: 33.333… each, rounded down to 33.33
    Map<String, BigDecimal> credits =
        ServiceCredits.of(
            List.of(red("A1", "50"), red("A2", "50"), red("A3", "50")),
            new BigDecimal("100.00"),
            new BigDecimal("100.00"));
    assertEquals(expected("A1", "33.33", "A2", "33.33", "A3", "33.33"), credits);
    assertTrue(sum(credits).compareTo(new BigDecimal("100.00")) <= 0, sum(credits).toString());
  }

  @Test
  void aShareIsRoundedDownToTheCent() {
    // 333.33 × 10 % = 33.333
    assertEquals(
        expected("DSO", "33.33"),
        ServiceCredits.of(List.of(red("DSO", "10")), new BigDecimal("333.33"), CAP));
  }

  @Test
  void aRedKpiWithNothingAtRiskEarnsNothing() {
    assertEquals(
        expected("DSO", "2000.00"),
        ServiceCredits.of(
            List.of(red("DSO", "20"), red("PCT_CURRENT", "0"), red("CSAT", "0.00")), AT_RISK, CAP));
  }

  @Test
  void noRedKpiOrNoAmountAtRiskEarnsNothing() {
    assertEquals(Map.of(), ServiceCredits.of(List.of(), AT_RISK, CAP));
    assertEquals(Map.of(), ServiceCredits.of(List.of(red("DSO", "20")), BigDecimal.ZERO, CAP));
  }
}
