package com.bpo.portal.procedure;

import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.PortalUser;

/**
 * Who reaches procedures at all (BPO staff and client stakeholders, never customers), and who edits
 * them (leads).
 */
final class ProcedureAccess {
  private ProcedureAccess() {}

  static Actor reader(PortalUser user) {
    Actor actor = Actor.of(user);
    if (!actor.reads() || user.isCustomer()) {
      throw ProblemException.forbidden(
          "Desk-top procedures are for the BPO's staff and the client's stakeholders.");
    }
    return actor;
  }

  static void lead(PortalUser user) {
    if (reader(user) != Actor.LEAD) {
      throw ProblemException.forbidden("Only BPO leads own and edit procedures.");
    }
  }
}
