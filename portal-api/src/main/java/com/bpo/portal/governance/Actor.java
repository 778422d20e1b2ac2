package com.bpo.portal.governance;

import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantRole;
import java.util.Optional;

/**
 * Who acts on the log: a BPO lead, a BPO agent, a client stakeholder, or the escalation job. A
 * customer of the client has no part in governance and gets no actor at all.
 */
public enum Actor {
  LEAD,
  AGENT,
  STAKEHOLDER,
  SYSTEM;

  /** The system user the escalation job acts as: it holds no role. */
  public static final String SYSTEM_USER = "system";

  /** Governance's perspective of the one role model: the user's role in the active tenant. */
  public static Optional<Actor> of(PortalUser user) {
    if (user.tenantRole().isEmpty()) {
      return SYSTEM_USER.equals(user.username()) && user.roles().isEmpty()
          ? Optional.of(SYSTEM)
          : Optional.empty();
    }
    return of(user.tenantRole().get());
  }

  public static Optional<Actor> of(TenantRole role) {
    return switch (role) {
      case BPO_LEAD -> Optional.of(LEAD);
      case BPO_AGENT -> Optional.of(AGENT);
      case CLIENT_STAKEHOLDER -> Optional.of(STAKEHOLDER);
      case CUSTOMER -> Optional.empty();
    };
  }
}
