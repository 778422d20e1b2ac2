package com.bpo.portal.webhook;

import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The delivery job's short transactions per tenant: claiming due deliveries, and recording how an
 * attempt went. The HTTP call happens between them, outside any transaction, so a slow receiver
 * holds no lock and no connection. The purge's batches are transactions of their own too.
 */
@TenantService
public class WebhookQueue {
  @Inject WebhookQueries queries;

  public List<WebhookQueries.Claimed> claim(int limit, long leaseSeconds) {
    return queries.claim(limit, leaseSeconds);
  }

  public void record(
      WebhookQueries.Claimed delivery, WebhookPost.Outcome outcome, RetrySchedule retries) {
    queries.insertAttempt(delivery.deliveryId(), delivery.attempt(), outcome);
    if (outcome.delivered()) {
      queries.markDelivered(delivery.deliveryId(), outcome.statusCode());
      return;
    }
    Duration wait = retries.afterFailedAttempt(delivery.attempt());
    String error =
        outcome.error() != null ? outcome.error() : "the receiver answered " + outcome.statusCode();
    queries.markFailedAttempt(
        delivery.deliveryId(), outcome.statusCode(), error, wait == null ? null : wait.toSeconds());
  }

  /** One batch of the purge, in a transaction of its own; answers how many deliveries went. */
  public int purgeDeliveries(Instant cutoff) {
    return queries.purgeDeliveries(cutoff, WebhookRetention.purgeable(), WebhookRetention.BATCH);
  }

  /** One batch of the purge, in a transaction of its own; answers how many events went. */
  public int purgeEvents(Instant cutoff) {
    return queries.purgeEvents(cutoff, WebhookRetention.BATCH);
  }
}
