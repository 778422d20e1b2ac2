package com.bpo.portal.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads the tenant registry. Not cached on purpose: a suspension must take effect on every Liberty
 * instance at the next request.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TenantDirectory {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  public Optional<Tenant> find(String id) {
    return Optional.ofNullable(em.find(Tenant.class, id));
  }

  /** The tenants among {@code ids}, by name; ids without a tenant row are left out. */
  public List<Tenant> findAll(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("select t from Tenant t where t.id in :ids order by t.name", Tenant.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  /** Every active tenant, by id: what a scheduled job walks, binding each in turn. */
  public List<Tenant> active() {
    return em.createQuery(
            "select t from Tenant t where t.status = com.bpo.portal.tenant.TenantStatus.ACTIVE "
                + "order by t.id",
            Tenant.class)
        .getResultList();
  }

  /**
   * Every tenant, suspended ones too, by id (mail already queued for a suspended tenant still goes
   * out).
   */
  public List<Tenant> all() {
    return em.createQuery("select t from Tenant t order by t.id", Tenant.class).getResultList();
  }
}
