package com.bpo.portal.scorecard;

import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The KPI definitions of the tenant's SLA contract, and their versions. */
@Path("/kpis")
@Tag(name = "KPIs")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class KpiResource {
  @Inject KpiDefinitions kpis;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The current version of each KPI definition")
  public List<KpiDefinition> list() {
    return kpis.definitions();
  }

  @GET
  @Path("/{code}/history")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Every version of one KPI definition, newest first")
  public List<KpiDefinition> history(@PathParam("code") String code) {
    return kpis.history(code);
  }

  @PUT
  @Path("/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary = "Change (or add) a KPI: a new version; past scorecards keep theirs (BPO leads)")
  public KpiDefinition change(@PathParam("code") String code, KpiDefinition.Change change) {
    if (change == null) {
      throw new ProblemException(
          "validation", "Invalid request", 400, "Send the changed fields as JSON.");
    }
    return kpis.change(code, change);
  }
}
