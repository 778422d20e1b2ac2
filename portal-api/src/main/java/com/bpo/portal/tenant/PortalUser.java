package com.bpo.portal.tenant;

import com.bpo.portal.shared.Roles;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in person as the token describes them: name, realm roles, and the tenants
 * (Keycloak organizations) they belong to.
 */
public record PortalUser(String username, Set<String> roles, List<String> tenantIds) {
  public PortalUser {
    roles = Set.copyOf(roles);
    tenantIds = tenantIds.stream().distinct().sorted().toList();
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean isCustomer() {
    return hasRole(Roles.CUSTOMER) && !hasRole(Roles.BPO_AGENT) && !hasRole(Roles.BPO_LEAD);
  }

  /** The most privileged role held, for display. */
  public Optional<String> primaryRole() {
    return Roles.ALL.stream().filter(roles::contains).findFirst();
  }
}
