package com.bpo.portal.tenant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantRoleFilterTest {
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
  static class Resource {
    public void anyStaff() {}

    @RolesAllowed(Roles.BPO_LEAD)
    public void leadsOnly() {}

    @PermitAll
    public void everyone() {}

    @DenyAll
    public void nobody() {}
  }

  static class Unannotated {
    public void open() {}
  }

  private static final PortalUser DUO =
      PortalUser.signedIn("duo.staff", false, List.of("acme", "globex"));
  private static final PortalUser LEAD_IN_ACME = DUO.inTenant(Optional.of(TenantRole.BPO_LEAD));
  private static final PortalUser AGENT_IN_GLOBEX = DUO.inTenant(Optional.of(TenantRole.BPO_AGENT));

  private static boolean allowed(String method, PortalUser user) throws NoSuchMethodException {
    Method m = Resource.class.getMethod(method);
    return TenantRoleFilter.allowed(m, Resource.class, user);
  }

  @Test
  void theSamePersonIsALeadInOneTenantAndAnAgentInTheOther() throws Exception {
    assertTrue(allowed("leadsOnly", LEAD_IN_ACME));
    assertFalse(allowed("leadsOnly", AGENT_IN_GLOBEX));
    assertTrue(allowed("anyStaff", AGENT_IN_GLOBEX));
  }

  @Test
  void theMethodsAnnotationWinsOverTheClasss() throws Exception {
    PortalUser stakeholder = DUO.inTenant(Optional.of(TenantRole.CLIENT_STAKEHOLDER));
    assertFalse(allowed("anyStaff", stakeholder));
    assertTrue(allowed("everyone", stakeholder));
    assertFalse(allowed("nobody", LEAD_IN_ACME));
  }

  @Test
  void aMemberWithoutARoleInTheTenantIsRefusedAndRealmRolesDoNotCount() throws Exception {
    PortalUser noRow = DUO.inTenant(Optional.empty());
    assertFalse(allowed("anyStaff", noRow));
    PortalUser admin = PortalUser.signedIn("admin", true, List.of()).inTenant(Optional.empty());
    assertFalse(allowed("anyStaff", admin), "platform-admin is not a tenant role");
    assertTrue(
        TenantRoleFilter.allowed(Unannotated.class.getMethod("open"), Unannotated.class, noRow));
  }
}
