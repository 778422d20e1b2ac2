package com.bpo.portal.invoice;

import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantDirectory;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The nightly check of the kept balances (docs/BALANCES.md): every day at {@code
 * portal.balances.check.hour} (3, in the server's zone; -1 switches it off) each active tenant's
 * summaries are recomputed from its invoices. A drift goes to the server log as a warning and into
 * the tenant's audit trail ({@link ReceivableBalances#DRIFT}); {@code bin/portal balances verify}
 * runs the same check by hand. With several servers each runs the schedule, and the first to claim
 * a tenant's day does its check (V101), so a drift is recorded once.
 */
@ApplicationScoped
public class BalanceCheckJob {
  private static final Logger LOG = Logger.getLogger(BalanceCheckJob.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject TenantDirectory tenants;
  @Inject BalanceCheckRound round;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "portal.balances.check.hour", defaultValue = "3")
  int hour;

  private ScheduledFuture<?> job;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (hour < 0 || hour > 23) {
      LOG.info("portal.balances.check.hour is off: the balances are checked only by hand");
      return;
    }
    job =
        scheduler.scheduleAtFixedRate(
            this::runSafely,
            untilNext(ZonedDateTime.now(clock), hour).toSeconds(),
            TimeUnit.DAYS.toSeconds(1),
            TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.cancel(false);
    }
  }

  /**
   * The time from {@code now} to the next {@code hour} o'clock (a day when it is that hour now).
   */
  static Duration untilNext(ZonedDateTime now, int hour) {
    ZonedDateTime next = now.withHour(hour).withMinute(0).withSecond(0).withNano(0);
    if (!next.isAfter(now)) {
      next = next.plusDays(1);
    }
    return Duration.between(now, next);
  }

  private void runSafely() {
    LocalDate today = LocalDate.now(clock);
    for (Tenant tenant : tenants.active()) {
      try {
        Optional<List<BalanceDrift>> checked = round.run(tenant, today);
        if (checked.isEmpty()) {
          LOG.fine(() -> "Balances of " + tenant.id() + " checked today by another server");
          continue;
        }
        List<BalanceDrift> drift = checked.get();
        if (drift.isEmpty()) {
          LOG.fine(() -> "Balances of " + tenant.id() + " equal their invoices");
        } else {
          LOG.warning(
              () ->
                  "Balances of "
                      + tenant.id()
                      + " differ from their invoices on "
                      + drift.size()
                      + " key(s), e.g. "
                      + ReceivableBalances.describe(drift.subList(0, 1))
                      + "; bin/portal balances verify "
                      + tenant.id()
                      + " lists them");
        }
      } catch (RuntimeException | java.util.ServiceConfigurationError e) {
        LOG.log(
            Level.WARNING,
            "Balance check failed for " + tenant.id() + "; tomorrow's round tries again",
            e);
      }
    }
  }
}
