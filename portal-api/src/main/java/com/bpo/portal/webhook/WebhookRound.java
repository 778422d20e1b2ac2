package com.bpo.portal.webhook;

import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * One tenant's delivery round outside any request: a request context of its own, bound to the
 * tenant as the role-less user {@code system}; claims a batch, posts each delivery and records it.
 */
@ApplicationScoped
public class WebhookRound {
  static final String SYSTEM_USER = "system";
  static final int BATCH = 10;

  @Inject TenantContext context;
  @Inject WebhookQueue queue;

  /** Returns how many deliveries were attempted. */
  @ActivateRequestContext
  public int run(Tenant tenant, WebhookPost post, RetrySchedule retries, long leaseSeconds) {
    context.bindJob(SYSTEM_USER, tenant);
    var claimed = queue.claim(BATCH, leaseSeconds);
    for (WebhookQueries.Claimed delivery : claimed) {
      WebhookPost.Outcome outcome = post.send(delivery, tenant.testMode(), Instant.now());
      queue.record(delivery, outcome, retries);
    }
    return claimed.size();
  }
}
