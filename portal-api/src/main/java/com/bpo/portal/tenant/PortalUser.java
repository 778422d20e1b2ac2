package com.bpo.portal.tenant;

import com.bpo.portal.shared.Roles;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in person: name, the tenants (Keycloak organizations) they belong to, and their roles
 * here and now: {@code platform-admin} when the realm grants it, and the role their membership of
 * the ACTIVE tenant gives them ({@link TenantRole}, from {@link StaffDirectory}). The realm's other
 * roles decide nothing: a lead in one tenant may be an agent in the next.
 */
public record PortalUser(String username, Set<String> roles, List<String> tenantIds) {
  public PortalUser {
    roles = Set.copyOf(roles);
    tenantIds = tenantIds.stream().distinct().sorted().toList();
  }

  /** As the token describes them, before the active tenant is known: no tenant role yet. */
  public static PortalUser signedIn(
      String username, boolean platformAdmin, List<String> tenantIds) {
    return new PortalUser(
        username, platformAdmin ? Set.of(Roles.PLATFORM_ADMIN) : Set.of(), tenantIds);
  }

  /**
   * The same person acting in a tenant where their membership gives them {@code role} (or none).
   */
  public PortalUser inTenant(Optional<TenantRole> role) {
    Set<String> held = new HashSet<>();
    if (hasRole(Roles.PLATFORM_ADMIN)) {
      held.add(Roles.PLATFORM_ADMIN);
    }
    role.ifPresent(r -> held.add(r.code()));
    return new PortalUser(username, held, tenantIds);
  }

  /** The role held in the active tenant. */
  public Optional<TenantRole> tenantRole() {
    return TenantRole.strongest(roles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean is(TenantRole role) {
    return tenantRole().filter(role::equals).isPresent();
  }

  public boolean isCustomer() {
    return is(TenantRole.CUSTOMER);
  }

  public boolean isBpo() {
    return tenantRole().filter(TenantRole::isBpo).isPresent();
  }

  public boolean isLead() {
    return is(TenantRole.BPO_LEAD);
  }

  /** The most privileged role held, for display. */
  public Optional<String> primaryRole() {
    return Roles.ALL.stream().filter(roles::contains).findFirst();
  }
}
