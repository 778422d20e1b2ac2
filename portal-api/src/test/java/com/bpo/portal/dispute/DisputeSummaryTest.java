package com.bpo.portal.dispute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.Money;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DisputeSummaryTest {
  private static final OffsetDateTime RAISED = OffsetDateTime.parse("2025-03-07T10:15:30Z");

  private static DisputeSummary internalRow(
      Boolean firstResponseBreached, Boolean resolutionBreached) {
    return new DisputeSummary(
        42,
        "D-42",
        Dispute.Kind.DEDUCTION,
        9,
        "C-9",
        "Globex",
        "PRICE",
        DisputeStatus.RESOLVED,
        Outcome.PARTLY_ACCEPTED,
        Money.of("1234.50", "EUR"),
        Money.of("400.00", "EUR"),
        RAISED,
        "ann",
        "bob.agent",
        LocalDate.parse("2025-03-12"),
        RAISED.plusHours(24),
        RAISED.plusHours(240),
        firstResponseBreached,
        resolutionBreached,
        5);
  }

  @Test
  void theCustomerSeesThePromisedDateButNoneOfTheInternalSlaFields() {
    DisputeSummary expected =
        new DisputeSummary(
            42,
            "D-42",
            Dispute.Kind.DEDUCTION,
            9,
            "C-9",
            "Globex",
            "PRICE",
            DisputeStatus.RESOLVED,
            Outcome.PARTLY_ACCEPTED,
            Money.of("1234.50", "EUR"),
            Money.of("400.00", "EUR"),
            RAISED,
            "ann",
            null,
            LocalDate.parse("2025-03-12"),
            null,
            null,
            null,
            null,
            5);
    assertEquals(expected, internalRow(true, false).forCustomer());
  }

  @Test
  void aBreachedRowIsNotShownAsBreachedToTheCustomer() {
    DisputeSummary row = internalRow(false, true);
    assertTrue(row.breached());
    assertFalse(row.forCustomer().breached());
  }

  @Test
  void eitherBreachMakesTheRowBreached() {
    assertTrue(internalRow(true, false).breached());
    assertTrue(internalRow(false, true).breached());
    assertFalse(internalRow(false, false).breached());
    assertFalse(internalRow(null, null).breached());
  }

  @Test
  void aDisputeNumberIsDThenTheId() {
    assertEquals("D-1042", DisputeSummary.number(1042));
  }
}
