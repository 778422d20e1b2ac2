package com.bpo.portal.close;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bpo.portal.shared.Roles;
import com.bpo.portal.shared.TransitionRefused;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every status, step and role: the table as a specification. */
class CloseWorkflowTest {
  private static final Set<String> LEAD = Set.of(Roles.BPO_LEAD);
  private static final Set<String> AGENT = Set.of(Roles.BPO_AGENT);
  private static final Set<String> CLIENT = Set.of(Roles.CLIENT_STAKEHOLDER);
  private static final Set<String> CUSTOMER = Set.of(Roles.CUSTOMER);

  /** (status, action) → where it leads, and who may take it. */
  private static final Map<String, CloseStatus> ALLOWED =
      Map.of(
          "DRAFT PREPARE lead", CloseStatus.DRAFT,
          "DRAFT PUBLISH lead", CloseStatus.PUBLISHED,
          "PUBLISHED WITHDRAW lead", CloseStatus.DRAFT,
          "PUBLISHED COMMENT lead", CloseStatus.PUBLISHED,
          "PUBLISHED COMMENT client", CloseStatus.PUBLISHED,
          "PUBLISHED SIGN_OFF client", CloseStatus.SIGNED_OFF);

  @Test
  void everyCellOfTheTable() {
    Map<String, Set<String>> people =
        Map.of("lead", LEAD, "agent", AGENT, "client", CLIENT, "customer", CUSTOMER);
    int checked = 0;
    for (CloseStatus status : CloseStatus.values()) {
      for (CloseAction action : CloseAction.values()) {
        for (var person : people.entrySet()) {
          String key = status + " " + action + " " + person.getKey();
          CloseStatus expected = ALLOWED.get(key);
          if (expected != null) {
            assertEquals(expected, CloseWorkflow.next(status, action, person.getValue()), key);
          } else {
            TransitionRefused refused =
                assertThrows(
                    TransitionRefused.class,
                    () -> CloseWorkflow.next(status, action, person.getValue()),
                    key);
            boolean roleMayEver =
                CloseWorkflow.RULES.get(action).roles().stream()
                    .anyMatch(person.getValue()::contains);
            assertEquals(roleMayEver ? 409 : 403, refused.status(), key);
          }
          checked++;
        }
      }
    }
    assertEquals(CloseStatus.values().length * CloseAction.values().length * 4, checked);
  }

  @Test
  void aSignedOffMonthOffersNothingToAnyone() {
    for (Set<String> roles : List.of(LEAD, AGENT, CLIENT, CUSTOMER)) {
      assertEquals(List.of(), CloseWorkflow.available(CloseStatus.SIGNED_OFF, roles));
    }
  }

  @Test
  void theScreenOffersWhatTheTableAllows() {
    assertEquals(
        List.of(CloseAction.PREPARE, CloseAction.PUBLISH),
        CloseWorkflow.available(CloseStatus.DRAFT, LEAD));
    assertEquals(
        List.of(CloseAction.WITHDRAW, CloseAction.COMMENT),
        CloseWorkflow.available(CloseStatus.PUBLISHED, LEAD));
    assertEquals(
        List.of(CloseAction.COMMENT, CloseAction.SIGN_OFF),
        CloseWorkflow.available(CloseStatus.PUBLISHED, CLIENT));
    assertEquals(List.of(), CloseWorkflow.available(CloseStatus.PUBLISHED, AGENT));
  }
}
