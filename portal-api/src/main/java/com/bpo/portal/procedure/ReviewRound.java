package com.bpo.portal.procedure;

import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * One tenant's reminder round outside any request: a request context of its own, bound to the
 * tenant as the system, in which {@link ReviewReminders} runs its tenant-bound transaction.
 */
@ApplicationScoped
public class ReviewRound {
  /**
   * The audit trail names the job "system", as it did when the job ran on a connection of its own.
   */
  static final String SYSTEM_USER = "system";

  @Inject TenantContext context;
  @Inject ReviewReminders reminders;

  @ActivateRequestContext
  public int run(Tenant tenant, LocalDate today) {
    context.bindJob(SYSTEM_USER, tenant);
    return reminders.remind(today);
  }
}
