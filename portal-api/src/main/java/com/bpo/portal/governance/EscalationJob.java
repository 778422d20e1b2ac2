package com.bpo.portal.governance;

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
 * Escalates overdue log entries and runs the root-cause loop, for every active tenant, on a
 * schedule (every hour by default: a round that finds nothing new changes nothing, so a day's
 * boundary is noticed within the hour). Each tenant's round runs in its own tenant-bound
 * transaction ({@link EscalationRound}); one tenant's failure does not stop the others.
 */
@ApplicationScoped
public class EscalationJob {
  private static final Logger LOG = Logger.getLogger(EscalationJob.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject com.bpo.portal.tenant.TenantDirectory tenants;

  @Inject EscalationRound round;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "portal.governance.escalation.interval.minutes", defaultValue = "60")
  int intervalMinutes;

  private ScheduledFuture<?> job;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (intervalMinutes <= 0) {
      LOG.info(
          "portal.governance.escalation.interval.minutes is 0: overdue entries escalate only when a lead asks");
      return;
    }
    job = scheduler.scheduleWithFixedDelay(this::runSafely, 1, intervalMinutes, TimeUnit.MINUTES);
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
        LocalDate today = today(clock, ZoneId.of(tenant.timeZone()));
        int escalated = round.run(tenant, today);
        if (escalated > 0) {
          LOG.info(() -> "Escalated " + escalated + " overdue log entries of " + tenant.id());
        }
      } catch (RuntimeException | java.util.ServiceConfigurationError e) {
        LOG.log(
            Level.WARNING,
            "Escalation round failed for " + tenant.id() + "; the next round tries again",
            e);
      }
    }
  }

  List<Tenant> activeTenants() {
    return tenants.active();
  }

  /**
   * The date in the tenant's zone by the clock: an entry due yesterday there is one day overdue.
   */
  static LocalDate today(Clock clock, ZoneId zone) {
    return LocalDate.now(clock.withZone(zone));
  }
}
