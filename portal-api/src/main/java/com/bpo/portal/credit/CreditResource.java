package com.bpo.portal.credit;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Credit management for the BPO and the client's stakeholders: profiles, limit requests, reviews,
 * holds and refunds. Customers are refused. Rules in {@link CreditService}; decisions on limit
 * requests and refunds go through {@code /approvals}.
 */
@Path("/credit")
@Tag(name = "Credit")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class CreditResource {
  static final String PAIN_001 = "application/xml";

  @Inject CreditService credit;

  @GET
  @Path("/accounts/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "An account's credit profile: limit, exposure, score, risk class, reviews, hold, flags, history")
  public CreditProfile profile(@PathParam("id") long id) {
    return credit
        .profile(id)
        .orElseThrow(() -> ProblemException.notFound("Customer account " + id));
  }

  @POST
  @Path("/accounts/{id}/reviews")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary =
          "Record the periodic review (risk class, note, profile version); sets the next review date")
  public CreditProfile review(@PathParam("id") long id, CreditService.ReviewRecord review) {
    return credit.review(id, require(review));
  }

  @GET
  @Path("/reviews")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reviews overdue or due within 30 days, soonest first")
  public Page<ReviewDue> reviews(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return credit.reviewsDue(PageRequest.of(limit, cursor));
  }

  @GET
  @Path("/limit-requests")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Limit requests, newest first, by account (customerAccountId) and status")
  public Page<LimitRequest> requests(
      @QueryParam("customerAccountId") Long accountId,
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return credit.requests(
        Optional.ofNullable(accountId), parse(status), PageRequest.of(limit, cursor));
  }

  @POST
  @Path("/limit-requests")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Ask for a new limit with a reason; 201, approved per the tenant's authority matrix")
  @APIResponse(
      responseCode = "201",
      description = "The limit request; Location names it",
      content = @Content(schema = @Schema(implementation = LimitRequest.class)))
  public Response raise(CreditService.NewLimitRequest request) {
    LimitRequest raised = credit.raise(require(request));
    return Response.status(201)
        .entity(raised)
        .header("Location", "/api/v1/credit/limit-requests/" + raised.id())
        .build();
  }

  @GET
  @Path("/limit-requests/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One limit request")
  public LimitRequest request(@PathParam("id") long id) {
    return credit.request(id).orElseThrow(() -> ProblemException.notFound("Limit request " + id));
  }

  @POST
  @Path("/holds")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
  @Operation(summary = "Put an account on hold with a reason; 409 if it is on hold already")
  @APIResponse(
      responseCode = "201",
      description = "The hold set; Location names it",
      content = @Content(schema = @Schema(implementation = CreditProfile.Hold.class)))
  public Response hold(CreditService.HoldChange change) {
    CreditProfile.Hold hold = credit.setHold(require(change));
    return Response.status(201)
        .entity(hold)
        .header("Location", "/api/v1/credit/holds/" + hold.id())
        .build();
  }

  @POST
  @Path("/holds/{id}/release")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
  @Operation(summary = "Release a hold with a reason and the version last seen; 204")
  public Response release(@PathParam("id") long id, CreditService.HoldChange change) {
    credit.releaseHold(id, require(change));
    return Response.noContent().build();
  }

  @GET
  @Path("/refunds")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Refunds, newest first, optionally for one account")
  public Page<Refund> refunds(
      @QueryParam("customerAccountId") Long accountId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return credit.refunds(Optional.ofNullable(accountId), PageRequest.of(limit, cursor));
  }

  @POST
  @Path("/refunds")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
  @Operation(
      summary =
          "Ask to refund unapplied credit to an IBAN (mod-97 checked), with a reason; 201, four eyes")
  @APIResponse(
      responseCode = "201",
      description = "The refund asked for; Location names it",
      content = @Content(schema = @Schema(implementation = Refund.class)))
  public Response requestRefund(CreditService.NewRefund refund) {
    Refund asked = credit.requestRefund(require(refund));
    return Response.status(201)
        .entity(asked)
        .header("Location", "/api/v1/credit/refunds/" + asked.id())
        .build();
  }

  @GET
  @Path("/refunds/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One refund")
  public Refund refund(@PathParam("id") long id) {
    return credit.refund(id).orElseThrow(() -> ProblemException.notFound("Refund " + id));
  }

  @GET
  @Path("/refunds/{id}/pain001")
  @Produces({PAIN_001, MediaType.APPLICATION_JSON})
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
  @Operation(
      summary =
          "An approved refund as an ISO 20022 pain.001.001.03 credit transfer file; 409 until approved")
  public Response creditTransfer(@PathParam("id") long id) {
    String xml = credit.creditTransferFile(id);
    return Response.ok(xml, PAIN_001)
        .header("Content-Disposition", "attachment; filename=\"refund-" + id + "-pain001.xml\"")
        .build();
  }

  @GET
  @Path("/settings")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The client's bank account that refunds are paid from")
  public CreditService.Settings settings() {
    return credit.settings();
  }

  @PUT
  @Path("/settings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(summary = "Record the client's bank account (name, IBAN, optional BIC)")
  public CreditService.Settings saveSettings(CreditService.Settings settings) {
    return credit.saveSettings(require(settings));
  }

  private static <T> T require(T body) {
    if (body == null) {
      throw new ProblemException("validation", "Invalid request", 400, "Send the request as JSON.");
    }
    return body;
  }

  private static Optional<LimitRequestStatus> parse(String status) {
    if (status == null || status.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LimitRequestStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new InvalidFields(
          "Unknown status.",
          List.of(
              new FieldError("status", "must be one of " + List.of(LimitRequestStatus.values()))));
    }
  }
}
