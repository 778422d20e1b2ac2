package com.bpo.portal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.tenant.ActiveTenantResolver.Active;
import com.bpo.portal.tenant.ActiveTenantResolver.Ambiguous;
import com.bpo.portal.tenant.ActiveTenantResolver.NoTenant;
import com.bpo.portal.tenant.ActiveTenantResolver.NotMember;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActiveTenantResolverTest {
  @Test
  void aRequestedTenantTheUserBelongsToBecomesActive() {
    assertEquals(
        new Active("globex"),
        ActiveTenantResolver.resolve(List.of("acme", "globex"), Optional.of("globex")));
  }

  @Test
  void namingATenantTheUserDoesNotBelongToIsRefusedNotGranted() {
    assertEquals(
        new NotMember("globex"),
        ActiveTenantResolver.resolve(List.of("acme"), Optional.of("globex")));
  }

  @Test
  void aUserWithNoMembershipCannotNameTheirWayIntoATenant() {
    assertEquals(
        new NotMember("acme"), ActiveTenantResolver.resolve(List.of(), Optional.of("acme")));
  }

  @Test
  void theOnlyMembershipIsActiveWithoutAsking() {
    assertEquals(
        new Active("acme"), ActiveTenantResolver.resolve(List.of("acme"), Optional.empty()));
  }

  @Test
  void severalMembershipsAndNoChoiceIsAmbiguous() {
    assertEquals(
        new Ambiguous(List.of("acme", "globex")),
        ActiveTenantResolver.resolve(List.of("acme", "globex"), Optional.empty()));
  }

  @Test
  void aBlankHeaderCountsAsNoChoice() {
    assertEquals(
        new Active("acme"), ActiveTenantResolver.resolve(List.of("acme"), Optional.of("  ")));
  }

  @Test
  void noMembershipAndNoChoiceActsInNoTenant() {
    assertEquals(new NoTenant(), ActiveTenantResolver.resolve(List.of(), Optional.empty()));
  }

  @Test
  void matchingIsExactSoACaseVariantIsNotAMembership() {
    assertEquals(
        new NotMember("ACME"), ActiveTenantResolver.resolve(List.of("acme"), Optional.of("ACME")));
  }
}
