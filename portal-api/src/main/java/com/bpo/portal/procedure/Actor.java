package com.bpo.portal.procedure;

import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantRole;

/**
 * Who acts on procedures: leads own and edit them, client stakeholders approve and read, agents
 * read and acknowledge, and the system supersedes. Customers have no part in them.
 */
public enum Actor {
  LEAD,
  STAKEHOLDER,
  AGENT,
  SYSTEM,
  NONE;

  /** The procedures' perspective of the one role model: the user's role in the active tenant. */
  public static Actor of(PortalUser user) {
    return user.tenantRole().map(Actor::of).orElse(NONE);
  }

  public static Actor of(TenantRole role) {
    return switch (role) {
      case BPO_LEAD -> LEAD;
      case CLIENT_STAKEHOLDER -> STAKEHOLDER;
      case BPO_AGENT -> AGENT;
      case CUSTOMER -> NONE;
    };
  }

  public boolean isBpo() {
    return this == LEAD || this == AGENT;
  }

  public boolean reads() {
    return this == LEAD || this == STAKEHOLDER || this == AGENT;
  }
}
