package com.bpo.portal.tenant;

public enum TenantStatus {
  /**
   * Being opened: its rows, Keycloak organization and first people are not all made yet; nobody
   * acts in it.
   */
  PROVISIONING,
  ACTIVE,
  /** Kept with all its data, but nobody can sign in to it. */
  SUSPENDED
}
