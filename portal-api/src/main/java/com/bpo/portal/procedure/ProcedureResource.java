package com.bpo.portal.procedure;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.ProcessArea;
import com.bpo.portal.shared.QueryParams;
import com.bpo.portal.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
 * Desk-top procedures over HTTP: the library, versions and their steps, the version in force on a
 * date, diffs, attachments, acknowledgements, reviews and search. Customers have no part (403);
 * every rule lives in {@link ProcedureService}.
 */
@Path("/procedures")
@Tag(name = "Procedures")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
@Produces(MediaType.APPLICATION_JSON)
public class ProcedureResource {
  @Inject ProcedureService procedures;
  @Inject ProcedureVersions versions;

  @GET
  @Operation(
      summary = "The library by process area and title, keyset-paginated; filter by processArea")
  public Page<ProcedureSummary> list(
      @QueryParam("processArea") String area,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return procedures.list(area(area), PageRequest.of(limit, cursor));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary = "Start a procedure (BPO leads); version 1 is a draft with the given Markdown; 201")
  @APIResponse(
      responseCode = "201",
      description = "The procedure with its first draft; Location names it",
      content = @Content(schema = @Schema(implementation = ProcedureDetail.class)))
  public Response create(NewProcedure request) {
    if (request == null) {
      throw invalid("Send the procedure as JSON.");
    }
    ProcedureDetail created = procedures.create(request);
    return Response.status(201)
        .entity(created)
        .header("Location", "/api/v1/procedures/" + created.procedure().id())
        .build();
  }

  @GET
  @Path("/search")
  @Operation(
      summary =
          "Full-text search over titles and text in force (websearch syntax), ranked, with snippets as "
              + "safe HTML (matches in <mark>)")
  public Page<SearchHit> search(@QueryParam("q") String q, @QueryParam("limit") Integer limit) {
    return new Page<>(procedures.search(q, limit), null);
  }

  @GET
  @Path("/reviews")
  @Operation(
      summary =
          "Procedures whose periodic review is due within 30 days or overdue, the oldest first")
  public Page<ProcedureSummary> dueReviews() {
    return new Page<>(procedures.dueReviews(), null);
  }

  @POST
  @Path("/reviews/reminders")
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary =
          "Queue the review reminders due today now instead of at the next hourly round (BPO leads)")
  public Map<String, Integer> remind() {
    return Map.of("queued", versions.sendReviewReminders());
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary =
          "A procedure with its versions, the effective one rendered, acknowledgements, reviews and history")
  public ProcedureDetail get(@PathParam("id") long id) {
    return procedures.find(id).orElseThrow(() -> ProblemException.notFound("Procedure " + id));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary =
          "Change title, area, owner, review interval or approval rule, with the version last seen (409 if stale)")
  public ProcedureDetail update(@PathParam("id") long id, ProcedureChange change) {
    if (change == null) {
      throw invalid("Send the change as JSON.");
    }
    return procedures.update(id, change);
  }

  @GET
  @Path("/{id}/versions")
  @Operation(
      summary =
          "The versions of a procedure, newest first, with their states and effective date ranges")
  public List<VersionSummary> versions(@PathParam("id") long id) {
    return get(id).versions();
  }

  public record DraftRequest(String changeNote) {}

  @POST
  @Path("/{id}/versions")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary =
          "Open a new draft from the effective version (BPO leads); 409 if a version is already being made")
  @APIResponse(
      responseCode = "201",
      description = "The new draft version; Location names it",
      content = @Content(schema = @Schema(implementation = VersionDetail.class)))
  public Response newDraft(@PathParam("id") long id, DraftRequest request) {
    VersionDetail draft = versions.newDraft(id, request == null ? null : request.changeNote());
    return Response.status(201)
        .entity(draft)
        .header("Location", "/api/v1/procedures/" + id + "/versions/" + draft.version().id())
        .build();
  }

  @GET
  @Path("/{id}/versions/{version}")
  @Operation(
      summary =
          "One version: Markdown, sanitised HTML, attachments and the steps the caller may take")
  public VersionDetail version(@PathParam("id") long id, @PathParam("version") long versionId) {
    return procedures
        .version(id, versionId)
        .orElseThrow(() -> ProblemException.notFound("Version " + versionId));
  }

  @PUT
  @Path("/{id}/versions/{version}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary =
          "Save a draft's Markdown and change note, with the version last seen (409 if stale or not a draft)")
  public VersionDetail editDraft(
      @PathParam("id") long id, @PathParam("version") long versionId, DraftChange change) {
    if (change == null) {
      throw invalid("Send the draft as JSON.");
    }
    return versions.editDraft(id, versionId, change);
  }

  @POST
  @Path("/{id}/versions/{version}/transitions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Take a step (SUBMIT, APPROVE, REJECT, MAKE_EFFECTIVE with effectiveFrom, RETIRE) with the "
              + "version last seen; 403 if not the caller's to take, 409 if not from this state or stale")
  public ProcedureDetail step(
      @PathParam("id") long id, @PathParam("version") long versionId, StepRequest request) {
    return versions.step(id, versionId, request);
  }

  @GET
  @Path("/{id}/effective")
  @Operation(
      summary = "The version in force on a date (?on=YYYY-MM-DD, default today); 404 if none was")
  public VersionSummary effectiveOn(@PathParam("id") long id, @QueryParam("on") String on) {
    QueryParams params = new QueryParams();
    LocalDate date = params.date("on", on).orElse(null);
    params.throwIfInvalid();
    return procedures
        .effectiveOn(id, date)
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "A version in force on " + (date == null ? "today" : date)));
  }

  @GET
  @Path("/{id}/diff")
  @Operation(summary = "A line diff between two versions (?from=versionId&to=versionId)")
  public ProcedureDiff.Result diff(
      @PathParam("id") long id, @QueryParam("from") Long from, @QueryParam("to") Long to) {
    if (from == null || to == null) {
      // another tenant's procedure is not found before the request is found incomplete, as
      // everywhere
      procedures.find(id).orElseThrow(() -> ProblemException.notFound("Procedure " + id));
      throw invalid("Name both versions: ?from=<version id>&to=<version id>.");
    }
    return procedures.diff(id, from, to);
  }

  @POST
  @Path("/{id}/versions/{version}/attachments")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary =
          "Attach a PDF, DOCX or XLSX to a draft (judged by content, no macros, at most 10 MB); "
              + "the file name in X-File-Name")
  @APIResponse(
      responseCode = "201",
      description = "The attachment stored; Location names it",
      content = @Content(schema = @Schema(implementation = VersionDetail.Attachment.class)))
  public Response attach(
      @PathParam("id") long id,
      @PathParam("version") long versionId,
      @HeaderParam("X-File-Name") String fileName,
      InputStream body)
      throws IOException {
    byte[] content = body.readNBytes(ProcedureAttachmentCheck.MAX_BYTES + 1);
    VersionDetail.Attachment attachment = versions.attach(id, versionId, fileName, content);
    return Response.status(201)
        .entity(attachment)
        .header(
            "Location",
            "/api/v1/procedures/"
                + id
                + "/versions/"
                + versionId
                + "/attachments/"
                + attachment.id())
        .build();
  }

  @GET
  @Path("/{id}/versions/{version}/attachments/{attachment}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download an attachment, served as the type its content was checked to be")
  public Response attachment(
      @PathParam("id") long id,
      @PathParam("version") long versionId,
      @PathParam("attachment") long attachmentId) {
    ProcedureService.AttachmentContent file =
        procedures
            .attachment(id, versionId, attachmentId)
            .orElseThrow(() -> ProblemException.notFound("Attachment " + attachmentId));
    return Response.ok(file.content(), file.mediaType())
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + file.fileName().replace("\"", "") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  @GET
  @Path("/{id}/acknowledgements")
  @Operation(
      summary = "Who acknowledged the effective version and when, and which BPO staff have not")
  public ProcedureDetail.Acknowledgements acknowledgements(@PathParam("id") long id) {
    return procedures.acknowledgements(id);
  }

  @POST
  @Path("/{id}/acknowledgements")
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
  @Operation(
      summary =
          "Acknowledge having read the effective version (BPO staff); again keeps the first record")
  @APIResponse(
      responseCode = "201",
      description = "The acknowledgement recorded",
      content = @Content(schema = @Schema(implementation = ProcedureDetail.Acknowledgement.class)))
  public Response acknowledge(@PathParam("id") long id) {
    return Response.status(201).entity(versions.acknowledge(id)).build();
  }

  @POST
  @Path("/{id}/reviews")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary =
          "Record a periodic review: CONFIRMED (the next review moves on) or NEW_DRAFT, with the version last seen")
  public ProcedureDetail review(@PathParam("id") long id, ReviewRequest request) {
    return versions.review(id, request);
  }

  private static ProcessArea area(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return ProcessArea.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      throw new com.bpo.portal.shared.InvalidFields(
          "Unknown process area.",
          List.of(
              new com.bpo.portal.shared.Problem.FieldError(
                  "processArea",
                  "must be one of " + java.util.Arrays.toString(ProcessArea.values()))));
    }
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException("validation", "Invalid request", 400, detail);
  }
}
