package com.bpo.portal.tenantadmin;

import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Opens tenants and lists them. Platform-level, so deliberately not {@code @TenantService}: the
 * tenant table is the registry above all tenants and carries no row-level policy.
 */
@ApplicationScoped
@Transactional
public class TenantProvisioning {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  public List<Tenant> list() {
    return em.createQuery("select t from Tenant t order by t.name", Tenant.class).getResultList();
  }

  public Tenant create(NewTenant request) {
    List<Problem.FieldError> problems = request.problems();
    if (!problems.isEmpty()) {
      throw new InvalidFields("The new tenant has invalid fields.", problems);
    }
    if (em.find(Tenant.class, request.slug()) != null) {
      throw new ProblemException("tenant-exists", "Conflict", 409,
          "A tenant with the slug '" + request.slug() + "' already exists.");
    }
    Tenant tenant = new Tenant(request.slug(), request.name().trim(), request.locale(),
        request.currency(), request.timeZone());
    em.persist(tenant);
    return tenant;
  }

  /**
   * Suspends or reactivates a tenant, with the version the caller saw: a change made meanwhile by
   * another admin answers 409 instead of being overwritten.
   */
  public Tenant changeStatus(String slug, com.bpo.portal.tenant.TenantStatus status, Long version) {
    Tenant tenant = em.find(Tenant.class, slug);
    if (tenant == null) {
      throw ProblemException.notFound("Tenant " + slug);
    }
    if (version == null || version != tenant.version()) {
      throw new ProblemException("conflict", "Changed meanwhile", 409, "Tenant " + slug
          + " changed meanwhile (version " + tenant.version() + ", you sent " + version + "). Reload and try again.");
    }
    tenant.changeStatus(status);
    em.flush();
    return tenant;
  }
}
