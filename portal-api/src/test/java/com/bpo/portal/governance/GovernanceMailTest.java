package com.bpo.portal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GovernanceMailTest {
  private final GovernanceMail mail = new GovernanceMail();

  private static GovernanceMail.Facts facts(String locale) {
    return new GovernanceMail.Facts(
        "Acme Industries",
        locale,
        "G-1050",
        "Clear the backlog",
        LocalDate.of(2026, 11, 20),
        2,
        "Service delivery manager",
        1234);
  }

  @Test
  void anOverdueEscalationSaysWhatWhenAndToWhomInEnglish() {
    assertEquals(
        "Escalated to level 2: G-1050 Clear the backlog (Acme Industries)",
        mail.escalatedSubject(facts("en")));
    String body = mail.overdueBody(facts("en"));
    assertTrue(body.contains("was due on November 20, 2026 and is 1234 day(s) overdue"), body);
    assertTrue(body.contains("level 2 (Service delivery manager)"), body);
    assertTrue(
        body.contains("portal's governance log"), "a doubled quote is one apostrophe: " + body);
  }

  @Test
  void andInFrench() {
    assertEquals(
        "Escaladé au niveau 2 : G-1050 Clear the backlog (Acme Industries)",
        mail.escalatedSubject(facts("fr")));
    String body = mail.manualBody(facts("fr"), "cfo.acme", "Pas de réponse");
    assertTrue(body.contains("escaladé par cfo.acme au niveau 2"), body);
    assertTrue(body.contains("Motif : Pas de réponse"), body);
  }

  @Test
  void aLanguageWithoutItsOwnTextsGetsEnglish() {
    assertTrue(mail.commentSubject(facts("de")).startsWith("New comment on G-1050"));
  }
}
