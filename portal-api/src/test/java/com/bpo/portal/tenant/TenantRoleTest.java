package com.bpo.portal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.Roles;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantRoleTest {
  @Test
  void eachRoleHasTheCodeThatRolesAllowedAndTheDatabaseUse() {
    assertEquals(
        List.of(Roles.CUSTOMER, Roles.CLIENT_STAKEHOLDER, Roles.BPO_AGENT, Roles.BPO_LEAD),
        EnumSet.allOf(TenantRole.class).stream().map(TenantRole::code).toList());
    for (TenantRole role : TenantRole.values()) {
      assertEquals(Optional.of(role), TenantRole.ofCode(role.code()));
    }
    assertEquals(
        Optional.empty(),
        TenantRole.ofCode(Roles.PLATFORM_ADMIN),
        "platform-admin is no tenant role");
  }

  @Test
  void theStrongestOfSeveralCodesWinsAndOtherCodesAreIgnored() {
    assertEquals(
        Optional.of(TenantRole.BPO_LEAD),
        TenantRole.strongest(List.of("bpo-agent", "bpo-lead", "customer")));
    assertEquals(
        Optional.of(TenantRole.CLIENT_STAKEHOLDER),
        TenantRole.strongest(List.of("customer", "client-stakeholder", "platform-admin")));
    assertEquals(Optional.empty(), TenantRole.strongest(List.of("platform-admin", "nonsense")));
  }

  @Test
  void whatEachRoleMayDo() {
    assertTrue(TenantRole.BPO_LEAD.isLead());
    assertFalse(TenantRole.BPO_AGENT.isLead());
    assertEquals(
        EnumSet.of(TenantRole.BPO_AGENT, TenantRole.BPO_LEAD),
        EnumSet.allOf(TenantRole.class).stream()
            .filter(TenantRole::isBpo)
            .collect(() -> EnumSet.noneOf(TenantRole.class), EnumSet::add, EnumSet::addAll));
    assertFalse(TenantRole.CUSTOMER.readsOperations());
    assertTrue(TenantRole.CLIENT_STAKEHOLDER.readsOperations());
    assertFalse(
        TenantRole.STAFF.contains(TenantRole.CUSTOMER),
        "customers are bound to an account, not staff");
  }
}
