package com.bpo.portal.dispute;

import com.bpo.portal.limits.RateLimited;
import com.bpo.portal.shared.AttachmentCheck;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.QueryParams;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Disputes for both sides: customers raise, follow, reply and close or reopen theirs; the BPO works
 * the queue; client stakeholders read and comment. Each rule lives in {@link DisputeService}.
 */
@Path("/disputes")
@Tag(name = "Disputes")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER, Roles.CUSTOMER})
public class DisputeResource {
  @Inject DisputeService disputes;
  @Inject DisputeAnalysisService analysis;
  @Inject TenantContext context;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The dispute queue, filtered, sorted and keyset-paginated; a customer sees their own")
  public Page<DisputeSummary> list(
      @BeanParam DisputeQuery query,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return disputes.list(query.filter(), query.sort(), PageRequest.of(limit, cursor));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Raise a dispute (customer) or log one or a deduction for a customer (BPO); 201 with the dispute")
  @APIResponse(
      responseCode = "201",
      description = "The dispute raised; Location names it",
      content = @Content(schema = @Schema(implementation = DisputeDetail.class)))
  @RateLimited
  public Response raise(NewDispute dispute) {
    if (dispute == null) {
      throw new ProblemException("validation", "Invalid request", 400, "Send the dispute as JSON.");
    }
    DisputeDetail raised = disputes.raise(dispute);
    return Response.status(201)
        .entity(raised)
        .header("Location", "/api/v1/disputes/" + raised.dispute().id())
        .build();
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "One dispute with its items, the messages the caller may read, attachments and history")
  public DisputeDetail get(@PathParam("id") long id) {
    return disputes.find(id).orElseThrow(() -> ProblemException.notFound("Dispute " + id));
  }

  @POST
  @Path("/{id}/transitions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Take a workflow step (START_REVIEW, ASK_CUSTOMER, RESUME_REVIEW, RESOLVE, CLOSE, REOPEN) "
              + "with the version last seen; 409 if not allowed from the current status or the version is stale")
  @APIResponse(
      responseCode = "200",
      description = "The dispute after the step",
      content = @Content(schema = @Schema(implementation = DisputeDetail.class)))
  @APIResponse(
      responseCode = "202",
      description = "A resolution above the tenant's four-eyes threshold waits for approval",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public DisputeDetail transition(@PathParam("id") long id, TransitionRequest request) {
    if (request == null) {
      throw new ProblemException("validation", "Invalid request", 400, "Send the step as JSON.");
    }
    return disputes.transition(id, request);
  }

  public record Assignment(String assignee, Long version) {}

  @PUT
  @Path("/{id}/assignee")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
  @Operation(
      summary =
          "Assign the dispute to one of the tenant's BPO staff (null to unassign), with the version last seen")
  public DisputeDetail assign(@PathParam("id") long id, Assignment assignment) {
    return disputes.assign(
        id,
        assignment == null ? null : assignment.assignee(),
        assignment == null ? null : assignment.version());
  }

  public record BulkAssignment(List<Long> ids, String assignee) {}

  @POST
  @Path("/assignments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
  @Operation(summary = "Assign many disputes at once; all or none")
  public Map<String, Integer> assignAll(BulkAssignment assignment) {
    if (assignment == null) {
      throw new ProblemException(
          "validation", "Invalid request", 400, "Send the ids and the assignee as JSON.");
    }
    return Map.of("assigned", disputes.assignAll(assignment.ids(), assignment.assignee()));
  }

  public record NewMessage(String body, Visibility visibility) {}

  @POST
  @Path("/{id}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Write in the dispute's thread: CUSTOMER (all parties), CLIENT (client and BPO) or INTERNAL (BPO)")
  @APIResponse(
      responseCode = "201",
      description = "The dispute with the new message",
      content = @Content(schema = @Schema(implementation = DisputeDetail.class)))
  @RateLimited
  public Response post(@PathParam("id") long id, NewMessage message) {
    if (message == null) {
      throw new ProblemException("validation", "Invalid request", 400, "Send the message as JSON.");
    }
    return Response.status(201)
        .entity(disputes.post(id, message.body(), message.visibility()))
        .build();
  }

  @GET
  @Path("/{id}/messages")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The messages of the thread that the caller may read")
  public List<DisputeDetail.Message> messages(@PathParam("id") long id) {
    return get(id).messages();
  }

  @POST
  @Path("/{id}/attachments")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Attach a PDF, PNG or JPEG (judged by content, at most 5 MB); the file name in X-File-Name")
  @APIResponse(
      responseCode = "201",
      description = "The attachment; Location names it",
      content = @Content(schema = @Schema(implementation = DisputeDetail.Attachment.class)))
  @RateLimited
  public Response attach(
      @PathParam("id") long id, @HeaderParam("X-File-Name") String fileName, InputStream body)
      throws IOException {
    byte[] content =
        body.readNBytes(AttachmentCheck.MAX_BYTES + 1); // never more than the limit in memory
    DisputeDetail.Attachment attachment = disputes.attach(id, fileName, content);
    return Response.status(201)
        .entity(attachment)
        .header("Location", "/api/v1/disputes/" + id + "/attachments/" + attachment.id())
        .build();
  }

  @GET
  @Path("/{id}/attachments/{attachment}")
  @Operation(summary = "Download an attachment, served as the type its content was checked to be")
  public Response attachment(@PathParam("id") long id, @PathParam("attachment") long attachmentId) {
    DisputeService.AttachmentContent file =
        disputes
            .attachment(id, attachmentId)
            .orElseThrow(() -> ProblemException.notFound("Attachment " + attachmentId));
    return Response.ok(file.content(), file.mediaType())
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + file.fileName().replace("\"", "") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  @GET
  @Path("/reasons")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The tenant's reason codes that can be chosen (all of them with inactive=true)")
  public List<DisputeReason> reasons(@QueryParam("inactive") boolean inactive) {
    return disputes.reasons(inactive);
  }

  @PUT
  @Path("/reasons/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(summary = "Add or change a reason code of the tenant's catalogue (BPO leads)")
  public DisputeReason saveReason(@PathParam("code") String code, DisputeReason reason) {
    if (reason == null) {
      throw new ProblemException("validation", "Invalid request", 400, "Send the reason as JSON.");
    }
    return disputes.saveReason(
        new DisputeReason(code, reason.label(), reason.active(), reason.sortOrder()));
  }

  @GET
  @Path("/settings")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
  @Operation(
      summary =
          "The disputes desk's settings (SLA hours, customer promise, reopen window, team mailbox) with their version")
  public DisputeService.VersionedSettings settings() {
    return disputes.versionedSettings();
  }

  @PUT
  @Path("/settings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary =
          "Change the settings, sending the version read; 409 if someone changed them meanwhile")
  public DisputeService.VersionedSettings saveSettings(DisputeService.VersionedSettings request) {
    if (request == null || request.settings() == null) {
      throw new ProblemException(
          "validation", "Invalid request", 400, "Send {settings, version} as JSON.");
    }
    return disputes.saveSettings(request.settings(), request.version());
  }

  @GET
  @Path("/analysis")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
  @Operation(
      summary =
          "Root causes: disputes by reason (Pareto), month and customer, and cycle time, over a period "
              + "(default: the last 12 months)")
  public DisputeAnalysis analyse(@QueryParam("from") String from, @QueryParam("to") String to) {
    return analysis.analyse(periodStart(from), periodEnd(to));
  }

  @GET
  @Path("/analysis")
  @Produces("text/csv; qs=0.5")
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
  @Operation(summary = "The root-cause analysis as CSV (Accept: text/csv)")
  public Response analyseCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
    DisputeAnalysis result = analysis.analyse(periodStart(from), periodEnd(to));
    StreamingOutput csv = out -> analysis.csv(result, out);
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"dispute-analysis.csv\"")
        .build();
  }

  private LocalDate periodEnd(String to) {
    QueryParams params = new QueryParams();
    LocalDate end = params.date("to", to).orElseGet(context::today);
    params.throwIfInvalid();
    return end;
  }

  private LocalDate periodStart(String from) {
    QueryParams params = new QueryParams();
    LocalDate start =
        params
            .date("from", from)
            .orElseGet(() -> context.today().minusMonths(12).withDayOfMonth(1));
    params.throwIfInvalid();
    return start;
  }
}
