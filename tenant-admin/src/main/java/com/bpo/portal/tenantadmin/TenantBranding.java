package com.bpo.portal.tenantadmin;

import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** How the portal looks for the active tenant: the primary colour of its header and its logo. */
@TenantService
public class TenantBranding {
  public record Branding(String primaryColour, String logoMediaType, byte[] logo) {}

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;

  public Optional<Branding> current() {
    String tenant = context.requireTenant().id();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select primary_colour, logo_media_type, logo from tenant_branding where tenant_id = ?1")
            .setParameter(1, tenant)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> new Branding((String) r[0], (String) r[1], (byte[]) r[2]));
  }
}
