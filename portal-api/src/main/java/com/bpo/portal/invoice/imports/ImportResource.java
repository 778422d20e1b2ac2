package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/imports")
@Tag(name = "Imports")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
public class ImportResource {
  @Inject Imports imports;
  @Inject ImportRuns runs;
  @Inject IdempotencyKeys keys;

  @POST
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Import invoices with lines, customer accounts or payments applied to invoices from CSV "
              + "(kind=invoices|customers|payments, docs/IMPORT.md): all rows or none; 201 applied, "
              + "422 rejected with every row's errors")
  @APIResponse(
      responseCode = "201",
      description = "The import's report: counts created, updated, unchanged and refused",
      content = @Content(schema = @Schema(implementation = ImportReport.class)))
  public Response upload(
      @QueryParam("kind") @DefaultValue("invoices") String kind,
      @HeaderParam("X-File-Name") String fileName,
      InputStream body)
      throws IOException {
    ImportKind importKind =
        ImportKind.ofParameter(kind)
            .orElseThrow(
                () ->
                    new ProblemException(
                        "validation",
                        "Invalid request",
                        400,
                        "kind must be one of "
                            + Arrays.stream(ImportKind.values()).map(ImportKind::parameter).toList()
                            + "."));
    return answer(imports.importFile(importKind, body, fileName));
  }

  @POST
  @Path("/{kind}")
  @Consumes({"application/x-ndjson", "application/jsonl", "application/json-lines"})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Import from a connector: JSON lines (one object per row, the CSV's columns as members) "
              + "of invoices, customers or payments, synced by the client's numbers "
              + "(docs/IMPORT.md); all rows or none. With an Idempotency-Key, the same key and "
              + "body again answers the first result, and the same key with another body is 422")
  @APIResponse(
      responseCode = "201",
      description = "The import's report: counts created, updated, unchanged and refused",
      content = @Content(schema = @Schema(implementation = ImportReport.class)))
  public Response bulk(
      @PathParam("kind") String kind,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @HeaderParam("X-File-Name") String fileName,
      InputStream body)
      throws IOException {
    ImportKind importKind =
        ImportKind.ofParameter(kind).orElseThrow(() -> ProblemException.notFound("Import kind"));
    if (idempotencyKey == null) {
      return answer(imports.importFile(importKind, ImportFormat.JSON_LINES, body, fileName));
    }
    if (idempotencyKey.isBlank()
        || idempotencyKey.length() > 200
        || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new ProblemException(
          "validation",
          "Invalid request",
          400,
          "Idempotency-Key must be 1 to 200 visible ASCII characters.");
    }
    java.nio.file.Path spooled = Files.createTempFile("import-", ".jsonl");
    try {
      // spooled to disk (memory stays flat) so that the body is known before anything is imported
      String sha256 = Spool.copy(body, spooled);
      IdempotencyKeys.Claim claim = keys.claim(idempotencyKey, importKind, sha256);
      switch (claim.state()) {
        case REUSED ->
            throw new ProblemException(
                "idempotency-key-reused",
                "Idempotency key reused",
                422,
                "This Idempotency-Key was used in the last "
                    + IdempotencyKeys.HOURS
                    + " hours for another upload (another kind or body); use a new key.");
        case RUNNING ->
            throw new ProblemException(
                "idempotency-key-in-progress",
                "Upload in progress",
                409,
                "An upload with this Idempotency-Key is still running; ask again later.");
        case REPLAY -> {
          ImportReport first =
              runs.find(claim.runId())
                  .orElseThrow(() -> new IllegalStateException("run " + claim.runId()));
          return Response.fromResponse(answer(first)).header("Idempotent-Replayed", "true").build();
        }
        case NEW -> {
          ImportReport report;
          try (InputStream in = Files.newInputStream(spooled)) {
            report = imports.importFile(importKind, ImportFormat.JSON_LINES, in, fileName);
          } catch (IOException | RuntimeException e) {
            keys.release(idempotencyKey);
            throw e;
          }
          keys.answered(idempotencyKey, report.id());
          return answer(report);
        }
        default -> throw new IllegalStateException(claim.state().name());
      }
    } finally {
      Files.deleteIfExists(spooled);
    }
  }

  /**
   * 201 with the report, or 422 with every row's errors: the same for a first answer or a replay.
   */
  private static Response answer(ImportReport report) {
    if (report.outcome() == ImportReport.Outcome.REJECTED) {
      Problem problem =
          new Problem(
              "https://portal.example/problems/import-rejected",
              "Import rejected",
              422,
              report.errorCount()
                  + " error(s) in "
                  + report.rows()
                  + " row(s); nothing was imported. "
                  + "Report: /api/v1/imports/"
                  + report.id()
                  + "/errors",
              report.errors());
      return Response.status(422)
          .type(Problem.MEDIA_TYPE)
          .entity(problem)
          .header("Location", "/api/v1/imports/" + report.id())
          .build();
    }
    return Response.status(201)
        .type(MediaType.APPLICATION_JSON)
        .entity(report)
        .header("Location", "/api/v1/imports/" + report.id())
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The latest uploads of the active tenant")
  public List<ImportReport> recent(@QueryParam("limit") @DefaultValue("50") int limit) {
    return runs.recent(Math.max(1, Math.min(limit, 500)));
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public ImportReport get(@PathParam("id") long id) {
    return runs.find(id).orElseThrow(() -> ProblemException.notFound("Import " + id));
  }

  @GET
  @Path("/{id}/errors")
  @Produces("text/csv")
  @Operation(summary = "The per-row error report of an upload, as CSV")
  public Response errors(@PathParam("id") long id) {
    ImportReport report =
        runs.find(id).orElseThrow(() -> ProblemException.notFound("Import " + id));
    StreamingOutput csv = out -> ErrorReportCsv.write(report, out);
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + ErrorReportCsv.fileName(report) + "\"")
        .build();
  }
}
