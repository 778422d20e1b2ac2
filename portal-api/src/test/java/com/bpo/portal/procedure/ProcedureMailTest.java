package com.bpo.portal.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProcedureMailTest {
  static final LocalDate DUE = LocalDate.of(2026, 12, 18);

  @Test
  void remindersSayWhichProcedureAndWhenInTheTenantsLanguage() {
    ProcedureMail.Text due =
        ProcedureMail.reviewReminder(
            "en", ReviewSchedule.Reminder.DUE, "Dunning", "Collections", DUE);
    assertEquals("Review due: Dunning", due.subject());
    assertTrue(
        due.body().contains("\"Dunning\" (Collections)")
            && due.body().contains("December 18, 2026"),
        due.body());
    ProcedureMail.Text overdue =
        ProcedureMail.reviewReminder(
            "fr", ReviewSchedule.Reminder.OVERDUE, "Relances", "Collections", DUE);
    assertEquals("Revue en retard : Relances", overdue.subject());
    assertTrue(
        overdue.body().contains("18 décembre 2026") && overdue.body().contains("n’a pas été faite"),
        overdue.body());
  }

  @Test
  void aLanguageWithoutItsOwnTextsGetsEnglish() {
    assertEquals(
        "Please read: Dunning, version 3",
        ProcedureMail.effective("de", "Dunning", 3, DUE).subject());
  }
}
