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
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/imports")
@Tag(name = "Imports")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
public class ImportResource {
  @Inject Imports imports;
  @Inject ImportRuns runs;

  @POST
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Import invoices with lines, customer accounts or payments applied to invoices from CSV "
              + "(kind=invoices|customers|payments, docs/IMPORT.md): all rows or none; 201 applied, "
              + "422 rejected with every row's errors")
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
    ImportReport report = imports.importFile(importKind, body, fileName);
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
