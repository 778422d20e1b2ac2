package com.bpo.portal.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.collection.PromiseOutcome.Decision;
import com.bpo.portal.collection.PromiseOutcome.Payment;
import com.bpo.portal.collection.PromiseOutcome.Tolerance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromiseOutcomeTest {
  private static final LocalDate MADE = LocalDate.of(2026, 10, 1);
  private static final LocalDate PROMISED = LocalDate.of(2026, 10, 10);
  private static final Tolerance TOLERANCE = new Tolerance(2, new BigDecimal("5.00"));
  private static final BigDecimal AMOUNT = new BigDecimal("1000.00");

  private static Decision decide(LocalDate today, Payment... payments) {
    return PromiseOutcome.decide(AMOUNT, MADE, PROMISED, List.of(payments), TOLERANCE, today);
  }

  private static Payment paid(LocalDate on, String amount) {
    return new Payment(on, new BigDecimal(amount));
  }

  @Test
  void paidInFullOnTheDayIsKept() {
    assertEquals(PromiseStatus.KEPT, decide(PROMISED, paid(PROMISED, "1000.00")).status());
  }

  @Test
  void keptAsSoonAsPaidEvenBeforeThePromisedDate() {
    assertEquals(
        PromiseStatus.KEPT, decide(MADE.plusDays(1), paid(MADE.plusDays(1), "1000.00")).status());
  }

  @Test
  void aShortfallWithinTheAmountToleranceIsKeptAndOneCentBeyondIsNot() {
    assertEquals(
        PromiseStatus.KEPT, decide(PROMISED.plusDays(10), paid(PROMISED, "995.00")).status());
    Decision short1 = decide(PROMISED.plusDays(10), paid(PROMISED, "994.99"));
    assertEquals(PromiseStatus.PARTLY_KEPT, short1.status());
    assertEquals(new BigDecimal("994.99"), short1.paid());
  }

  @Test
  void aPaymentOnTheLastToleratedDayCountsAndOneADayLaterDoesNot() {
    assertEquals(
        PromiseStatus.KEPT,
        decide(PROMISED.plusDays(5), paid(PROMISED.plusDays(2), "1000.00")).status());
    assertEquals(
        PromiseStatus.BROKEN,
        decide(PROMISED.plusDays(5), paid(PROMISED.plusDays(3), "1000.00")).status());
  }

  @Test
  void aPaymentBeforeThePromiseWasMadeDoesNotCount() {
    assertEquals(
        PromiseStatus.BROKEN,
        decide(PROMISED.plusDays(3), paid(MADE.minusDays(1), "1000.00")).status());
  }

  @Test
  void nothingPaidStaysOpenUntilTheToleranceHasPassedThenIsBroken() {
    assertEquals(PromiseStatus.OPEN, decide(PROMISED).status());
    assertEquals(
        PromiseStatus.OPEN, decide(PROMISED.plusDays(2)).status(), "the last tolerated day");
    assertEquals(PromiseStatus.BROKEN, decide(PROMISED.plusDays(3)).status(), "the day after");
  }

  @Test
  void partOfTheAmountStaysOpenWhileThereIsTimeThenIsPartlyKept() {
    assertEquals(
        PromiseStatus.OPEN, decide(PROMISED.plusDays(1), paid(PROMISED, "400.00")).status());
    Decision after =
        decide(
            PROMISED.plusDays(3), paid(PROMISED, "300.00"), paid(PROMISED.plusDays(1), "100.00"));
    assertEquals(PromiseStatus.PARTLY_KEPT, after.status());
    assertEquals(new BigDecimal("400.00"), after.paid());
  }

  @Test
  void aToleranceLargerThanTheAmountStillWantsAPayment() {
    Decision decision =
        PromiseOutcome.decide(
            new BigDecimal("3.00"), MADE, PROMISED, List.of(), TOLERANCE, PROMISED.plusDays(3));
    assertEquals(PromiseStatus.BROKEN, decision.status());
  }
}
