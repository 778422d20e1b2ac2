package com.bpo.portal.dispute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PartyTest {
  @ParameterizedTest(name = "{0} sees {1}: {2}")
  @CsvSource({
    "CUSTOMER, CUSTOMER, true",
    "CUSTOMER, CLIENT,   false",
    "CUSTOMER, INTERNAL, false",
    "CLIENT,   CUSTOMER, true",
    "CLIENT,   CLIENT,   true",
    "CLIENT,   INTERNAL, false",
    "BPO,      CUSTOMER, true",
    "BPO,      CLIENT,   true",
    "BPO,      INTERNAL, true"
  })
  void eachPartyReadsAndWritesOnlyTheMessagesMeantForIt(
      Party party, Visibility visibility, boolean allowed) {
    assertEquals(allowed, party.sees(visibility));
    assertEquals(allowed, party.mayPost(visibility));
    assertEquals(allowed, party.sees().contains(visibility));
  }

  @Test
  void changingTheSetOfVisibilitiesGivenOutChangesNothingForTheParty() {
    Set<Visibility> seen = Party.CUSTOMER.sees();
    seen.add(Visibility.INTERNAL);
    assertEquals(EnumSet.of(Visibility.CUSTOMER), Party.CUSTOMER.sees());
  }

  @ParameterizedTest
  @EnumSource(Party.class)
  void onlyTheBpoIsTheBpo(Party party) {
    assertEquals(party == Party.BPO, party.isBpo());
  }

  private static Stream<Arguments> rolesAndTheirParty() {
    return Stream.of(
        Arguments.of(Set.of(Roles.BPO_LEAD), Party.BPO),
        Arguments.of(Set.of(Roles.BPO_AGENT), Party.BPO),
        Arguments.of(Set.of(Roles.BPO_AGENT, Roles.CUSTOMER), Party.BPO),
        Arguments.of(Set.of(Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER), Party.BPO),
        Arguments.of(Set.of(Roles.CLIENT_STAKEHOLDER), Party.CLIENT),
        Arguments.of(Set.of(Roles.CLIENT_STAKEHOLDER, Roles.CUSTOMER), Party.CLIENT),
        Arguments.of(Set.of(Roles.CUSTOMER), Party.CUSTOMER),
        Arguments.of(Set.of(Roles.PLATFORM_ADMIN), Party.CUSTOMER),
        Arguments.of(Set.of(), Party.CUSTOMER));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("rolesAndTheirParty")
  void thePartyFollowsTheStrongestDisputeRoleAndDefaultsToTheNarrowestView(
      Set<String> roles, Party expected) {
    assertEquals(expected, Party.of(new PortalUser("someone", roles, List.of("acme"))));
  }
}
