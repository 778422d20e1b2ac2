package com.bpo.portal.governance;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.StaffMember;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The governance log, its escalation settings and saved views. BPO leads manage; client
 * stakeholders raise issues and comment; agents work the entries they own. Rules live in {@link
 * GovernanceService}; customers have no part in governance (403).
 */
@Path("/governance")
@Tag(name = "Governance")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class GovernanceResource {
  @Inject GovernanceService governance;
  @Inject EscalationService escalation;
  @Inject RootCauseLoop rootCauses;

  @GET
  @Path("/entries")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The log, filtered (type, status, area: comma-separated; owner; overdue=true; level=min "
              + "escalation level; meeting) and keyset-paginated; sort due (default) or -updated")
  public Page<EntrySummary> list(
      @QueryParam("type") String type,
      @QueryParam("status") String status,
      @QueryParam("area") String area,
      @QueryParam("owner") String owner,
      @QueryParam("overdue") String overdue,
      @QueryParam("level") String level,
      @QueryParam("meeting") String meeting,
      @QueryParam("sort") String sort,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return governance.list(
        EntryFilter.parse(type, status, area, owner, overdue, level, meeting),
        EntrySort.parse(sort),
        PageRequest.of(limit, cursor));
  }

  @POST
  @Path("/entries")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Log an issue, risk, action or decision (client stakeholders: issues); 201 with the entry")
  @APIResponse(
      responseCode = "201",
      description = "The entry created; Location names it",
      content = @Content(schema = @Schema(implementation = EntryDetail.class)))
  public Response create(EntryForm form) {
    EntryDetail created = governance.create(form);
    return Response.status(201)
        .entity(created)
        .header("Location", "/api/v1/governance/entries/" + created.entry().id())
        .build();
  }

  @GET
  @Path("/entries/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "One entry with its links, comments, full history and the steps the caller may take")
  public EntryDetail get(@PathParam("id") long id) {
    return governance.find(id).orElseThrow(() -> ProblemException.notFound("Log entry " + id));
  }

  @PUT
  @Path("/entries/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Edit the entry's fields with the version last seen (409 if stale); each change is an event")
  public EntryDetail update(@PathParam("id") long id, EntryForm form) {
    return governance.update(id, form);
  }

  @POST
  @Path("/entries/{id}/transitions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Take a step (START, ESCALATE with a reason in note, RESOLVE, CLOSE, REOPEN) with the version")
  public EntryDetail transition(@PathParam("id") long id, StepRequest step) {
    return governance.transition(id, step);
  }

  public record NewComment(String body) {}

  @POST
  @Path("/entries/{id}/comments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Comment on the entry; 201 with the entry")
  @APIResponse(
      responseCode = "201",
      description = "The entry with the new comment",
      content = @Content(schema = @Schema(implementation = EntryDetail.class)))
  public Response comment(@PathParam("id") long id, NewComment comment) {
    return Response.status(201)
        .entity(governance.comment(id, comment == null ? null : comment.body()))
        .build();
  }

  @POST
  @Path("/entries/{id}/links")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Link the entry to an invoice, dispute, procedure or another entry of the tenant")
  @APIResponse(
      responseCode = "201",
      description = "The entry with the new link",
      content = @Content(schema = @Schema(implementation = EntryDetail.class)))
  public Response link(@PathParam("id") long id, EntryForm.NewLink link) {
    return Response.status(201).entity(governance.link(id, link)).build();
  }

  @DELETE
  @Path("/entries/{id}/links/{kind}/{target}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Remove a link")
  public EntryDetail unlink(
      @PathParam("id") long id,
      @PathParam("kind") LinkKind kind,
      @PathParam("target") long target) {
    return governance.unlink(id, kind, target);
  }

  @GET
  @Path("/staff")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The people who can own an entry")
  public List<StaffMember> staff() {
    governance.actor();
    return governance.staff();
  }

  @GET
  @Path("/views")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The caller's saved views of the log")
  public List<SavedView> views() {
    return governance.views();
  }

  public record NewView(String name, String filter) {}

  @POST
  @Path("/views")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Save a filter (as the list's query string) under a name; the same name replaces it")
  @APIResponse(
      responseCode = "201",
      description = "The view saved",
      content = @Content(schema = @Schema(implementation = SavedView.class)))
  public Response saveView(NewView view) {
    if (view == null) {
      throw new ProblemException("validation", "Invalid request", 400, "Send the view as JSON.");
    }
    return Response.status(201)
        .entity(governance.saveView(view.name(), EntryFilter.fromQuery(view.filter())))
        .build();
  }

  @DELETE
  @Path("/views/{id}")
  @Operation(summary = "Delete one of the caller's saved views")
  public Response deleteView(@PathParam("id") long id) {
    governance.deleteView(id);
    return Response.noContent().build();
  }

  @GET
  @Path("/escalation-matrix")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The escalation levels and the root-cause threshold, with their version")
  public GovernanceSettings settings() {
    governance.actor();
    return escalation.settings();
  }

  @PUT
  @Path("/escalation-matrix")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(summary = "Replace the levels and the threshold, with the version read (409 if stale)")
  public GovernanceSettings saveSettings(GovernanceSettings settings) {
    return escalation.saveSettings(settings);
  }

  @POST
  @Path("/escalations/run")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary = "Run the escalation round and the root-cause loop for the tenant now, as of today")
  public Map<String, Integer> runEscalation() {
    var today = governance.today();
    int escalated = escalation.escalateOverdue(today);
    int proposed = rootCauses.proposeRootCauseActions(today);
    return Map.of("escalated", escalated, "proposed", proposed);
  }
}
