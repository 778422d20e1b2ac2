package com.bpo.portal.invoice;

import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.List;

/**
 * One tenant's balance check outside any request, bound to the tenant as the role-less user {@code
 * system} (as the collections round is).
 */
@ApplicationScoped
public class BalanceCheckRound {
  static final String SYSTEM = "system";

  @Inject TenantContext context;
  @Inject ReceivableBalances balances;

  @ActivateRequestContext
  public List<BalanceDrift> run(Tenant tenant) {
    context.bindJob(SYSTEM, tenant);
    return balances.checkAndRecord();
  }
}
