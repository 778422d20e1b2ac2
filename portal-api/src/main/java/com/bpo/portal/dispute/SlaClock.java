package com.bpo.portal.dispute;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The tenant's dispute SLA on the calendar: targets counted in hours from the moment a dispute is
 * raised. A target met exactly on its due instant is met; one instant later it is breached. The
 * customer is shown a promised response date, never these internal targets.
 */
public final class SlaClock {
  private SlaClock() {}

  public record Targets(
      Instant firstResponseDue, Instant resolutionDue, LocalDate promisedResponseOn) {}

  public static Targets targets(Instant raisedAt, DisputeSettings settings, ZoneId zone) {
    return new Targets(
        raisedAt.plus(settings.firstResponseHours(), ChronoUnit.HOURS),
        raisedAt.plus(settings.resolutionHours(), ChronoUnit.HOURS),
        LocalDate.ofInstant(raisedAt, zone).plusDays(settings.customerPromiseDays()));
  }

  /** Breached when done after the due instant, or not done and the due instant has passed. */
  public static boolean breached(Instant due, Instant doneAt, Instant now) {
    return (doneAt != null ? doneAt : now).isAfter(due);
  }
}
