package com.bpo.portal.tenant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who am I, in which tenant, and where else could I act. */
@Path("/me")
@Tag(name = "Me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
  @Inject TenantContext context;
  @Inject TenantDirectory directory;

  public record TenantRef(String id, String name) {
    static TenantRef of(Tenant t) {
      return new TenantRef(t.id(), t.name());
    }
  }

  /**
   * {@code roles}: platform-admin if held, and the one role held in the active tenant (from the
   * membership, not the realm); {@code tenantRole} is that role alone, null outside a tenant.
   */
  public record Me(
      String user,
      TenantRef activeTenant,
      List<TenantRef> tenants,
      Set<String> roles,
      String tenantRole) {}

  @GET
  @Operation(
      summary =
          "The signed-in user, the active tenant, the tenants they belong to, and their roles in the active tenant")
  public Me me() {
    PortalUser user = context.requireUser();
    return new Me(
        user.username(),
        context.tenant().map(TenantRef::of).orElse(null),
        directory.findAll(user.tenantIds()).stream()
            .filter(Tenant::isActive)
            .map(TenantRef::of)
            .toList(),
        new TreeSet<>(user.roles()),
        user.tenantRole().map(TenantRole::code).orElse(null));
  }
}
