package com.bpo.portal.collection;

import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * One tenant's daily collections outside any request, bound to the tenant as the role-less user
 * {@code system}: promises are evaluated first (a promise broken today shows in today's run as no
 * longer holding), then the day's dunning run. Two transactions: one failing keeps the other's
 * work.
 */
@ApplicationScoped
public class CollectionsRound {
  @Inject TenantContext context;
  @Inject CollectionService collections;
  @Inject DunningService dunning;

  @ActivateRequestContext
  public DunningRun.Result run(Tenant tenant, LocalDate today) {
    context.bindJob(CollectionService.SYSTEM, tenant);
    collections.evaluatePromises();
    return dunning.run(today);
  }
}
