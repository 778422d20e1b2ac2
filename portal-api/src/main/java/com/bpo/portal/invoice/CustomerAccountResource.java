package com.bpo.portal.invoice;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.QueryParams;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/customers")
@Tag(name = "Customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER, Roles.CUSTOMER})
public class CustomerAccountResource {
  @Inject CustomerAccountService accounts;
  @Inject StatementService statements;
  @Inject TenantContext context;

  @GET
  @Operation(
      summary = "Customer accounts of the active tenant, by number; a customer sees only their own")
  public Page<CustomerAccountSummary> list(
      @QueryParam("q") String text,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return accounts.list(Optional.ofNullable(text), PageRequest.of(limit, cursor));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One customer account; 404 for an id outside the caller's tenant or account")
  public CustomerAccountSummary get(@PathParam("id") long id) {
    return accounts.find(id).orElseThrow(() -> ProblemException.notFound("Customer account " + id));
  }

  @GET
  @Path("/{id}/contacts")
  @Operation(
      summary = "The account's contacts, primary first; 404 outside the caller's tenant or account")
  public java.util.List<CustomerContact> contacts(@PathParam("id") long id) {
    accounts.find(id).orElseThrow(() -> ProblemException.notFound("Customer account " + id));
    return accounts.contacts(id);
  }

  @jakarta.ws.rs.POST
  @Path("/{id}/contacts")
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
  @Operation(summary = "Add a contact to the account (BPO staff); 201 with the contact")
  @APIResponse(
      responseCode = "201",
      description = "The contact added",
      content = @Content(schema = @Schema(implementation = CustomerContact.class)))
  public jakarta.ws.rs.core.Response addContact(
      @PathParam("id") long id, CustomerContact.New contact) {
    if (contact == null) {
      throw new ProblemException("validation", "Invalid request", 400, "Send the contact as JSON.");
    }
    return jakarta.ws.rs.core.Response.status(201).entity(accounts.addContact(id, contact)).build();
  }

  @GET
  @Path("/{id}/statement")
  @Operation(
      summary =
          "Statement of account: opening balance, invoices, payments and credit notes with the running "
              + "balance, closing balance; from/to default to the last 90 days")
  public Statement statement(
      @PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
    QueryParams params = new QueryParams();
    LocalDate end = params.date("to", to).orElseGet(context::today);
    LocalDate start = params.date("from", from).orElse(end.minusDays(89));
    params.throwIfInvalid();
    return statements
        .statement(id, start, end)
        .orElseThrow(() -> ProblemException.notFound("Customer account " + id));
  }
}
