package com.bpo.portal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EscalationMatrixTest {
  private static final EscalationMatrix MATRIX =
      new EscalationMatrix(
          List.of(
              new EscalationMatrix.Level(2, "Service delivery manager", null, "sdm@bpo.example", 5),
              new EscalationMatrix.Level(1, "Team lead", "Olivia", "lead@bpo.example", 1),
              new EscalationMatrix.Level(3, "Executive sponsor", null, null, 10)),
          1);

  /** 10:00 UTC on 2026-11-23: the job's clock, fixed. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  private static final LocalDate TODAY = EscalationJob.today(CLOCK, ZoneId.of("UTC"));

  @Test
  void dueYesterdayWithAThresholdOfOneDayEscalatesToday() {
    assertEquals(LocalDate.of(2026, 11, 23), TODAY);
    assertEquals(1, MATRIX.escalationDue(TODAY.minusDays(1), TODAY, 0).orElseThrow().level());
  }

  @Test
  void dueTodayIsNotOverdueYet() {
    assertEquals(Optional.empty(), MATRIX.escalationDue(TODAY, TODAY, 0));
    assertEquals(Optional.empty(), MATRIX.escalationDue(TODAY.plusDays(3), TODAY, 0));
  }

  @Test
  void aLevelIsReachedExactlyOnItsThresholdAndNotTheDayBefore() {
    // level 2 at 5 days overdue: due 5 days ago reaches it, 4 days ago stays at level 1
    assertEquals(2, MATRIX.reached(TODAY.minusDays(5), TODAY).orElseThrow().level());
    assertEquals(1, MATRIX.reached(TODAY.minusDays(4), TODAY).orElseThrow().level());
    assertEquals(3, MATRIX.reached(TODAY.minusDays(10), TODAY).orElseThrow().level());
    assertEquals(2, MATRIX.reached(TODAY.minusDays(9), TODAY).orElseThrow().level());
  }

  @Test
  void anEntryRisesOnlyAboveTheLevelItStandsAt() {
    LocalDate due = TODAY.minusDays(6);
    assertEquals(2, MATRIX.escalationDue(due, TODAY, 1).orElseThrow().level());
    assertEquals(
        Optional.empty(),
        MATRIX.escalationDue(due, TODAY, 2),
        "already at level 2: nothing to do again");
    assertEquals(
        Optional.empty(),
        MATRIX.escalationDue(due, TODAY, 3),
        "escalated by hand higher: never lowered");
  }

  @Test
  void aLongOverdueEntryJumpsStraightToTheHighestLevelReached() {
    assertEquals(3, MATRIX.escalationDue(TODAY.minusDays(40), TODAY, 0).orElseThrow().level());
  }

  @Test
  void todayIsTheTenantsDateNotTheServers() {
    // 23:30 UTC on the 22nd is already the 23rd in Paris: an entry due on the 22nd is then 1 day
    // overdue there
    Clock lateEvening = Clock.fixed(Instant.parse("2026-11-22T23:30:00Z"), ZoneOffset.UTC);
    LocalDate paris = EscalationJob.today(lateEvening, ZoneId.of("Europe/Paris"));
    LocalDate utc = EscalationJob.today(lateEvening, ZoneOffset.UTC);
    assertEquals(LocalDate.of(2026, 11, 23), paris);
    assertEquals(LocalDate.of(2026, 11, 22), utc);
    LocalDate due = LocalDate.of(2026, 11, 22);
    assertTrue(MATRIX.escalationDue(due, paris, 0).isPresent());
    assertTrue(MATRIX.escalationDue(due, utc, 0).isEmpty());
  }

  @Test
  void aManualEscalationRisesOneLevelAndStopsAtTheTop() {
    assertEquals(1, MATRIX.above(0).orElseThrow().level());
    assertEquals(2, MATRIX.above(1).orElseThrow().level());
    assertEquals(3, MATRIX.above(3).orElseThrow().level());
    assertEquals(Optional.empty(), new EscalationMatrix(List.of(), 0).above(0));
  }

  @Test
  void overdueDaysAreWholeDaysAfterTheDueDate() {
    assertEquals(
        1, EscalationMatrix.daysOverdue(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 1)));
    assertEquals(0, EscalationMatrix.daysOverdue(TODAY, TODAY));
    assertEquals(-2, EscalationMatrix.daysOverdue(TODAY.plusDays(2), TODAY));
  }
}
