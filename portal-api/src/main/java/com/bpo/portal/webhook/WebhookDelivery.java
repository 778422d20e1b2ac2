package com.bpo.portal.webhook;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One event sent to one endpoint: PENDING while it waits for its next attempt, DELIVERED once a
 * receiver answered 2xx, FAILED after the last attempt; {@code attempts} lists every try (only in a
 * single delivery's detail, empty in the log's pages).
 */
public record WebhookDelivery(
    long id,
    long endpointId,
    String endpointUrl,
    long eventId,
    String eventType,
    Status status,
    int attemptCount,
    OffsetDateTime nextAttemptAt,
    Integer lastStatusCode,
    String lastError,
    OffsetDateTime deliveredAt,
    Long redeliveryOf,
    OffsetDateTime createdAt,
    List<Attempt> attempts) {
  public enum Status {
    PENDING,
    DELIVERED,
    FAILED;

    /** Whether the delivery is over: no attempt follows (a redelivery is a new delivery). */
    public boolean finished() {
      return this != PENDING;
    }
  }

  /** One try: the receiver's status and the start of its answer, or why there was no answer. */
  public record Attempt(
      int attempt,
      OffsetDateTime startedAt,
      int durationMs,
      Integer statusCode,
      String responseExcerpt,
      String error) {}

  WebhookDelivery withAttempts(List<Attempt> list) {
    return new WebhookDelivery(
        id,
        endpointId,
        endpointUrl,
        eventId,
        eventType,
        status,
        attemptCount,
        nextAttemptAt,
        lastStatusCode,
        lastError,
        deliveredAt,
        redeliveryOf,
        createdAt,
        list);
  }
}
