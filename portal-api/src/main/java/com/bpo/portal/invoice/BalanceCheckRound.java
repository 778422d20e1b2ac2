package com.bpo.portal.invoice;

import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One tenant's balance check outside any request, bound to the tenant as the role-less user {@code
 * system} (as the collections round is); done once per tenant and day across servers.
 */
@ApplicationScoped
public class BalanceCheckRound {
  static final String SYSTEM = "system";

  @Inject TenantContext context;
  @Inject ReceivableBalances balances;

  /** The drift found, or empty when another server has checked the tenant that day. */
  @ActivateRequestContext
  public Optional<List<BalanceDrift>> run(Tenant tenant, LocalDate day) {
    context.bindJob(SYSTEM, tenant);
    return balances.checkOnce(day);
  }
}
