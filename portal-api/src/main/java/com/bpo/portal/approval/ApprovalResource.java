package com.bpo.portal.approval;

import com.bpo.portal.approval.AuthorityMatrix.Band;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The approvals inbox, decisions, and the tenant's authority matrix. Rules in {@link Approvals}.
 */
@Path("/approvals")
@Tag(name = "Approvals")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class ApprovalResource {
  @Inject Approvals approvals;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The caller's inbox: pending approvals they may decide; with mine=true, what they asked for")
  public Page<ApprovalSummary> list(
      @QueryParam("mine") boolean mine,
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return approvals.inbox(
        mine, parse(ApprovalStatus.class, "status", status), PageRequest.of(limit, cursor));
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One approval with its decisions and whether the caller may decide")
  public ApprovalDetail get(@PathParam("id") long id) {
    return approvals.find(id).orElseThrow(() -> ProblemException.notFound("Approval " + id));
  }

  public record Decision(Long version, String note) {}

  @POST
  @Path("/{id}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.CLIENT_STAKEHOLDER})
  @Operation(
      summary =
          "Approve with the version last seen; 403 for the maker or without the authority, 409 if decided")
  public ApprovalDetail approve(@PathParam("id") long id, Decision decision) {
    return approvals.approve(
        id,
        decision == null ? null : decision.version(),
        decision == null ? null : decision.note());
  }

  @POST
  @Path("/{id}/refuse")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.CLIENT_STAKEHOLDER})
  @Operation(summary = "Refuse with a note and the version last seen; the change is not made")
  public ApprovalDetail refuse(@PathParam("id") long id, Decision decision) {
    return approvals.refuse(
        id,
        decision == null ? null : decision.version(),
        decision == null ? null : decision.note());
  }

  public record MatrixBand(
      @JsonbTypeAdapter(Money.DecimalString.class) BigDecimal upTo,
      int approvers,
      List<String> roles) {}

  @GET
  @Path("/matrix")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The authority matrix for a kind (kind=WRITE_OFF, CREDIT_LIMIT, ...): bands lowest first")
  public List<MatrixBand> matrix(@QueryParam("kind") String kind) {
    ApprovalKind k =
        parse(ApprovalKind.class, "kind", kind).orElseThrow(() -> invalid("kind", "is required"));
    return approvals.matrix(k).bands().stream()
        .map(b -> new MatrixBand(b.upTo(), b.approvers(), b.roles().stream().sorted().toList()))
        .toList();
  }

  @PUT
  @Path("/matrix")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(summary = "Replace the authority matrix for a kind; the last band has no upTo")
  public List<MatrixBand> saveMatrix(@QueryParam("kind") String kind, List<MatrixBand> bands) {
    ApprovalKind k =
        parse(ApprovalKind.class, "kind", kind).orElseThrow(() -> invalid("kind", "is required"));
    if (bands == null) {
      throw invalid("bands", "send the bands as a JSON array");
    }
    List<Band> parsed = new ArrayList<>();
    try {
      for (MatrixBand b : bands) {
        for (String role : b.roles() == null ? List.<String>of() : b.roles()) {
          if (!Set.of(Roles.BPO_LEAD, Roles.CLIENT_STAKEHOLDER).contains(role)) {
            throw invalid(
                "roles",
                "only " + Roles.BPO_LEAD + " and " + Roles.CLIENT_STAKEHOLDER + " approve");
          }
        }
        parsed.add(
            new Band(
                b.upTo(), b.approvers(), Set.copyOf(b.roles() == null ? List.of() : b.roles())));
      }
      approvals.saveMatrix(new AuthorityMatrix(k, parsed));
    } catch (IllegalArgumentException e) {
      throw invalid("bands", e.getMessage());
    }
    return matrix(kind);
  }

  private static InvalidFields invalid(String field, String message) {
    return new InvalidFields(
        "The request cannot be taken as it is.", List.of(new FieldError(field, message)));
  }

  private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String field, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw invalid(field, "must be one of " + List.of(type.getEnumConstants()));
    }
  }
}
