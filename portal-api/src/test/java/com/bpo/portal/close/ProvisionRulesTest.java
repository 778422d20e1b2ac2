package com.bpo.portal.close;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.InvalidFields;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvisionRulesTest {
  @ParameterizedTest
  @CsvSource({
    "-30, CURRENT",
    "0, CURRENT",
    "1, DAYS_1_30",
    "30, DAYS_1_30",
    "31, DAYS_31_60",
    "60, DAYS_31_60",
    "61, DAYS_61_90",
    "90, DAYS_61_90",
    "91, DAYS_91_180",
    "180, DAYS_91_180",
    "181, DAYS_OVER_180",
    "5000, DAYS_OVER_180"
  })
  void eachBoundaryFallsInTheRightBucket(long daysOverdue, ProvisionBucket bucket) {
    assertEquals(bucket, ProvisionBucket.of(daysOverdue));
  }

  @Test
  void theSqlBucketsAreDrawnFromTheSameBounds() {
    assertEquals(
        "case when d <= 0 then 'CURRENT' when d <= 30 then 'DAYS_1_30' when d <= 60 then 'DAYS_31_60'"
            + " when d <= 90 then 'DAYS_61_90' when d <= 180 then 'DAYS_91_180' else 'DAYS_OVER_180' end",
        ProvisionBucket.sqlCase("d"));
  }

  @Test
  void theProvisionIsRoundedHalfUpToTheCent() {
    ProvisionPolicy policy = ProvisionPolicy.standard(LocalDate.of(2026, 1, 1));
    // 1 % of 0.50 is 0.005: half a cent rounds up
    assertEquals(
        new BigDecimal("0.01"),
        policy.provisionFor(ProvisionBucket.DAYS_1_30, new BigDecimal("0.50")));
    assertEquals(
        new BigDecimal("0.00"),
        policy.provisionFor(ProvisionBucket.DAYS_1_30, new BigDecimal("0.49")));
    assertEquals(
        new BigDecimal("617.28"),
        policy.provisionFor(ProvisionBucket.DAYS_91_180, new BigDecimal("1234.56")));
    assertEquals(
        new BigDecimal("1234.56"),
        policy.provisionFor(ProvisionBucket.DAYS_OVER_180, new BigDecimal("1234.56")));
    assertEquals(
        new BigDecimal("0.00"),
        policy.provisionFor(ProvisionBucket.CURRENT, new BigDecimal("99999.99")));
  }

  @Test
  void aPolicyRefusesRatesOutsideZeroToOneMissingBucketsAndRatesThatFallWithAge() {
    Map<ProvisionBucket, BigDecimal> rates =
        new EnumMap<>(ProvisionPolicy.standard(LocalDate.now()).rates());
    rates.put(ProvisionBucket.DAYS_OVER_180, new BigDecimal("1.0001"));
    rates.put(ProvisionBucket.DAYS_61_90, new BigDecimal("0.0400")); // lower than 31-60's 0.05
    rates.remove(ProvisionBucket.CURRENT);
    InvalidFields e =
        assertThrows(
            InvalidFields.class,
            () -> new ProvisionPolicy(2, rates, true, LocalDate.now(), "lead").validate());
    var fields = e.toProblem().errors().stream().map(f -> f.field()).toList();
    assertEquals(
        java.util.List.of("rates.CURRENT", "rates.DAYS_61_90", "rates.DAYS_OVER_180"), fields);
  }

  @Test
  void theStandardPolicyIsValid() {
    ProvisionPolicy.standard(LocalDate.now()).validate();
  }

  @Test
  void aRollForwardTiesWhenTheMovementsExplainTheClosingToTheCent() {
    RollForward tied =
        new RollForward(
            "EUR",
            new BigDecimal("1000.00"),
            new BigDecimal("500.00"),
            new BigDecimal("-300.00"),
            new BigDecimal("-20.00"),
            new BigDecimal("-30.00"),
            new BigDecimal("0.00"),
            new BigDecimal("1150.00"));
    assertTrue(tied.ties());
    assertEquals(new BigDecimal("150.00"), tied.movements());
    RollForward off =
        new RollForward(
            "EUR",
            new BigDecimal("1000.00"),
            new BigDecimal("500.00"),
            new BigDecimal("-300.00"),
            new BigDecimal("-20.00"),
            new BigDecimal("-30.00"),
            new BigDecimal("0.00"),
            new BigDecimal("1150.01"));
    assertFalse(off.ties());
    assertEquals(new BigDecimal("0.01"), off.difference());
  }

  @Test
  void writeOffsUseTheProvisionThenTheRestIsChargedOrReleased() {
    // opening 100, write-offs 30 use 30; closing 120 needs a charge of 50
    ProvisionMovement m =
        ProvisionMovement.of(
            new BigDecimal("100.00"), new BigDecimal("120.00"), new BigDecimal("30.00"));
    assertEquals(new BigDecimal("30.00"), m.used());
    assertEquals(new BigDecimal("50.00"), m.charge());
    assertEquals(new BigDecimal("0.00"), m.release());
    // write-offs beyond the opening use only what was provided
    ProvisionMovement over =
        ProvisionMovement.of(
            new BigDecimal("20.00"), new BigDecimal("10.00"), new BigDecimal("35.00"));
    assertEquals(new BigDecimal("20.00"), over.used());
    assertEquals(new BigDecimal("10.00"), over.charge());
    // a smaller closing is a release
    ProvisionMovement release =
        ProvisionMovement.of(new BigDecimal("100.00"), new BigDecimal("70.00"), BigDecimal.ZERO);
    assertEquals(new BigDecimal("30.00"), release.release());
    assertEquals(new BigDecimal("0.00"), release.charge());
    for (ProvisionMovement x : java.util.List.of(m, over, release)) {
      assertEquals(
          0,
          x.opening()
              .subtract(x.used())
              .add(x.charge())
              .subtract(x.release())
              .compareTo(x.closing()),
          "opening - used + charge - release = closing");
    }
  }

  @Test
  void aPeriodIsAMonthFrom2000UpToTheCurrentOne() {
    LocalDate today = LocalDate.of(2026, 12, 4);
    assertEquals("2026-11", ClosePeriod.parse("2026-11", today).toString());
    assertEquals("2026-12", ClosePeriod.parse("2026-12", today).toString());
    assertEquals("2000-01", ClosePeriod.parse("2000-01", today).toString());
    for (String bad :
        new String[] {"2027-01", "1999-12", "9999-12", "2026-13", "2026-1", "", "x"}) {
      assertThrows(InvalidFields.class, () -> ClosePeriod.parse(bad, today), bad);
    }
    assertFalse(ClosePeriod.parse("2026-12", today).hasEnded(today));
    assertTrue(ClosePeriod.parse("2026-11", today).hasEnded(today));
    assertFalse(
        ClosePeriod.parse("2026-11", LocalDate.of(2026, 11, 30))
            .hasEnded(LocalDate.of(2026, 11, 30)));
  }
}
