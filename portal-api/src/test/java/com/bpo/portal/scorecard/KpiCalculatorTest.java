package com.bpo.portal.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic of KpiCalculator that needs no database: countback DSO over monthly sales, and the
 * ratio (days) and percent helpers every computed KPI goes through. The SQL is KpiCalculatorIT's.
 */
class KpiCalculatorTest {
  private static final YearMonth OCTOBER =
      YearMonth.of(2026, 10); // Oct 31, Sep 30, Aug 31 days ...

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static Map<YearMonth, BigDecimal> sales(Object... monthAmount) {
    Map<YearMonth, BigDecimal> sales = new HashMap<>();
    for (int i = 0; i < monthAmount.length; i += 2) {
      sales.put(YearMonth.parse((String) monthAmount[i]), d((String) monthAmount[i + 1]));
    }
    return sales;
  }

  // ------------------------------------------------------------------ countback

  @Test
  void countbackIsZeroWithNothingReceivable() {
    assertEquals(
        d("0.00"), KpiCalculator.countback(BigDecimal.ZERO, sales("2026-10", "5000.00"), OCTOBER));
    assertEquals(d("0.00"), KpiCalculator.countback(d("0.00"), Map.of(), OCTOBER));
  }

  @Test
  void countbackWithinTheMonthCountsItsShareOfTheMonthsDays() {
    // 3100 of 6200 sold in a 31-day month = 15.5 days
    assertEquals(
        d("15.50"), KpiCalculator.countback(d("3100.00"), sales("2026-10", "6200.00"), OCTOBER));
  }

  @Test
  void countbackEqualToTheMonthsSalesIsTheWholeMonth() {
    assertEquals(
        d("31.00"), KpiCalculator.countback(d("6200.00"), sales("2026-10", "6200.00"), OCTOBER));
  }

  @Test
  void countbackCountsEveryFullyAbsorbedMonthAndAShareOfTheOneWhereReceivablesRunOut() {
    // Oct 3100 and Sep 3000 absorbed (31 + 30 days), then 1550 of August's 6200 → 1550 × 31 ÷ 6200
    // = 7.75
    Map<YearMonth, BigDecimal> sales =
        sales("2026-10", "3100.00", "2026-09", "3000.00", "2026-08", "6200.00");
    assertEquals(d("68.75"), KpiCalculator.countback(d("7650.00"), sales, OCTOBER));
  }

  @Test
  void countbackPartialShareIsRoundedHalfUpToTwoDecimals() {
    // 1000 × 31 ÷ 3000 = 10.333…
    assertEquals(
        d("10.33"), KpiCalculator.countback(d("1000.00"), sales("2026-10", "3000.00"), OCTOBER));
    // 1000 × 31 ÷ 6000 = 5.1666…
    assertEquals(
        d("5.17"), KpiCalculator.countback(d("1000.00"), sales("2026-10", "6000.00"), OCTOBER));
  }

  @Test
  void aMonthWithoutSalesCountsAllItsDaysAndAbsorbsNothing() {
    // Oct 1000 absorbed (31), September sold nothing (30), then 1550 of August's 3100 → 15.5
    Map<YearMonth, BigDecimal> sales = sales("2026-10", "1000.00", "2026-08", "3100.00");
    assertEquals(d("76.50"), KpiCalculator.countback(d("2550.00"), sales, OCTOBER));
  }

  @Test
  void receivablesBeyondTwelveMonthsOfSalesCountTheTwelveMonthsDaysAndNoMore() {
    Map<YearMonth, BigDecimal> sales = new HashMap<>();
    for (int back = 0; back < 12; back++) {
      sales.put(OCTOBER.minusMonths(back), d("100.00"));
    }
    sales.put(OCTOBER.minusMonths(12), d("1000000.00")); // the 13th month back is never read
    // November 2025 to October 2026: 365 days
    assertEquals(d("365.00"), KpiCalculator.countback(d("5000.00"), sales, OCTOBER));
    assertEquals(d("365.00"), KpiCalculator.countback(d("0.01"), Map.of(), OCTOBER));
  }

  @Test
  void theTwelveMonthsOfALeapYearCount366Days() {
    // April 2027 to March 2028, with February 2028 of 29 days
    assertEquals(d("366.00"), KpiCalculator.countback(d("1.00"), Map.of(), YearMonth.of(2028, 3)));
  }

  // ------------------------------------------------------------------ ratio (days) and percent

  @Test
  void ratioIsPartOverSalesTimesDaysToTwoDecimals() {
    // 7550 ÷ 6400 × 31 = 36.5703…
    assertEquals(d("36.57"), KpiCalculator.ratio(d("7550.00"), d("6400.00"), 31));
    assertEquals(d("23.25"), KpiCalculator.ratio(d("4800.00"), d("6400.00"), 31));
    assertEquals(d("0.00"), KpiCalculator.ratio(BigDecimal.ZERO, d("6400.00"), 30));
  }

  @Test
  void ratioRoundsHalfUp() {
    // 1 × 1 ÷ 8 = 0.125
    assertEquals(d("0.13"), KpiCalculator.ratio(d("1"), d("8"), 1));
  }

  @Test
  void ratioIsNullWithoutSales() {
    assertNull(KpiCalculator.ratio(d("7550.00"), BigDecimal.ZERO, 31));
    assertNull(KpiCalculator.ratio(d("7550.00"), d("0.00"), 31));
  }

  @Test
  void percentIsPartOverWholeTimesOneHundredToTwoDecimals() {
    assertEquals(d("33.33"), KpiCalculator.percent(d("1"), d("3")));
    assertEquals(d("66.67"), KpiCalculator.percent(d("2"), d("3")));
    assertEquals(d("100.00"), KpiCalculator.percent(d("5"), d("5")));
    assertEquals(d("0.00"), KpiCalculator.percent(BigDecimal.ZERO, d("5")));
  }

  @Test
  void percentRoundsHalfUp() {
    // 1 ÷ 20000 × 100 = 0.005
    assertEquals(d("0.01"), KpiCalculator.percent(d("1"), d("20000")));
  }

  @Test
  void percentIsNullWhenTheWholeIsZero() {
    assertNull(KpiCalculator.percent(d("3"), BigDecimal.ZERO));
    assertNull(KpiCalculator.percent(BigDecimal.ZERO, d("0.00")));
  }
}
