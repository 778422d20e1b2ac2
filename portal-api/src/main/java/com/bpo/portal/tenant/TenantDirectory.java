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

  /** A tenant as read for a request, and the role codes the user holds in it. */
  public record Membership(Tenant tenant, List<String> roles) {}

  /**
   * The tenant and the roles {@code username} holds in it (staff roles, or {@code customer}), in
   * one round trip (V107's {@code tenant_membership}, under row-level security as any read); empty
   * when there is no such tenant. The tenant is read for this request only (not managed).
   */
  public Optional<Membership> membership(String tenantId, String username) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, name, locale, currency, time_zone, status, test_mode, "
                    + "array_to_string(roles, ',') from tenant_membership(?1, ?2)")
            .setParameter(1, tenantId)
            .setParameter(2, username)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = rows.get(0);
    Tenant tenant =
        Tenant.asRead(
            (String) r[0],
            (String) r[1],
            (String) r[2],
            (String) r[3],
            (String) r[4],
            TenantStatus.valueOf((String) r[5]),
            (Boolean) r[6]);
    String roles = (String) r[7];
    return Optional.of(
        new Membership(
            tenant, roles == null || roles.isEmpty() ? List.of() : List.of(roles.split(","))));
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
