package com.bpo.portal.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bpo.portal.shared.TransitionRefused;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcedureWorkflowTest {
  /** The expected table, written out independently of the implementation's. */
  record Arrow(VersionStatus from, VersionStatus to) {}

  static final Map<VersionAction, Arrow> ARROWS =
      Map.of(
          VersionAction.SUBMIT, new Arrow(VersionStatus.DRAFT, VersionStatus.IN_REVIEW),
          VersionAction.APPROVE, new Arrow(VersionStatus.IN_REVIEW, VersionStatus.APPROVED),
          VersionAction.REJECT, new Arrow(VersionStatus.IN_REVIEW, VersionStatus.DRAFT),
          VersionAction.MAKE_EFFECTIVE, new Arrow(VersionStatus.APPROVED, VersionStatus.EFFECTIVE),
          VersionAction.SUPERSEDE, new Arrow(VersionStatus.EFFECTIVE, VersionStatus.SUPERSEDED),
          VersionAction.RETIRE, new Arrow(VersionStatus.EFFECTIVE, VersionStatus.RETIRED));

  static Set<Actor> allowed(VersionAction action, boolean clientApproval) {
    return switch (action) {
      case SUBMIT, MAKE_EFFECTIVE, RETIRE -> EnumSet.of(Actor.LEAD);
      case APPROVE, REJECT ->
          clientApproval ? EnumSet.of(Actor.STAKEHOLDER) : EnumSet.of(Actor.LEAD);
      case SUPERSEDE -> EnumSet.of(Actor.SYSTEM);
    };
  }

  @Test
  void everyStatusActionActorAndApprovalRuleIsDecidedAsTheTableSays() {
    int cells = 0;
    for (boolean clientApproval : new boolean[] {true, false}) {
      for (VersionStatus status : VersionStatus.values()) {
        for (VersionAction action : VersionAction.values()) {
          for (Actor actor : Actor.values()) {
            cells++;
            Arrow arrow = ARROWS.get(action);
            boolean mayAct = allowed(action, clientApproval).contains(actor);
            if (!mayAct) {
              TransitionRefused refused =
                  assertThrows(
                      TransitionRefused.class,
                      () -> ProcedureWorkflow.next(status, action, actor, clientApproval));
              assertEquals(403, refused.status(), status + " " + action + " " + actor);
            } else if (arrow.from() != status) {
              TransitionRefused refused =
                  assertThrows(
                      TransitionRefused.class,
                      () -> ProcedureWorkflow.next(status, action, actor, clientApproval));
              assertEquals(409, refused.status(), status + " " + action + " " + actor);
              assertEquals(status, refused.from());
              assertEquals(action, refused.action());
            } else {
              assertEquals(
                  arrow.to(), ProcedureWorkflow.next(status, action, actor, clientApproval));
            }
          }
        }
      }
    }
    assertEquals(2 * 6 * 6 * 5, cells);
  }

  @Test
  void aStakeholderApprovesWhenTheClientMustAndALeadCannot() {
    assertEquals(
        VersionStatus.APPROVED,
        ProcedureWorkflow.next(
            VersionStatus.IN_REVIEW, VersionAction.APPROVE, Actor.STAKEHOLDER, true));
    assertEquals(
        403,
        assertThrows(
                TransitionRefused.class,
                () ->
                    ProcedureWorkflow.next(
                        VersionStatus.IN_REVIEW, VersionAction.APPROVE, Actor.LEAD, true))
            .status());
  }

  @Test
  void aLeadApprovesWhenTheClientNeedNotAndAStakeholderCannot() {
    assertEquals(
        VersionStatus.APPROVED,
        ProcedureWorkflow.next(VersionStatus.IN_REVIEW, VersionAction.APPROVE, Actor.LEAD, false));
    assertEquals(
        403,
        assertThrows(
                TransitionRefused.class,
                () ->
                    ProcedureWorkflow.next(
                        VersionStatus.IN_REVIEW, VersionAction.APPROVE, Actor.STAKEHOLDER, false))
            .status());
  }

  @Test
  void agentsAndCustomersTakeNoStepAtAll() {
    for (VersionStatus status : VersionStatus.values()) {
      assertEquals(Set.of(), ProcedureWorkflow.available(status, Actor.AGENT, true));
      assertEquals(Set.of(), ProcedureWorkflow.available(status, Actor.NONE, false));
    }
  }

  @Test
  void supersededAndRetiredVersionsAreFinal() {
    for (Actor actor : Actor.values()) {
      for (boolean clientApproval : new boolean[] {true, false}) {
        assertEquals(
            Set.of(), ProcedureWorkflow.available(VersionStatus.SUPERSEDED, actor, clientApproval));
        assertEquals(
            Set.of(), ProcedureWorkflow.available(VersionStatus.RETIRED, actor, clientApproval));
      }
    }
  }

  @Test
  void theButtonsOfferedAreExactlyTheAllowedSteps() {
    assertEquals(
        EnumSet.of(VersionAction.SUBMIT),
        ProcedureWorkflow.available(VersionStatus.DRAFT, Actor.LEAD, true));
    assertEquals(
        EnumSet.of(VersionAction.APPROVE, VersionAction.REJECT),
        ProcedureWorkflow.available(VersionStatus.IN_REVIEW, Actor.STAKEHOLDER, true));
    assertEquals(
        EnumSet.of(VersionAction.MAKE_EFFECTIVE),
        ProcedureWorkflow.available(VersionStatus.APPROVED, Actor.LEAD, true));
    assertEquals(
        EnumSet.of(VersionAction.RETIRE),
        ProcedureWorkflow.available(VersionStatus.EFFECTIVE, Actor.LEAD, false));
  }
}
