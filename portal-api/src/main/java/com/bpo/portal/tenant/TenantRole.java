package com.bpo.portal.tenant;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one role model of the portal: what a person is in the ACTIVE tenant, read from their
 * membership of it (tenant_staff for staff and stakeholders, customer_portal_user for customers),
 * never from the realm. Each workflow reads it through its own perspective (a dispute's {@code
 * Party}, governance's and procedures' {@code Actor}), each an exhaustive mapping from this enum,
 * so a new role cannot be forgotten by one of them. Least privileged first.
 */
public enum TenantRole {
  /** A customer of the client, bound to one customer account: sees their own account only. */
  CUSTOMER("customer"),
  /** The client's people: read operations, approve procedures, sign scorecards off. */
  CLIENT_STAKEHOLDER("client-stakeholder"),
  /** BPO staff working the tenant's ledger, disputes and governance items they own. */
  BPO_AGENT("bpo-agent"),
  /** BPO staff who lead the tenant: settings, procedures, scorecards, the audit trail. */
  BPO_LEAD("bpo-lead");

  /** The roles of people who work for the tenant (tenant_staff), as opposed to its customers. */
  public static final Set<TenantRole> STAFF = EnumSet.of(CLIENT_STAKEHOLDER, BPO_AGENT, BPO_LEAD);

  public static final Set<TenantRole> BPO = EnumSet.of(BPO_AGENT, BPO_LEAD);

  private final String code;

  TenantRole(String code) {
    this.code = code;
  }

  /** The role's name in the API, the database and {@code @RolesAllowed} (see shared.Roles). */
  public String code() {
    return code;
  }

  public static Optional<TenantRole> ofCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }

  /** The most privileged of the given role codes that names a tenant role. */
  public static Optional<TenantRole> strongest(Collection<String> codes) {
    return codes.stream().map(TenantRole::ofCode).flatMap(Optional::stream).max(Enum::compareTo);
  }

  public boolean isBpo() {
    return BPO.contains(this);
  }

  public boolean isLead() {
    return this == BPO_LEAD;
  }

  /**
   * Everyone but a customer reads the tenant's operations (aging, scorecards, governance,
   * procedures).
   */
  public boolean readsOperations() {
    return this != CUSTOMER;
  }
}
