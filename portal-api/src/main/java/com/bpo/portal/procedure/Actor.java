package com.bpo.portal.procedure;

import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;

/**
 * Who acts on procedures: leads own and edit them, client stakeholders approve and read, agents read
 * and acknowledge, and the system supersedes. Customers have no part in them.
 */
public enum Actor {
  LEAD,
  STAKEHOLDER,
  AGENT,
  SYSTEM,
  NONE;

  public static Actor of(PortalUser user) {
    if (user.hasRole(Roles.BPO_LEAD)) {
      return LEAD;
    }
    if (user.hasRole(Roles.CLIENT_STAKEHOLDER)) {
      return STAKEHOLDER;
    }
    if (user.hasRole(Roles.BPO_AGENT)) {
      return AGENT;
    }
    return NONE;
  }

  public boolean isBpo() {
    return this == LEAD || this == AGENT;
  }

  public boolean reads() {
    return this == LEAD || this == STAKEHOLDER || this == AGENT;
  }
}
