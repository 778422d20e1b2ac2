package com.bpo.portal.tenantadmin;

import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.RequestId;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tenant administration for platform admins: open, list, suspend, resume, webhook test mode,
 * people, export, delete.
 */
@Path("/admin/tenants")
@Tag(name = "Tenant administration")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class TenantAdminResource {
  static final String FAULT_HEADER = "X-Inject-Fault";

  @Inject TenantProvisioning provisioning;
  @Inject TenantPeople people;
  @Inject TenantExport export;
  @Inject TenantDeletion deletion;

  @Context SecurityContext security;
  // the request's id as RequestIds accepted or made it, never the raw header
  @Inject RequestId requestId;

  public record TenantView(
      String id,
      String name,
      String locale,
      String currency,
      String timeZone,
      String status,
      long version,
      boolean testMode,
      String lastError,
      List<String> stepsDone) {
    static TenantView of(TenantProvisioning.TenantSummary t) {
      return new TenantView(
          t.id(),
          t.name(),
          t.locale(),
          t.currency(),
          t.timeZone(),
          t.status(),
          t.version(),
          t.testMode(),
          t.lastError(),
          t.stepsDone());
    }

    static TenantView of(Tenant t) {
      return new TenantView(
          t.id(),
          t.name(),
          t.locale(),
          t.currency(),
          t.timeZone(),
          t.status().name(),
          t.version(),
          t.testMode(),
          null,
          List.of());
    }
  }

  private AdminActor actor() {
    return new AdminActor(security.getUserPrincipal().getName(), requestId.value());
  }

  @GET
  @Operation(summary = "All tenants, by name, with those still being opened")
  public List<TenantView> list() {
    return provisioning.list().stream().map(TenantView::of).toList();
  }

  @GET
  @Path("/{slug}")
  @Operation(summary = "One tenant")
  public TenantView get(@PathParam("slug") String slug) {
    return provisioning
        .find(slug)
        .map(TenantView::of)
        .orElseThrow(() -> ProblemException.notFound("Tenant " + slug));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Open a tenant in one operation (rows, Keycloak organization, first people); "
              + "sending it again completes one a failure interrupted")
  @APIResponse(
      responseCode = "201",
      description = "The tenant opened; Location names it",
      content = @Content(schema = @Schema(implementation = TenantView.class)))
  public Response create(
      NewTenant request,
      // test-only (FaultInjection, off in production): not part of the published API
      @Parameter(hidden = true) @HeaderParam(FAULT_HEADER) String fault,
      @Context UriInfo uri) {
    if (request == null) {
      throw new ProblemException(
          "validation", "Invalid request", 400, "Send the new tenant as JSON.");
    }
    TenantView created = TenantView.of(provisioning.create(request, actor(), fault));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  public record Versioned(Long version) {}

  @POST
  @Path("/{slug}/suspend")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Suspend a tenant: nobody can act in it, its data is kept; with the version last seen")
  public TenantView suspend(@PathParam("slug") String slug, Versioned body) {
    return TenantView.of(
        provisioning.changeStatus(
            slug, TenantStatus.SUSPENDED, body == null ? null : body.version(), actor()));
  }

  @POST
  @Path("/{slug}/resume")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reactivate a suspended tenant; with the version last seen")
  public TenantView resume(@PathParam("slug") String slug, Versioned body) {
    return TenantView.of(
        provisioning.changeStatus(
            slug, TenantStatus.ACTIVE, body == null ? null : body.version(), actor()));
  }

  /** Test mode on or off, with the version last seen. */
  public record TestModeChange(Boolean testMode, Long version) {}

  @PUT
  @Path("/{slug}/test-mode")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Switch the tenant's webhook test mode on or off, with the version last seen: in test"
              + " mode its webhook endpoints may use plain http and loopback or private addresses")
  public TenantView changeTestMode(@PathParam("slug") String slug, TestModeChange body) {
    return TenantView.of(
        provisioning.changeTestMode(
            slug,
            body == null ? null : body.testMode(),
            body == null ? null : body.version(),
            actor()));
  }

  @GET
  @Path("/{slug}/people")
  @Operation(summary = "The tenant's staff, client users and customer users")
  public List<TenantPeople.Person> people(@PathParam("slug") String slug) {
    return people.list(slug);
  }

  /**
   * A person to add: an existing or new sign-in, the role in the tenant, a customer's account
   * number.
   */
  public record PersonRequest(
      String username,
      String email,
      String firstName,
      String lastName,
      String password,
      Boolean temporaryPassword,
      String role,
      String customerAccount) {}

  @POST
  @Path("/{slug}/people")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Assign BPO staff, or invite a client stakeholder or a customer (bound to an account)")
  @APIResponse(
      responseCode = "201",
      description = "The person added to the tenant",
      content = @Content(schema = @Schema(implementation = TenantPeople.Person.class)))
  public Response addPerson(@PathParam("slug") String slug, PersonRequest body) {
    if (body == null) {
      throw new ProblemException("validation", "Invalid request", 400, "Send the person as JSON.");
    }
    NewPerson person =
        new NewPerson(
            body.username(),
            body.email(),
            body.firstName(),
            body.lastName(),
            body.password(),
            body.temporaryPassword());
    return Response.status(201)
        .entity(people.add(slug, person, body.role(), body.customerAccount(), actor()))
        .build();
  }

  public record RoleChange(String role) {}

  @PUT
  @Path("/{slug}/people/{username}/role")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Give a staff member another role in this tenant (bpo-lead, bpo-agent, client-stakeholder)")
  public TenantPeople.Person changeRole(
      @PathParam("slug") String slug, @PathParam("username") String username, RoleChange body) {
    return people.changeRole(slug, username, body == null ? null : body.role(), actor());
  }

  @POST
  @Path("/{slug}/people/{username}/deactivate")
  @Operation(summary = "Take someone out of the tenant")
  public Response deactivate(
      @PathParam("slug") String slug, @PathParam("username") String username) {
    people.deactivate(slug, username, actor());
    return Response.noContent().build();
  }

  @GET
  @Path("/{slug}/export")
  @Produces("application/zip")
  @Operation(
      summary =
          "Everything of the tenant in one ZIP: JSON lines per table, attachments, manifest with checksums")
  public Response export(@PathParam("slug") String slug) {
    provisioning.find(slug).orElseThrow(() -> ProblemException.notFound("Tenant " + slug));
    AdminActor actor = actor();
    StreamingOutput body = out -> export.export(slug, out, actor, null);
    return Response.ok(body, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"" + slug + "-export.zip\"")
        .build();
  }

  public record Confirmation(String confirm) {}

  @POST
  @Path("/{slug}/deletion")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Delete the tenant for good (after an export, typing its slug); answers the proof")
  public JsonObject delete(@PathParam("slug") String slug, Confirmation body) {
    return deletion.delete(slug, body == null ? null : body.confirm(), actor());
  }
}
