package com.bpo.portal.close;

import com.bpo.portal.shared.CreatedId;
import com.bpo.portal.shared.Decimals;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.Roles;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Month-end close: packs, their workflow, the ledger reconciliation and provisions. Customers have
 * no part.
 */
@Path("/close")
@Tag(name = "Close")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
@Produces(MediaType.APPLICATION_JSON)
public class CloseResource {
  private static final Set<String> ITEM_KINDS = Set.of("UNAPPLIED_CASH", "TIMING", "OTHER");

  @Inject CloseService close;
  @Inject CloseExport export;

  public record MonthStatus(
      String period, CloseStatus status, long version, String publishedBy, String signedOffBy) {}

  public record Versioned(Long version) {}

  public record LedgerBalance(String currency, String amount) {}

  public record NewItem(String currency, String kind, String amount, String explanation) {}

  public record NewComment(String body) {}

  public record PolicyChange(Map<ProvisionBucket, String> rates, Boolean excludeDisputed) {}

  public record NewSpecificProvision(Long customerId, String amount, String reason) {}

  public record Decision(Boolean approve, Long version) {}

  @GET
  @Operation(
      summary =
          "The latest months with a close and where each stands (stakeholders: published ones)")
  public List<MonthStatus> months() {
    return close.recent().stream()
        .map(
            r ->
                new MonthStatus(
                    r.period(), r.status(), r.version(), r.publishedBy(), r.signedOffBy()))
        .toList();
  }

  @GET
  @Path("/{period}")
  @Operation(
      summary =
          "A month's close pack: roll-forward, aging at the month end, provisions, reconciliation")
  public ClosePack pack(@PathParam("period") String period) {
    return close.pack(period);
  }

  @GET
  @Path("/{period}/pdf")
  @Produces("application/pdf")
  @Operation(summary = "The close pack as a PDF in the tenant's language")
  public Response pdf(@PathParam("period") String period) {
    ClosePack pack = close.pack(period);
    return Response.ok(export.pdf(pack), "application/pdf")
        .header("Content-Disposition", "inline; filename=\"close-" + pack.period() + ".pdf\"")
        .build();
  }

  @GET
  @Path("/{period}/xlsx")
  @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  @Operation(summary = "The close pack as a workbook")
  public Response xlsx(@PathParam("period") String period) {
    ClosePack pack = close.pack(period);
    return Response.ok(
            export.xlsx(pack), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("Content-Disposition", "attachment; filename=\"close-" + pack.period() + ".xlsx\"")
        .build();
  }

  @POST
  @Path("/{period}/prepare")
  @Operation(summary = "Compute the month's draft again (BPO leads)")
  public ClosePack prepare(@PathParam("period") String period) {
    return close.prepare(period);
  }

  @POST
  @Path("/{period}/publish")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Publish the pack to the client, its figures frozen (BPO leads; the reconciliation explained)")
  public ClosePack publish(@PathParam("period") String period, Versioned body) {
    return close.publish(period, body == null ? null : body.version());
  }

  @POST
  @Path("/{period}/withdraw")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Take a published pack back to draft (BPO leads)")
  public ClosePack withdraw(@PathParam("period") String period, Versioned body) {
    return close.withdraw(period, body == null ? null : body.version());
  }

  @POST
  @Path("/{period}/sign-off")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sign the month off (client stakeholders): the month is then final")
  public ClosePack signOff(@PathParam("period") String period, Versioned body) {
    return close.signOff(period, body == null ? null : body.version());
  }

  @GET
  @Path("/{period}/comments")
  @Operation(summary = "Comments on a month's close")
  public List<CloseQueries.Comment> comments(@PathParam("period") String period) {
    return close.comments(period);
  }

  @POST
  @Path("/{period}/comments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Comment on a published close (BPO leads, client stakeholders)")
  public List<CloseQueries.Comment> comment(@PathParam("period") String period, NewComment body) {
    return close.comment(period, body == null ? null : body.body());
  }

  @PUT
  @Path("/{period}/ledger")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Enter the client's general-ledger balance of receivables for a month and currency (BPO leads)")
  public ClosePack ledger(@PathParam("period") String period, LedgerBalance body) {
    List<FieldError> errors = new ArrayList<>();
    String currency = currency(body == null ? null : body.currency(), errors);
    BigDecimal amount = amount("amount", body == null ? null : body.amount(), errors);
    throwIf(errors);
    close.enterLedgerBalance(period, currency, amount);
    return close.pack(period);
  }

  @POST
  @Path("/{period}/reconciling-items")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add an item that explains part of the difference to the ledger (BPO leads)")
  @APIResponse(
      responseCode = "201",
      description = "The id of what was added",
      content = @Content(schema = @Schema(implementation = CreatedId.class)))
  public Response addItem(@PathParam("period") String period, NewItem body) {
    List<FieldError> errors = new ArrayList<>();
    String currency = currency(body == null ? null : body.currency(), errors);
    String kind = body == null ? null : body.kind();
    if (kind == null || !ITEM_KINDS.contains(kind)) {
      errors.add(new FieldError("kind", "must be one of " + ITEM_KINDS));
    }
    BigDecimal amount = amount("amount", body == null ? null : body.amount(), errors);
    String explanation =
        body == null || body.explanation() == null ? "" : body.explanation().strip();
    if (explanation.isEmpty() || explanation.length() > 2000) {
      errors.add(new FieldError("explanation", "must have 1 to 2000 characters"));
    }
    throwIf(errors);
    long id = close.addReconcilingItem(period, currency, kind, amount, explanation);
    return Response.status(201).entity(new CreatedId(id)).build();
  }

  @DELETE
  @Path("/{period}/reconciling-items/{id}")
  @Operation(summary = "Remove a reconciling item (BPO leads, while the close is a draft)")
  public Response removeItem(@PathParam("period") String period, @PathParam("id") long id) {
    close.removeReconcilingItem(period, id);
    return Response.noContent().build();
  }

  @GET
  @Path("/provision-policy")
  @Operation(summary = "The provision policy in force: a rate per aging bucket")
  public ProvisionPolicy policy() {
    return close.policy();
  }

  @PUT
  @Path("/provision-policy")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A new version of the provision policy, in force from this month (BPO leads)")
  public ProvisionPolicy changePolicy(PolicyChange body) {
    List<FieldError> errors = new ArrayList<>();
    Map<ProvisionBucket, BigDecimal> rates = new EnumMap<>(ProvisionBucket.class);
    for (ProvisionBucket b : ProvisionBucket.values()) {
      String text = body == null || body.rates() == null ? null : body.rates().get(b);
      BigDecimal rate = amount("rates." + b.name(), text, errors);
      if (rate != null) {
        rates.put(b, rate);
      }
    }
    throwIf(errors);
    return close.changePolicy(rates, body.excludeDisputed() == null || body.excludeDisputed());
  }

  @GET
  @Path("/specific-provisions")
  @Operation(summary = "Specific provisions on named accounts, newest first")
  public List<CloseQueries.Specific> specificProvisions() {
    return close.specificProvisions();
  }

  @POST
  @Path("/specific-provisions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Propose a specific provision on an account (BPO leads); a second person decides it")
  @APIResponse(
      responseCode = "201",
      description = "The id of what was added",
      content = @Content(schema = @Schema(implementation = CreatedId.class)))
  public Response propose(NewSpecificProvision body) {
    List<FieldError> errors = new ArrayList<>();
    if (body == null || body.customerId() == null) {
      errors.add(new FieldError("customerId", "is required"));
    }
    BigDecimal amount = amount("amount", body == null ? null : body.amount(), errors);
    if (amount != null && amount.signum() <= 0) {
      errors.add(new FieldError("amount", "must be more than zero"));
    }
    String reason = body == null || body.reason() == null ? "" : body.reason().strip();
    if (reason.isEmpty() || reason.length() > 2000) {
      errors.add(new FieldError("reason", "must have 1 to 2000 characters"));
    }
    throwIf(errors);
    long id = close.proposeSpecificProvision(body.customerId(), amount, reason);
    return Response.status(201).entity(new CreatedId(id)).build();
  }

  @POST
  @Path("/specific-provisions/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Approve or refuse a proposed specific provision (a lead or stakeholder other than its maker)")
  public Response decide(@PathParam("id") long id, Decision body) {
    if (body == null || body.approve() == null) {
      throw new InvalidFields(
          "The decision is missing.", List.of(new FieldError("approve", "is required")));
    }
    close.decideSpecificProvision(id, body.approve(), body.version());
    return Response.noContent().build();
  }

  // ---------------------------------------------------------------- input

  private static String currency(String text, List<FieldError> errors) {
    if (text == null || !text.matches("[A-Z]{3}")) {
      errors.add(new FieldError("currency", "must be an ISO 4217 code like EUR"));
      return null;
    }
    return text;
  }

  /** A decimal of at most 15 integer digits and 4 decimals, read by {@link Decimals}. */
  static BigDecimal amount(String field, String text, List<FieldError> errors) {
    try {
      return Decimals.parse(text, 15, 4);
    } catch (Decimals.Invalid e) {
      errors.add(
          new FieldError(
              field,
              "must be a decimal like 1234.50 (at most 15 digits before the point, 4 after)"));
      return null;
    }
  }

  private static void throwIf(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidFields("Some fields are invalid.", errors);
    }
  }
}
