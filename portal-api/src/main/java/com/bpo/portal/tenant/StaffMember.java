package com.bpo.portal.tenant;

/**
 * Someone who works in or for the tenant (BPO staff or a client stakeholder), as assignments,
 * owners and notifications name them. {@code role} is the {@link TenantRole#code()}.
 */
public record StaffMember(String username, String displayName, String email, String role) {
  public TenantRole tenantRole() {
    return TenantRole.ofCode(role).orElseThrow();
  }
}
