package com.bpo.portal.governance;

import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import java.util.Optional;

/**
 * Who acts on the log: a BPO lead, a BPO agent, a client stakeholder, or the escalation job. A
 * customer of the client has no part in governance and gets no actor at all.
 */
public enum Actor {
  LEAD, AGENT, STAKEHOLDER, SYSTEM;

  /** The system user the escalation job acts as: it holds no role. */
  public static final String SYSTEM_USER = "system";

  public static Optional<Actor> of(PortalUser user) {
    if (user.hasRole(Roles.BPO_LEAD)) {
      return Optional.of(LEAD);
    }
    if (user.hasRole(Roles.BPO_AGENT)) {
      return Optional.of(AGENT);
    }
    if (user.hasRole(Roles.CLIENT_STAKEHOLDER)) {
      return Optional.of(STAKEHOLDER);
    }
    if (SYSTEM_USER.equals(user.username()) && user.roles().isEmpty()) {
      return Optional.of(SYSTEM);
    }
    return Optional.empty();
  }
}
