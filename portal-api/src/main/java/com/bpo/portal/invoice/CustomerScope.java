package com.bpo.portal.invoice;

import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Which customer accounts the signed-in user may see: all of the tenant's, or, for a customer, only
 * the account their sign-in is bound to (none if unbound). Every query over accounts, invoices and
 * receivables narrows by it.
 */
@TenantService
public class CustomerScope {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;

  public record Visibility(boolean all, Optional<Long> account) {
    public boolean sees(long customerId) {
      return all || account.equals(Optional.of(customerId));
    }

    public boolean seesNothing() {
      return !all && account.isEmpty();
    }
  }

  public Visibility current() {
    PortalUser user = context.requireUser();
    if (!user.isCustomer()) {
      return new Visibility(true, Optional.empty());
    }
    return new Visibility(
        false,
        Optional.ofNullable(em.find(CustomerPortalUser.class, user.username()))
            .map(CustomerPortalUser::customerAccountId));
  }
}
