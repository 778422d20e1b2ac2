package com.bpo.portal.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How long the delivery log is kept ({@code portal.webhooks.retention.days}, 30): a delivery that
 * finished (DELIVERED or FAILED) before the cut-off goes with its attempts, and so does an event as
 * old that no delivery names any more. A PENDING delivery is never purged, however old: it still
 * has attempts to come. Finished exactly at the cut-off is kept. 0 days (or fewer) keeps
 * everything.
 */
public record WebhookRetention(int days) {
  /** Rows deleted per statement, each in a transaction of its own. */
  public static final int BATCH = 1000;

  /** The moment before which finished deliveries go; empty when the log is kept for ever. */
  public Optional<Instant> cutoff(Instant now) {
    return days <= 0 ? Optional.empty() : Optional.of(now.minus(Duration.ofDays(days)));
  }

  /** The statuses a purge may delete: the finished ones. */
  public static List<WebhookDelivery.Status> purgeable() {
    return Arrays.stream(WebhookDelivery.Status.values())
        .filter(WebhookDelivery.Status::finished)
        .toList();
  }
}
