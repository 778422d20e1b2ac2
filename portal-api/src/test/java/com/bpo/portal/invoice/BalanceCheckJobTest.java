package com.bpo.portal.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceCheckJobTest {
  private static ZonedDateTime at(int hour, int minute) {
    return ZonedDateTime.of(2026, 12, 4, hour, minute, 0, 0, ZoneOffset.UTC);
  }

  @Test
  void theCheckRunsAtTheNextHourToday() {
    assertEquals(Duration.ofMinutes(90), BalanceCheckJob.untilNext(at(1, 30), 3));
  }

  @Test
  void anHourAlreadyStruckWaitsForTomorrow() {
    assertEquals(Duration.ofHours(23), BalanceCheckJob.untilNext(at(4, 0), 3));
    assertEquals(Duration.ofHours(24), BalanceCheckJob.untilNext(at(3, 0), 3));
    assertEquals(Duration.ofSeconds(30), BalanceCheckJob.untilNext(at(3, 0).minusSeconds(30), 3));
  }

  @Test
  void aDriftIsDescribedKeyByKeyForTheAuditTrail() {
    List<BalanceDrift> drift =
        List.of(
            new BalanceDrift(
                "receivable_balance",
                7L,
                "EUR",
                LocalDate.of(2026, 12, 1),
                "{\"open_count\": 1}",
                null),
            new BalanceDrift(
                "invoice_sales_day", null, "EUR", LocalDate.of(2026, 11, 1), null, "{}"));
    assertEquals(
        "receivable_balance customer=7 currency=EUR day=2026-12-01 invoices={\"open_count\": 1}"
            + " summary=null; invoice_sales_day customer=null currency=EUR day=2026-11-01"
            + " invoices=null summary={}",
        ReceivableBalances.describe(drift));
  }
}
