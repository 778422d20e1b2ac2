package com.bpo.portal.tenant;

public enum TenantStatus {
  ACTIVE,
  /** Kept with all its data, but nobody can sign in to it. */
  SUSPENDED
}
