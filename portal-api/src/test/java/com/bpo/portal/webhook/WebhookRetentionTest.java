package com.bpo.portal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.webhook.WebhookDelivery.Status;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookRetentionTest {
  static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");

  @Test
  void theCutOffIsTheRetentionBeforeNowToTheSecond() {
    assertEquals(
        Optional.of(Instant.parse("2026-11-04T10:15:30Z")), new WebhookRetention(30).cutoff(NOW));
    assertEquals(
        Optional.of(Instant.parse("2026-12-03T10:15:30Z")), new WebhookRetention(1).cutoff(NOW));
  }

  @Test
  void zeroOrFewerDaysKeepsTheLogForEver() {
    assertEquals(Optional.empty(), new WebhookRetention(0).cutoff(NOW));
    assertEquals(Optional.empty(), new WebhookRetention(-5).cutoff(NOW));
  }

  @Test
  void onlyFinishedDeliveriesArePurgedNeverPendingOnes() {
    assertEquals(List.of(Status.DELIVERED, Status.FAILED), WebhookRetention.purgeable());
    assertFalse(Status.PENDING.finished());
    assertTrue(Status.DELIVERED.finished());
    assertTrue(Status.FAILED.finished());
  }

  @Test
  void aBatchIsAThousandRows() {
    assertEquals(1000, WebhookRetention.BATCH);
  }
}
