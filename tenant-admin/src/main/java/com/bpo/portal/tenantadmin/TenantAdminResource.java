package com.bpo.portal.tenantadmin;

import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/admin/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class TenantAdminResource {
  @Inject TenantProvisioning provisioning;

  public record TenantView(String id, String name, String locale, String currency, String timeZone,
                           String status, long version) {
    static TenantView of(Tenant t) {
      return new TenantView(t.id(), t.name(), t.locale(), t.currency(), t.timeZone(), t.status().name(),
          t.version());
    }
  }

  @GET
  @Operation(summary = "All tenants, by name")
  public List<TenantView> list() {
    return provisioning.list().stream().map(TenantView::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Open a tenant")
  public Response create(NewTenant request, @Context UriInfo uri) {
    if (request == null) {
      throw new ProblemException("validation", "Invalid request", 400, "Send the new tenant as JSON.");
    }
    TenantView created = TenantView.of(provisioning.create(request));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
  }

  public record Versioned(Long version) {}

  @POST
  @Path("/{slug}/suspend")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Suspend a tenant: nobody can act in it, its data is kept; with the version last seen")
  public TenantView suspend(@jakarta.ws.rs.PathParam("slug") String slug, Versioned body) {
    return TenantView.of(provisioning.changeStatus(slug, com.bpo.portal.tenant.TenantStatus.SUSPENDED,
        body == null ? null : body.version()));
  }

  @POST
  @Path("/{slug}/resume")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reactivate a suspended tenant; with the version last seen")
  public TenantView resume(@jakarta.ws.rs.PathParam("slug") String slug, Versioned body) {
    return TenantView.of(provisioning.changeStatus(slug, com.bpo.portal.tenant.TenantStatus.ACTIVE,
        body == null ? null : body.version()));
  }
}
