package com.bpo.portal.collection;

import com.bpo.portal.tenant.Tenant;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The daily collections round for every active tenant, checked every {@code
 * portal.collections.interval.minutes} (60; 0 switches it off): a round on a day that has its run
 * already adds nothing, so checking often only notices the day's boundary sooner. The first round
 * waits one interval after start.
 */
@ApplicationScoped
public class CollectionsJob {
  private static final Logger LOG = Logger.getLogger(CollectionsJob.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject com.bpo.portal.tenant.TenantDirectory tenants;

  @Inject CollectionsRound round;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "portal.collections.interval.minutes", defaultValue = "60")
  int intervalMinutes;

  private ScheduledFuture<?> job;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (intervalMinutes <= 0) {
      LOG.info("portal.collections.interval.minutes is 0: dunning runs only when a lead asks");
      return;
    }
    job =
        scheduler.scheduleWithFixedDelay(
            this::runSafely, intervalMinutes, intervalMinutes, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.cancel(false);
    }
  }

  private void runSafely() {
    for (Tenant tenant : activeTenants()) {
      try {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(tenant.timeZone())));
        DunningRun.Result result = round.run(tenant, today);
        if (result.noticesAdded() > 0) {
          LOG.info(
              () ->
                  "Dunning run of "
                      + tenant.id()
                      + " on "
                      + today
                      + ": "
                      + result.noticesAdded()
                      + " notices");
        }
      } catch (RuntimeException | java.util.ServiceConfigurationError e) {
        LOG.log(
            Level.WARNING,
            "Collections round failed for " + tenant.id() + "; the next round tries again",
            e);
      }
    }
  }

  List<Tenant> activeTenants() {
    return tenants.active();
  }
}
