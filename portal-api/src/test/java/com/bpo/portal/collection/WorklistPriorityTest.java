package com.bpo.portal.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.collection.WorklistPriority.Tier;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WorklistPriorityTest {
  private static BigDecimal key(Tier tier, String net, int days, RiskClass risk) {
    return WorklistPriority.key(tier, new BigDecimal(net), days, risk);
  }

  @Test
  void aBrokenPromiseComesBeforeAnyAmountAndAPromiseDueTodayBeforeTheRest() {
    BigDecimal broken = key(Tier.BROKEN_PROMISE, "1.00", 1, RiskClass.LOW);
    BigDecimal dueToday = key(Tier.PROMISE_DUE_TODAY, "1.00", 1, RiskClass.LOW);
    BigDecimal huge = key(Tier.NONE, "9999999999.00", 180, RiskClass.HIGH);
    assertTrue(broken.compareTo(dueToday) > 0);
    assertTrue(
        dueToday.compareTo(huge) > 0, "even the largest amount waits behind a promise due today");
  }

  @Test
  void pointsAreTheNetOverdueTimesOnePlusDaysOverThirtyTimesTheRiskWeight() {
    // 1000 × (1 + 30/30) × 2 (medium)
    assertEquals(
        new BigDecimal("4000"),
        WorklistPriority.points(new BigDecimal("1000.00"), 30, RiskClass.MEDIUM));
    // 1000 × (1 + 15/30) × 3 (high)
    assertEquals(
        new BigDecimal("4500"),
        WorklistPriority.points(new BigDecimal("1000.00"), 15, RiskClass.HIGH));
    // 100 × (1 + 0) × 1
    assertEquals(
        new BigDecimal("100"), WorklistPriority.points(new BigDecimal("100.00"), 0, RiskClass.LOW));
  }

  @Test
  void daysOverdueCountUpToOneHundredEightyDays() {
    assertEquals(
        WorklistPriority.points(new BigDecimal("100"), 180, RiskClass.LOW),
        WorklistPriority.points(new BigDecimal("100"), 400, RiskClass.LOW));
    assertTrue(
        WorklistPriority.points(new BigDecimal("100"), 179, RiskClass.LOW)
                .compareTo(WorklistPriority.points(new BigDecimal("100"), 180, RiskClass.LOW))
            < 0);
  }

  @Test
  void riskBreaksTiesOfAmountAndAge() {
    assertTrue(
        key(Tier.NONE, "500", 10, RiskClass.HIGH)
                .compareTo(key(Tier.NONE, "500", 10, RiskClass.MEDIUM))
            > 0);
    assertTrue(
        key(Tier.NONE, "500", 10, RiskClass.MEDIUM)
                .compareTo(key(Tier.NONE, "500", 10, RiskClass.LOW))
            > 0);
  }

  @Test
  void theNetOverdueLeavesOutDisputesAndPromisesAndNeverGoesNegative() {
    assertEquals(
        new BigDecimal("600.00"),
        WorklistPriority.netOverdue(
            new BigDecimal("1000.00"), new BigDecimal("300.00"), new BigDecimal("100.00")));
    assertEquals(
        BigDecimal.ZERO,
        WorklistPriority.netOverdue(
            new BigDecimal("100.00"), new BigDecimal("80.00"), new BigDecimal("50.00")));
  }

  @Test
  void theTierFollowsBrokenBeforeDueToday() {
    assertEquals(Tier.BROKEN_PROMISE, WorklistPriority.tier(true, true));
    assertEquals(Tier.PROMISE_DUE_TODAY, WorklistPriority.tier(false, true));
    assertEquals(Tier.NONE, WorklistPriority.tier(false, false));
  }

  @Test
  void theSqlFormulaNamesTheSameConstants() {
    String sql = WorklistPriority.sql("b", "d", "n", "x", "r");
    assertTrue(
        sql.contains("10000000000000") && sql.contains("9999999999999") && sql.contains("180"),
        sql);
    assertTrue(
        sql.contains("'HIGH' then 3") && sql.contains("'LOW' then 1") && sql.contains("else 2"),
        sql);
  }
}
