package com.bpo.portal.webhook;

import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * One tenant's purge of its old delivery log ({@link WebhookRetention}), outside any request: a
 * request context of its own bound to the tenant as {@code system}, and every batch of {@link
 * WebhookRetention#BATCH} rows a transaction of its own, so a large backlog never holds one long
 * transaction. At most {@link #MAX_BATCHES} batches of each kind per run: a backlog larger than
 * that goes over the next runs rather than keep the delivery job from the other tenants.
 */
@ApplicationScoped
public class WebhookPurge {
  static final int MAX_BATCHES = 10;

  @Inject TenantContext context;
  @Inject WebhookQueue queue;

  /** How much one run deleted. */
  public record Purged(int deliveries, int events) {}

  @ActivateRequestContext
  public Purged run(Tenant tenant, Instant cutoff) {
    context.bindJob(WebhookRound.SYSTEM_USER, tenant);
    int deliveries = drain(() -> queue.purgeDeliveries(cutoff));
    int events = drain(() -> queue.purgeEvents(cutoff));
    return new Purged(deliveries, events);
  }

  /** Batch after batch until one is short, or {@link #MAX_BATCHES} of them; the rows deleted. */
  private static int drain(IntSupplier batch) {
    int deleted = 0;
    for (int i = 0; i < MAX_BATCHES; i++) {
      int rows = batch.getAsInt();
      deleted += rows;
      if (rows < WebhookRetention.BATCH) {
        break;
      }
    }
    return deleted;
  }
}
