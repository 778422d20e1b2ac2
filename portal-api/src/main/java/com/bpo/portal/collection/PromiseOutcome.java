package com.bpo.portal.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Whether a promise to pay was kept, from the payments applied to its invoices. A payment counts
 * when it was received from the day the promise was made until the promised date plus the tenant's
 * tolerance in days. The promise is KEPT as soon as what counts reaches the amount less the
 * tolerance in amount (and something was paid); until the tolerance days have passed it stays OPEN;
 * after them it is PARTLY_KEPT if something counted, BROKEN if nothing did.
 */
public final class PromiseOutcome {
  private PromiseOutcome() {}

  public record Payment(LocalDate receivedOn, BigDecimal amount) {}

  public record Tolerance(int days, BigDecimal amount) {}

  public record Decision(PromiseStatus status, BigDecimal paid) {}

  public static Decision decide(
      BigDecimal promised,
      LocalDate madeOn,
      LocalDate promisedOn,
      List<Payment> payments,
      Tolerance tolerance,
      LocalDate today) {
    LocalDate lastDay = promisedOn.plusDays(tolerance.days());
    BigDecimal paid =
        payments.stream()
            .filter(p -> !p.receivedOn().isBefore(madeOn) && !p.receivedOn().isAfter(lastDay))
            .map(Payment::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (paid.signum() > 0 && paid.compareTo(promised.subtract(tolerance.amount())) >= 0) {
      return new Decision(PromiseStatus.KEPT, paid);
    }
    if (!today.isAfter(lastDay)) {
      return new Decision(PromiseStatus.OPEN, paid);
    }
    return new Decision(paid.signum() > 0 ? PromiseStatus.PARTLY_KEPT : PromiseStatus.BROKEN, paid);
  }
}
