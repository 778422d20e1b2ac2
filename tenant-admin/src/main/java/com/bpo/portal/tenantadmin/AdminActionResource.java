package com.bpo.portal.tenantadmin;

import com.bpo.portal.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What platform admins did, most recent first, for platform admins. */
@Path("/admin/actions")
@Tag(name = "Admin actions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class AdminActionResource {
  @Inject AdminAudit audit;

  public record ActionPage(List<AdminAudit.Entry> items, String next) {}

  @GET
  @Operation(summary = "Administrative actions, newest first; filter by tenant; keyset cursor")
  public ActionPage list(
      @QueryParam("tenant") String tenant,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit) {
    int size = limit == null ? 50 : Math.max(1, (int) Math.min(500, parse(limit)));
    Long before = cursor == null || cursor.isBlank() ? null : parse(cursor);
    List<AdminAudit.Entry> items = audit.recent(before, tenant, size);
    return new ActionPage(
        items, items.size() == size ? String.valueOf(items.get(items.size() - 1).id()) : null);
  }

  private static long parse(String number) {
    try {
      return Long.parseLong(number);
    } catch (NumberFormatException e) {
      throw new com.bpo.portal.shared.ProblemException(
          "validation", "Invalid request", 400, "'" + number + "' is not a number.");
    }
  }
}
