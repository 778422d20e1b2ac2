package com.bpo.portal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortalUserTest {
  @Test
  void membershipsAreDeduplicatedAndSorted() {
    PortalUser user =
        new PortalUser("ops.lead", Set.of("bpo-lead"), List.of("globex", "acme", "globex"));
    assertEquals(List.of("acme", "globex"), user.tenantIds());
  }

  @Test
  void theMostPrivilegedRoleIsShown() {
    PortalUser user = new PortalUser("x", Set.of("customer", "bpo-agent", "bpo-lead"), List.of());
    assertEquals(Optional.of("bpo-lead"), user.primaryRole());
  }

  @Test
  void aCustomerIsOnlyRestrictedWhenTheyHoldNoBpoRole() {
    assertTrue(new PortalUser("c", Set.of("customer"), List.of("acme")).isCustomer());
    assertFalse(new PortalUser("a", Set.of("customer", "bpo-agent"), List.of("acme")).isCustomer());
  }

  @Test
  void onlyPlatformAdminIsTakenFromTheRealmAndTheTenantRoleFromTheMembership() {
    PortalUser signedIn = PortalUser.signedIn("duo.staff", false, List.of("acme", "globex"));
    assertEquals(Set.of(), signedIn.roles(), "no tenant role before the active tenant is known");
    PortalUser inAcme = signedIn.inTenant(Optional.of(TenantRole.BPO_LEAD));
    PortalUser inGlobex = signedIn.inTenant(Optional.of(TenantRole.BPO_AGENT));
    assertEquals(Set.of("bpo-lead"), inAcme.roles());
    assertEquals(Set.of("bpo-agent"), inGlobex.roles());
    assertTrue(inAcme.isLead());
    assertFalse(inGlobex.isLead());
    assertTrue(inGlobex.isBpo());
  }

  @Test
  void aPlatformAdminKeepsThatRoleInATenantAndAMemberWithoutARowHasNone() {
    PortalUser admin =
        PortalUser.signedIn("admin", true, List.of("acme")).inTenant(Optional.empty());
    assertEquals(Set.of("platform-admin"), admin.roles());
    assertEquals(Optional.empty(), admin.tenantRole());
    PortalUser stranger =
        PortalUser.signedIn("x", false, List.of("acme")).inTenant(Optional.empty());
    assertEquals(Set.of(), stranger.roles());
    assertFalse(stranger.isCustomer(), "no membership is no role, not a customer");
  }

  @Test
  void aNewTenantReplacesTheRoleOfThePreviousOne() {
    PortalUser lead =
        PortalUser.signedIn("duo.staff", false, List.of("acme"))
            .inTenant(Optional.of(TenantRole.BPO_LEAD));
    assertEquals(Set.of("customer"), lead.inTenant(Optional.of(TenantRole.CUSTOMER)).roles());
  }
}
