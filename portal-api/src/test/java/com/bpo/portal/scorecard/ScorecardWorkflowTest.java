package com.bpo.portal.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.scorecard.ScorecardWorkflow.Party;
import com.bpo.portal.tenant.PortalUser;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScorecardWorkflowTest {
  /**
   * Every (status, action, party) the workflow allows, written out by hand; everything else is
   * refused.
   */
  private static final Set<String> ALLOWED =
      Set.of(
          "DRAFT COMPUTE LEAD",
          "DRAFT ENTER_VALUE LEAD",
          "DRAFT ATTACH_EVIDENCE LEAD",
          "DRAFT PUBLISH LEAD",
          "DRAFT COMMENT LEAD",
          "PUBLISHED COMMENT LEAD",
          "PUBLISHED COMMENT STAKEHOLDER",
          "PUBLISHED DISPUTE_KPI STAKEHOLDER",
          "PUBLISHED ANSWER_KPI LEAD",
          "PUBLISHED SIGN_OFF STAKEHOLDER");

  @Test
  void everyCellOfTheTableIsAsWrittenOut() {
    int allowed = 0;
    for (Scorecard.Status status : Scorecard.Status.values()) {
      for (ScorecardAction action : ScorecardAction.values()) {
        for (Party party : Party.values()) {
          boolean expected = ALLOWED.contains(status + " " + action + " " + party);
          assertEquals(
              expected,
              ScorecardWorkflow.allows(status, action, party),
              status + " " + action + " " + party);
          assertEquals(
              expected,
              ScorecardWorkflow.available(status, party).contains(action),
              "available: " + status + " " + action + " " + party);
          allowed += expected ? 1 : 0;
        }
      }
    }
    assertEquals(
        ALLOWED.size(), allowed, "every hand-written cell names a real status, action and party");
  }

  @Test
  void aSignedOffMonthOffersNothingToAnyone() {
    for (Party party : Party.values()) {
      assertEquals(Set.of(), ScorecardWorkflow.available(Scorecard.Status.SIGNED_OFF, party));
    }
  }

  @Test
  void agentsReadAndTakeNoStep() {
    for (ScorecardAction action : ScorecardAction.values()) {
      assertFalse(ScorecardWorkflow.mayTake(Party.AGENT, action), action.name());
    }
  }

  @Test
  void publishingAndSigningOffMoveTheStatusTheOthersDoNot() {
    assertEquals(
        Optional.of(Scorecard.Status.PUBLISHED), ScorecardWorkflow.next(ScorecardAction.PUBLISH));
    assertEquals(
        Optional.of(Scorecard.Status.SIGNED_OFF), ScorecardWorkflow.next(ScorecardAction.SIGN_OFF));
    for (ScorecardAction action :
        EnumSet.complementOf(EnumSet.of(ScorecardAction.PUBLISH, ScorecardAction.SIGN_OFF))) {
      assertEquals(Optional.empty(), ScorecardWorkflow.next(action), action.name());
    }
  }

  @Test
  void aUserWithTwoRolesGetsTheStepsOfBoth() {
    PortalUser both =
        new PortalUser("pat", Set.of("bpo-lead", "client-stakeholder"), List.of("acme"));
    Set<Party> parties = Party.of(both);
    assertEquals(EnumSet.of(Party.LEAD, Party.STAKEHOLDER), parties);
    Set<ScorecardAction> published =
        ScorecardWorkflow.available(Scorecard.Status.PUBLISHED, parties);
    assertTrue(
        published.containsAll(
            Set.of(
                ScorecardAction.ANSWER_KPI,
                ScorecardAction.SIGN_OFF,
                ScorecardAction.DISPUTE_KPI,
                ScorecardAction.COMMENT)),
        published.toString());
    assertFalse(published.contains(ScorecardAction.PUBLISH));
  }

  @Test
  void aUserWithoutAScorecardRoleIsNoParty() {
    assertEquals(Set.of(), Party.of(new PortalUser("cust", Set.of("customer"), List.of("acme"))));
    assertFalse(ScorecardWorkflow.mayTake(Set.of(), ScorecardAction.COMMENT));
  }
}
