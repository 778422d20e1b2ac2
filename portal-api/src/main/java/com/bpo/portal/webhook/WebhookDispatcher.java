package com.bpo.portal.webhook;

import com.bpo.portal.shared.sql.TenantsWithWork;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantDirectory;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers due webhooks every {@code portal.webhooks.interval.seconds} (5; 0 switches delivery
 * off), tenant by tenant, each in transactions bound to that tenant ({@link WebhookRound}), for the
 * tenants that have a delivery due ({@link TenantsWithWork}: one question for all of them, V113).
 * Safe with several Liberty instances: deliveries are claimed with SKIP LOCKED and leased while
 * they are posted. A tenant's round that fails is logged and the next one tries again; a suspended
 * tenant's deliveries wait (nobody acts in it, its systems should hear nothing new).
 *
 * <p>Every {@code portal.webhooks.purge.every.rounds} rounds (12: once a minute at 5 s) the same
 * job purges what {@link WebhookRetention} no longer keeps ({@link WebhookPurge}).
 */
@ApplicationScoped
public class WebhookDispatcher {
  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

  @Inject TenantDirectory tenants;
  @Inject WebhookRound round;
  @Inject WebhookPurge purge;
  @Inject WebhookSettings settings;
  @Inject TenantsWithWork withWork;

  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> job;
  private WebhookPost post;
  private RetrySchedule retries;
  private long lease;
  private WebhookRetention retention;
  private int purgeEveryRounds;
  private long rounds;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    int interval = settings.intervalSeconds();
    if (interval <= 0) {
      LOG.info("portal.webhooks.interval.seconds is 0: webhooks wait in their outbox");
      return;
    }
    post =
        new WebhookPost(
            settings.connectTimeout(), settings.readTimeout(), EndpointUrlCheck.system());
    retries = settings.retries();
    retention = settings.retention();
    purgeEveryRounds = settings.purgeEveryRounds();
    // a lease outlasts the whole batch posted one after another at their longest waits
    lease =
        WebhookRound.BATCH
                * (settings.connectTimeout().toSeconds() + settings.readTimeout().toSeconds())
            + 60;
    job =
        scheduler.scheduleWithFixedDelay(
            this::dispatchSafely, interval, interval, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.cancel(false);
    }
  }

  private void dispatchSafely() {
    deliverSafely();
    if (rounds++ % purgeEveryRounds == 0) {
      retention.cutoff(Instant.now()).ifPresent(this::purgeSafely);
    }
  }

  private void deliverSafely() {
    Set<String> due;
    try {
      due = withWork.listedBy("webhook_tenants_due");
    } catch (SQLException | RuntimeException | java.util.ServiceConfigurationError e) {
      LOG.log(Level.WARNING, "Could not ask which tenants have webhooks due; next round", e);
      return;
    }
    if (due.isEmpty()) {
      return;
    }
    for (Tenant tenant : tenants.active()) {
      if (!due.contains(tenant.id())) {
        continue;
      }
      try {
        round.run(tenant, post, retries, lease);
      } catch (RuntimeException | java.util.ServiceConfigurationError e) {
        // (the last when the application stops while a round runs: its class loader is gone)
        LOG.log(
            Level.WARNING,
            "Webhook round failed for " + tenant.id() + "; the next round tries again",
            e);
      }
    }
  }

  /**
   * Every tenant's old delivery log, suspended tenants' too, for the tenants that have one (what is
   * kept does not depend on whether anyone acts in the tenant). Deletes are idempotent and claim
   * with SKIP LOCKED, so instances purging at the same time only share the work.
   */
  private void purgeSafely(Instant cutoff) {
    Set<String> purgeable;
    try {
      // the tenants with a delivery finished, or an event, older than the retention (V117)
      purgeable = withWork.listedBy("webhook_tenants_to_purge", retention.days());
    } catch (SQLException | RuntimeException | java.util.ServiceConfigurationError e) {
      LOG.log(
          Level.WARNING, "Could not ask which tenants have webhook logs to purge; next purge", e);
      return;
    }
    for (Tenant tenant : tenants.all()) {
      if (!purgeable.contains(tenant.id())) {
        continue;
      }
      try {
        WebhookPurge.Purged purged = purge.run(tenant, cutoff);
        if (purged.deliveries() + purged.events() > 0) {
          LOG.info(
              () ->
                  "Webhook log of "
                      + tenant.id()
                      + ": "
                      + purged.deliveries()
                      + " deliveries finished before "
                      + cutoff
                      + " and "
                      + purged.events()
                      + " events no delivery names any more purged");
        }
      } catch (RuntimeException | java.util.ServiceConfigurationError e) {
        LOG.log(
            Level.WARNING,
            "Webhook purge failed for " + tenant.id() + "; the next purge tries again",
            e);
      }
    }
  }
}
