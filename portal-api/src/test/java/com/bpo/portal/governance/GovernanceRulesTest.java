package com.bpo.portal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GovernanceRulesTest {
  @Test
  void theLeadManagesEverything() {
    for (EntryType type : EntryType.values()) {
      assertTrue(GovernanceRules.mayCreate(Actor.LEAD, type));
    }
    assertTrue(GovernanceRules.sees(Actor.LEAD, false));
    assertTrue(GovernanceRules.mayEdit(Actor.LEAD, false));
    assertTrue(GovernanceRules.mayReassign(Actor.LEAD));
    assertTrue(GovernanceRules.mayComment(Actor.LEAD, false));
    assertTrue(GovernanceRules.managesMeetings(Actor.LEAD));
    assertTrue(GovernanceRules.managesSettings(Actor.LEAD));
  }

  @Test
  void aClientStakeholderSeesAllRaisesOnlyIssuesAndComments() {
    assertTrue(GovernanceRules.sees(Actor.STAKEHOLDER, false));
    assertTrue(GovernanceRules.mayCreate(Actor.STAKEHOLDER, EntryType.ISSUE));
    assertFalse(GovernanceRules.mayCreate(Actor.STAKEHOLDER, EntryType.ACTION));
    assertFalse(GovernanceRules.mayCreate(Actor.STAKEHOLDER, EntryType.RISK));
    assertFalse(GovernanceRules.mayCreate(Actor.STAKEHOLDER, EntryType.DECISION));
    assertTrue(GovernanceRules.mayComment(Actor.STAKEHOLDER, false));
    assertFalse(GovernanceRules.mayEdit(Actor.STAKEHOLDER, true));
    assertFalse(GovernanceRules.mayReassign(Actor.STAKEHOLDER));
    assertTrue(GovernanceRules.readsMeetings(Actor.STAKEHOLDER));
    assertFalse(GovernanceRules.managesMeetings(Actor.STAKEHOLDER));
    assertFalse(GovernanceRules.managesSettings(Actor.STAKEHOLDER));
  }

  @Test
  void anAgentSeesAndUpdatesWhatTheyOwnAndNothingElse() {
    assertTrue(GovernanceRules.sees(Actor.AGENT, true));
    assertFalse(GovernanceRules.sees(Actor.AGENT, false));
    assertTrue(GovernanceRules.mayEdit(Actor.AGENT, true));
    assertFalse(GovernanceRules.mayEdit(Actor.AGENT, false));
    assertTrue(GovernanceRules.mayComment(Actor.AGENT, true));
    assertFalse(GovernanceRules.mayComment(Actor.AGENT, false));
    assertFalse(GovernanceRules.mayReassign(Actor.AGENT));
    for (EntryType type : EntryType.values()) {
      assertFalse(GovernanceRules.mayCreate(Actor.AGENT, type));
    }
    assertFalse(GovernanceRules.managesMeetings(Actor.AGENT));
  }

  @Test
  void theJobEditsNothingByHand() {
    assertFalse(GovernanceRules.mayEdit(Actor.SYSTEM, true));
    assertFalse(GovernanceRules.mayComment(Actor.SYSTEM, true));
    assertFalse(GovernanceRules.readsMeetings(Actor.SYSTEM));
  }

  @Test
  void theActorComesFromTheRolesAndACustomerHasNone() {
    assertEquals(Optional.of(Actor.LEAD), Actor.of(user("a", Roles.BPO_LEAD, Roles.BPO_AGENT)));
    assertEquals(Optional.of(Actor.AGENT), Actor.of(user("b", Roles.BPO_AGENT)));
    assertEquals(Optional.of(Actor.STAKEHOLDER), Actor.of(user("c", Roles.CLIENT_STAKEHOLDER)));
    assertEquals(Optional.empty(), Actor.of(user("d", Roles.CUSTOMER)));
    assertEquals(
        Optional.empty(),
        Actor.of(user("system", Roles.CUSTOMER)),
        "a customer named system is no job");
    assertEquals(
        Optional.of(Actor.SYSTEM), Actor.of(new PortalUser("system", Set.of(), List.of("acme"))));
  }

  private static PortalUser user(String name, String... roles) {
    return new PortalUser(name, Set.of(roles), List.of("acme"));
  }
}
