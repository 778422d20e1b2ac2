package com.bpo.portal.tenant;

import com.bpo.portal.shared.RequestId;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The one place where a service's transaction learns its tenant, twice over: EclipseLink's
 * multitenant property (the application's own filter on every {@code @Multitenant} entity) and
 * PostgreSQL's {@code app.tenant_id} setting, local to the transaction, which the row-level
 * security policies read. Either layer alone keeps tenants apart; together a bug in one is caught
 * by the other. The same statement names the actor and the request for the audit trail's triggers.
 * (Before any service runs, tenant resolution reads the tenant and the user's role with V107's
 * {@code tenant_membership}, which binds the tenant for that one read and gives the setting back.)
 *
 * <p>Runs inside the {@code @Transactional} interceptor (a later priority), once per transaction.
 */
@TenantBound
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class TenantBinding {
  static final String MULTITENANT_PROPERTY = "eclipselink.tenant-id";
  private static final Object BOUND_TENANT = TenantBinding.class.getName() + ".tenant";

  @Inject TenantContext context;
  @Inject RequestId requestId;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Resource TransactionSynchronizationRegistry transactions;

  @AroundInvoke
  Object bindTenant(InvocationContext invocation) throws Exception {
    if (transactions.getTransactionKey() == null) {
      throw new IllegalStateException(
          invocation.getMethod() + " is @TenantBound but runs outside a transaction");
    }
    String tenantId = context.requireTenant().id();
    Object bound = transactions.getResource(BOUND_TENANT);
    if (bound == null) {
      em.setProperty(MULTITENANT_PROPERTY, tenantId);
      // who and which request, for the audit trail's triggers (V13), in the same round trip
      em.createNativeQuery(
              "select set_config('app.tenant_id', ?1, true), set_config('portal.actor', ?2, true), "
                  + "set_config('portal.request_id', ?3, true)")
          .setParameter(1, tenantId)
          .setParameter(2, context.user().map(PortalUser::username).orElse("system"))
          .setParameter(3, requestId.value())
          .getSingleResult();
      transactions.putResource(BOUND_TENANT, tenantId);
    } else if (!bound.equals(tenantId)) {
      throw new IllegalStateException(
          "A transaction bound to one tenant was asked to act for another");
    }
    return invocation.proceed();
  }
}
