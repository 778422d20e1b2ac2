package com.bpo.portal.procedure;

import com.bpo.portal.tenant.Tenant;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
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
 * Runs the review reminders ({@link ReviewReminders}) for every active tenant on a schedule (every
 * hour by default). Each tenant's round runs in its own tenant-bound transaction ({@link
 * ReviewRound}); one tenant's failure does not stop the others. Today is read from the injected
 * {@link Clock} in the tenant's time zone.
 */
@ApplicationScoped
public class ReviewReminderJob {
  private static final Logger LOG = Logger.getLogger(ReviewReminderJob.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject com.bpo.portal.tenant.TenantDirectory tenants;

  @Inject ReviewRound round;

  @Inject
  @ConfigProperty(name = "portal.procedure.reminder.interval.minutes", defaultValue = "60")
  int intervalMinutes;

  /**
   * The clock "today" is read from: the system's, unless a producer of {@link Clock} is deployed
   * (tests).
   */
  @Inject Instance<Clock> clocks;

  private ScheduledFuture<?> job;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (intervalMinutes <= 0) {
      LOG.info(
          "portal.procedures.reminders.interval.minutes is 0: reminders go out only when a lead asks");
      return;
    }
    job = scheduler.scheduleWithFixedDelay(this::roundSafely, 1, intervalMinutes, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.cancel(false);
    }
  }

  private void roundSafely() {
    try {
      round();
    } catch (RuntimeException | java.util.ServiceConfigurationError e) {
      LOG.log(Level.WARNING, "Review reminder round failed; the next round tries again", e);
    }
  }

  /** One round over every tenant; returns how many reminders were queued. */
  public int round() {
    Clock clock = clocks != null && clocks.isResolvable() ? clocks.get() : Clock.systemUTC();
    int queued = 0;
    for (Tenant tenant : activeTenants()) {
      try {
        queued += round.run(tenant, LocalDate.now(clock.withZone(ZoneId.of(tenant.timeZone()))));
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Review reminders failed for " + tenant.id() + "; the next round tries again",
            e);
      }
    }
    return queued;
  }

  List<Tenant> activeTenants() {
    return tenants.active();
  }
}
