package com.bpo.portal.governance;

import static com.bpo.portal.governance.EntryAction.CLOSE;
import static com.bpo.portal.governance.EntryAction.ESCALATE;
import static com.bpo.portal.governance.EntryAction.REOPEN;
import static com.bpo.portal.governance.EntryAction.RESOLVE;
import static com.bpo.portal.governance.EntryAction.START;
import static com.bpo.portal.governance.EntryStatus.CLOSED;
import static com.bpo.portal.governance.EntryStatus.ESCALATED;
import static com.bpo.portal.governance.EntryStatus.IN_PROGRESS;
import static com.bpo.portal.governance.EntryStatus.OPEN;
import static com.bpo.portal.governance.EntryStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bpo.portal.shared.TransitionRefused;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntryWorkflowTest {
  /**
   * The workflow as the governance model describes it, arrow by arrow, independently of the
   * production table.
   */
  private record Arrow(EntryStatus from, EntryAction action, EntryStatus to) {}

  private static final List<Arrow> ARROWS =
      List.of(
          new Arrow(OPEN, START, IN_PROGRESS),
          new Arrow(ESCALATED, START, IN_PROGRESS),
          new Arrow(OPEN, ESCALATE, ESCALATED),
          new Arrow(IN_PROGRESS, ESCALATE, ESCALATED),
          new Arrow(ESCALATED, ESCALATE, ESCALATED),
          new Arrow(OPEN, RESOLVE, RESOLVED),
          new Arrow(IN_PROGRESS, RESOLVE, RESOLVED),
          new Arrow(ESCALATED, RESOLVE, RESOLVED),
          new Arrow(RESOLVED, CLOSE, CLOSED),
          new Arrow(RESOLVED, REOPEN, IN_PROGRESS),
          new Arrow(CLOSED, REOPEN, IN_PROGRESS));

  /**
   * Whose step each is: the lead's all but nothing of the job's; an agent works, a stakeholder
   * escalates.
   */
  private static Set<EntryAction> stepsOf(Actor actor, boolean owns) {
    return switch (actor) {
      case LEAD -> EnumSet.allOf(EntryAction.class);
      case AGENT -> owns ? EnumSet.of(START, RESOLVE) : EnumSet.noneOf(EntryAction.class);
      case STAKEHOLDER -> EnumSet.of(ESCALATE);
      case SYSTEM -> EnumSet.of(ESCALATE);
    };
  }

  private static Stream<Arguments> everyStatusActionActorAndOwnership() {
    List<Arguments> all = new ArrayList<>();
    for (EntryStatus status : EntryStatus.values()) {
      for (EntryAction action : EntryAction.values()) {
        for (Actor actor : Actor.values()) {
          all.add(Arguments.of(status, action, actor, true));
          all.add(Arguments.of(status, action, actor, false));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{2} (owner {3}) asks {1} from {0}")
  @MethodSource("everyStatusActionActorAndOwnership")
  void everyCombinationIsAllowedOrRefusedAsTheModelSays(
      EntryStatus from, EntryAction action, Actor actor, boolean owns) {
    Optional<Arrow> arrow =
        ARROWS.stream().filter(a -> a.from() == from && a.action() == action).findFirst();
    if (!stepsOf(actor, owns).contains(action)) {
      TransitionRefused refused =
          assertThrows(
              TransitionRefused.class, () -> EntryWorkflow.next(from, action, actor, owns));
      assertEquals(403, refused.status());
    } else if (arrow.isEmpty()) {
      TransitionRefused refused =
          assertThrows(
              TransitionRefused.class, () -> EntryWorkflow.next(from, action, actor, owns));
      assertEquals(409, refused.status());
      assertEquals(from, refused.from());
    } else {
      assertEquals(arrow.get().to(), EntryWorkflow.next(from, action, actor, owns));
    }
  }

  @Test
  void theStepsOfferedAreExactlyThoseThatWouldSucceed() {
    for (EntryStatus status : EntryStatus.values()) {
      for (Actor actor : Actor.values()) {
        for (boolean owns : new boolean[] {true, false}) {
          Set<EntryAction> expected = EnumSet.noneOf(EntryAction.class);
          for (Arrow a : ARROWS) {
            if (a.from() == status && stepsOf(actor, owns).contains(a.action())) {
              expected.add(a.action());
            }
          }
          assertEquals(
              expected,
              EntryWorkflow.available(status, actor, owns),
              status + " " + actor + " " + owns);
        }
      }
    }
  }

  @Test
  void anAgentWorksOnlyWhatTheyOwn() {
    assertEquals(IN_PROGRESS, EntryWorkflow.next(OPEN, START, Actor.AGENT, true));
    assertEquals(
        403,
        assertThrows(
                TransitionRefused.class, () -> EntryWorkflow.next(OPEN, START, Actor.AGENT, false))
            .status());
  }

  @Test
  void aClosedEntryCannotBeEscalatedEvenByTheJob() {
    assertEquals(
        409,
        assertThrows(
                TransitionRefused.class,
                () -> EntryWorkflow.next(CLOSED, ESCALATE, Actor.SYSTEM, false))
            .status());
  }
}
