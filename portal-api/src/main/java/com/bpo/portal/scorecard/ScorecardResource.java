package com.bpo.portal.scorecard;

import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The monthly scorecards and their workflow. Customers have no part in them. */
@Path("/scorecards")
@Tag(name = "Scorecards")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class ScorecardResource {
  @Inject ScorecardService scorecards;
  @Inject ScorecardExport export;
  @Inject TenantContext context;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The scorecard of a month (default: last month); a preview computed now if none is stored")
  public Scorecard get(@QueryParam("period") String period) {
    return scorecards.scorecard(periodOrLast(period));
  }

  @GET
  @Produces("text/csv; qs=0.5")
  @Operation(summary = "The scorecard of a month as CSV (Accept: text/csv)")
  public Response csv(@QueryParam("period") String period) {
    Scorecard card = scorecards.scorecard(periodOrLast(period));
    return Response.ok(export.csv(card), "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition", "attachment; filename=\"scorecard-" + card.period() + ".csv\"")
        .build();
  }

  @GET
  @Path("/{period}/pdf")
  @Produces("application/pdf")
  @Operation(summary = "The scorecard of a month as a PDF in the tenant's language")
  public Response pdf(@PathParam("period") String period) {
    Scorecard card = scorecards.scorecard(period);
    return Response.ok(export.pdf(card), "application/pdf")
        .header("Content-Disposition", "inline; filename=\"scorecard-" + card.period() + ".pdf\"")
        .build();
  }

  @POST
  @Path("/{period}/compute")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Compute and store the month as a draft (BPO leads); 409 once published")
  public Scorecard compute(@PathParam("period") String period) {
    return scorecards.compute(period);
  }

  public record Versioned(Long version) {}

  @POST
  @Path("/{period}/publish")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Publish the draft to the client (BPO leads), with the version last seen")
  public Scorecard publish(@PathParam("period") String period, Versioned body) {
    return scorecards.publish(period, body == null ? null : body.version());
  }

  @POST
  @Path("/{period}/sign-off")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Sign the month off (client stakeholders): locks it and books its service credits")
  public Scorecard signOff(@PathParam("period") String period, Versioned body) {
    return scorecards.signOff(period, body == null ? null : body.version());
  }

  public record Value(String value, String evidence) {}

  @PUT
  @Path("/{period}/kpis/{code}/value")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Enter a manual KPI's value with its evidence (BPO leads, drafts only)")
  public Scorecard enter(
      @PathParam("period") String period, @PathParam("code") String code, Value body) {
    if (body == null) {
      throw new ProblemException(
          "validation", "Invalid request", 400, "Send {value, evidence} as JSON.");
    }
    return scorecards.enterValue(period, code, body.value(), body.evidence());
  }

  @PUT
  @Path("/{period}/kpis/{code}/evidence-file")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Attach the evidence file of a manual KPI (BPO leads, drafts only): PDF, PNG or JPEG, judged by content")
  public Scorecard attach(
      @PathParam("period") String period,
      @PathParam("code") String code,
      @jakarta.ws.rs.HeaderParam("X-File-Name") String fileName,
      java.io.InputStream body)
      throws java.io.IOException {
    byte[] content = body.readNBytes(com.bpo.portal.shared.AttachmentCheck.MAX_BYTES + 1);
    return scorecards.attachEvidence(period, code, fileName, content);
  }

  @GET
  @Path("/{period}/kpis/{code}/evidence-file")
  @Operation(summary = "Download a manual KPI's evidence file")
  public Response evidence(@PathParam("period") String period, @PathParam("code") String code) {
    ScorecardService.EvidenceFile file =
        scorecards
            .evidence(period, code)
            .orElseThrow(() -> ProblemException.notFound("Evidence of " + code + " in " + period));
    return Response.ok(file.content(), file.mediaType())
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + file.fileName().replace("\"", "") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  public record Text(String body) {}

  @POST
  @Path("/{period}/comments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Comment on the whole scorecard")
  public Scorecard comment(@PathParam("period") String period, Text body) {
    return scorecards.comment(period, null, body == null ? null : body.body());
  }

  @POST
  @Path("/{period}/kpis/{code}/comments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Comment on one KPI")
  public Scorecard commentKpi(
      @PathParam("period") String period, @PathParam("code") String code, Text body) {
    return scorecards.comment(period, code, body == null ? null : body.body());
  }

  @POST
  @Path("/{period}/kpis/{code}/dispute")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Dispute one KPI of a published scorecard (client stakeholders)")
  public Scorecard dispute(
      @PathParam("period") String period, @PathParam("code") String code, Text body) {
    return scorecards.disputeKpi(period, code, body == null ? null : body.body());
  }

  @POST
  @Path("/{period}/kpis/{code}/answer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Answer a disputed KPI (BPO leads)")
  public Scorecard answer(
      @PathParam("period") String period, @PathParam("code") String code, Text body) {
    return scorecards.answer(period, code, body == null ? null : body.body());
  }

  @GET
  @Path("/credits")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Service credits of signed-off months from a month on (default: the last 12 months)")
  public List<Map<String, Object>> credits(@QueryParam("from") String from) {
    return scorecards.credits(
        from == null ? YearMonth.from(context.today()).minusMonths(12).toString() : from);
  }

  private String periodOrLast(String period) {
    return period == null || period.isBlank()
        ? YearMonth.from(context.today()).minusMonths(1).toString()
        : period;
  }
}
