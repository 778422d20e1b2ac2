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
    PortalUser user = new PortalUser("ops.lead", Set.of("bpo-lead"), List.of("globex", "acme", "globex"));
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
}
