package com.bpo.portal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.ProcessArea;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class RootCauseTest {
  @Test
  void aReasonRecursOnlyBeyondTheThreshold() {
    assertFalse(RootCause.recurs(5, 5));
    assertTrue(RootCause.recurs(6, 5));
  }

  @Test
  void eachReasonPointsToTheProcessAreaWhereItsFixBelongs() {
    assertEquals(ProcessArea.BILLING, RootCause.areaOf("PRICING"));
    assertEquals(ProcessArea.BILLING, RootCause.areaOf("TAX"));
    assertEquals(ProcessArea.BILLING, RootCause.areaOf("DUPLICATE_BILLING"));
    assertEquals(ProcessArea.ORDER_MANAGEMENT, RootCause.areaOf("QUANTITY"));
    assertEquals(ProcessArea.ORDER_MANAGEMENT, RootCause.areaOf("NOT_RECEIVED"));
    assertEquals(ProcessArea.ORDER_MANAGEMENT, RootCause.areaOf("DAMAGED_GOODS"));
    assertEquals(ProcessArea.DISPUTES, RootCause.areaOf("OTHER"));
    assertEquals(ProcessArea.DISPUTES, RootCause.areaOf("A_TENANTS_OWN_REASON"));
  }

  @Test
  void oneProposalPerReasonAndMonth() {
    assertEquals("PRICING@2026-11", RootCause.key("PRICING", YearMonth.of(2026, 11)));
  }
}
