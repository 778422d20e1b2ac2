package com.bpo.portal.collection;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.QueryParams;
import com.bpo.portal.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Dunning notices: the reminders a customer was sent, or any account's notices for the BPO. */
@Path("/collections/notices")
@Tag(name = "Notices")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CUSTOMER})
public class NoticeResource {
  @Inject DunningService dunning;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Notices: a customer's reminders (sent to their "
              + "account), or an account's notices for the BPO (?account=)")
  public Page<Notice> notices(
      @QueryParam("account") String account,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    QueryParams params = new QueryParams();
    var id = params.id("account", account);
    params.throwIfInvalid();
    return dunning.notices(id, PageRequest.of(limit, cursor));
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One notice with its invoices")
  public Notice notice(@PathParam("id") long id) {
    return dunning.notice(id).orElseThrow(() -> ProblemException.notFound("Notice " + id));
  }

  @GET
  @Path("/{id}/pdf")
  @Produces("application/pdf")
  @Operation(summary = "The notice's letter as PDF")
  public Response letter(@PathParam("id") long id) {
    byte[] pdf = dunning.letter(id).orElseThrow(() -> ProblemException.notFound("Notice " + id));
    return Response.ok(pdf, "application/pdf")
        .header("Content-Disposition", "inline; filename=\"notice-" + id + ".pdf\"")
        .build();
  }
}
