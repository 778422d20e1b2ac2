package com.bpo.portal.governance;

import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * One tenant's round outside any request: a request context of its own, bound to the tenant as the
 * system user, in which the service's tenant-bound transactions run as they do for a request. The
 * escalation and the root-cause loop are two transactions: one failing leaves the other's work.
 */
@ApplicationScoped
public class EscalationRound {
  @Inject TenantContext context;
  @Inject EscalationService escalation;
  @Inject RootCauseLoop rootCauses;

  /** Returns how many entries were escalated. */
  @ActivateRequestContext
  public int run(Tenant tenant, LocalDate today) {
    context.bindJob(Actor.SYSTEM_USER, tenant);
    int escalated = escalation.escalateOverdue(today);
    rootCauses.proposeRootCauseActions(today);
    return escalated;
  }
}
