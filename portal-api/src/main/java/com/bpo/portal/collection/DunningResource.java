package com.bpo.portal.collection;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Dunning runs: leads run and release them, agents read them. */
@Path("/collections/runs")
@Tag(name = "Dunning")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
public class DunningResource {
  @Inject DunningService dunning;
  @Inject TenantContext context;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Dunning runs, newest first, with their counts")
  public Page<DunningRun> runs(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return dunning.runs(PageRequest.of(limit, cursor));
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary =
          "Run today's dunning now (the daily job does it "
              + "too): proposes what is not proposed yet; a second run the same day adds nothing")
  public DunningRun.Result run() {
    return dunning.run(context.today());
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "DunningResource_runDetail",
      summary =
          "A run with its notices: invoices listed and "
              + "those left out with the reason (DISPUTED, PROMISED, ON_HOLD)")
  public DunningRun.Detail run(@PathParam("id") long id) {
    return dunning.detail(id).orElseThrow(() -> ProblemException.notFound("Run " + id));
  }

  @POST
  @Path("/{id}/release")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary =
          "Release a proposed run with its version: "
              + "letters go out by mail in each customer's language, tasks and holds are made; 409 if stale or released")
  public DunningRun.Detail release(@PathParam("id") long id, Map<String, Long> body) {
    return dunning.release(id, body == null ? null : body.get("version"));
  }
}
