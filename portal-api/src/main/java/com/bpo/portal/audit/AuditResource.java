package com.bpo.portal.audit;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.QueryParams;
import com.bpo.portal.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The active tenant's audit trail for the people who answer audits: the BPO's team leads and the
 * client's stakeholders. Read-only; nothing here can change a record.
 */
@Path("/audit")
@Tag(name = "Audit")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.CLIENT_STAKEHOLDER})
public class AuditResource {
  @Inject AuditTrail trail;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The audit trail, newest first, filtered by entity (table), entity id, actor, action "
              + "and dates (from, to; inclusive, tenant time zone), keyset-paginated")
  public Page<AuditRecord> list(
      @QueryParam("entity") String entity,
      @QueryParam("entityId") String entityId,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return trail.list(
        filter(entity, entityId, actor, action, from, to), PageRequest.of(limit, cursor));
  }

  @GET
  @Produces("text/csv; qs=0.5")
  @Operation(
      summary =
          "The filtered audit trail as CSV (Accept: text/csv), streamed; the export is recorded")
  public Response csv(
      @QueryParam("entity") String entity,
      @QueryParam("entityId") String entityId,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    AuditFilter filter = filter(entity, entityId, actor, action, from, to);
    StreamingOutput csv = out -> trail.exportCsv(filter, out);
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"audit-trail.csv\"")
        .build();
  }

  @GET
  @Path("/verification")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Walks the tenant's hash chain and reports whether every sealed record is as it was sealed")
  public AuditChain.Verification verify() {
    return trail.verify();
  }

  private static AuditFilter filter(
      String entity, String entityId, String actor, String action, String from, String to) {
    QueryParams params = new QueryParams();
    var fromDate = params.date("from", from);
    var toDate = params.date("to", to);
    params.throwIfInvalid();
    return new AuditFilter(
        text(entity),
        text(entityId),
        text(actor),
        text(action).map(a -> a.toUpperCase(java.util.Locale.ROOT)),
        fromDate,
        toDate);
  }

  private static Optional<String> text(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }
}
