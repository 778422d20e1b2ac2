package com.bpo.portal.invoice;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER, Roles.CUSTOMER})
public class CustomerAccountResource {
  @Inject CustomerAccountService accounts;

  @GET
  @Operation(summary = "Customer accounts of the active tenant, by number; a customer sees only their own")
  public Page<CustomerAccountSummary> list(
      @QueryParam("q") String text, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return accounts.list(Optional.ofNullable(text), PageRequest.of(limit, cursor));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One customer account; 404 for an id outside the caller's tenant or account")
  public CustomerAccountSummary get(@PathParam("id") long id) {
    return accounts.find(id).orElseThrow(() -> ProblemException.notFound("Customer account " + id));
  }
}
