package com.bpo.portal.dispute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlaClockTest {
  private static final Instant DUE = Instant.parse("2025-03-08T10:15:30Z");

  @Test
  void targetsCountTheTenantsHoursFromTheMomentTheDisputeIsRaised() {
    DisputeSettings settings = new DisputeSettings(8, 72, 2, 14, "team@example.com");
    SlaClock.Targets targets =
        SlaClock.targets(Instant.parse("2025-03-07T10:15:30Z"), settings, ZoneOffset.UTC);
    assertEquals(Instant.parse("2025-03-07T18:15:30Z"), targets.firstResponseDue());
    assertEquals(Instant.parse("2025-03-10T10:15:30Z"), targets.resolutionDue());
    assertEquals(LocalDate.parse("2025-03-09"), targets.promisedResponseOn());
  }

  @Test
  void theDefaultsGiveADayToRespondTenDaysToResolveAndPromiseFiveDays() {
    SlaClock.Targets targets =
        SlaClock.targets(
            Instant.parse("2025-03-07T10:15:30Z"), DisputeSettings.DEFAULTS, ZoneOffset.UTC);
    assertEquals(Instant.parse("2025-03-08T10:15:30Z"), targets.firstResponseDue());
    assertEquals(Instant.parse("2025-03-17T10:15:30Z"), targets.resolutionDue());
    assertEquals(LocalDate.parse("2025-03-12"), targets.promisedResponseOn());
  }

  @Test
  void thePromisedDateCountsFromTheDayItIsInTheTenantsTimeZone() {
    Instant lateEveningUtc = Instant.parse("2025-03-07T23:30:00Z");
    assertEquals(
        LocalDate.parse("2025-03-13"),
        SlaClock.targets(lateEveningUtc, DisputeSettings.DEFAULTS, ZoneId.of("Europe/Paris"))
            .promisedResponseOn());
    assertEquals(
        LocalDate.parse("2025-03-12"),
        SlaClock.targets(lateEveningUtc, DisputeSettings.DEFAULTS, ZoneId.of("America/New_York"))
            .promisedResponseOn());
  }

  @Test
  void hoursAreElapsedHoursEvenAcrossAClockChange() {
    Instant raised = Instant.parse("2025-03-29T12:00:00Z"); // Paris moves to summer time that night
    SlaClock.Targets targets =
        SlaClock.targets(raised, DisputeSettings.DEFAULTS, ZoneId.of("Europe/Paris"));
    assertEquals(Duration.ofHours(24), Duration.between(raised, targets.firstResponseDue()));
  }

  @Test
  void doneExactlyOnTheDueInstantIsNotBreached() {
    assertFalse(SlaClock.breached(DUE, DUE, DUE.plus(Duration.ofDays(3))));
  }

  @Test
  void doneOneNanosecondLateIsBreached() {
    assertTrue(SlaClock.breached(DUE, DUE.plusNanos(1), DUE.plusNanos(1)));
  }

  @Test
  void doneInTimeStaysMetHoweverLongAgoThatWas() {
    assertFalse(SlaClock.breached(DUE, DUE.minusSeconds(1), DUE.plus(Duration.ofDays(30))));
  }

  @Test
  void notDoneIsNotBreachedUpToAndIncludingTheDueInstant() {
    assertFalse(SlaClock.breached(DUE, null, DUE.minusSeconds(1)));
    assertFalse(SlaClock.breached(DUE, null, DUE));
  }

  @Test
  void notDoneOneSecondAfterTheDueInstantIsBreached() {
    assertTrue(SlaClock.breached(DUE, null, DUE.plusSeconds(1)));
  }
}
