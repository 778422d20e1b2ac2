package com.bpo.portal.invoice;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/invoices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER, Roles.CUSTOMER})
public class InvoiceResource {
  @Inject InvoiceService invoices;

  @GET
  @Operation(summary = "Invoices of the active tenant, filtered, sorted and keyset-paginated; a customer sees their own")
  public Page<InvoiceSummary> list(
      @Parameter(description = "statuses, comma-separated: OPEN, PARTIALLY_PAID, PAID, DISPUTED, CREDITED, WRITTEN_OFF")
      @QueryParam("status") String status,
      @QueryParam("customer") String customer,
      @Parameter(description = "ISO date") @QueryParam("dueFrom") String dueFrom,
      @Parameter(description = "ISO date") @QueryParam("dueTo") String dueTo,
      @Parameter(description = "on the invoice total") @QueryParam("minAmount") String minAmount,
      @QueryParam("maxAmount") String maxAmount,
      @QueryParam("overdue") boolean overdue,
      @Parameter(description = "invoice number prefix or part of the customer's name") @QueryParam("q") String text,
      @Parameter(description = "dueDate, issueDate, number or total; '-' in front for descending")
      @QueryParam("sort") String sort,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    QueryParams params = new QueryParams();
    InvoiceFilter filter = new InvoiceFilter(
        params.enums("status", status, InvoiceStatus.class),
        params.id("customer", customer),
        params.date("dueFrom", dueFrom), params.date("dueTo", dueTo),
        params.decimal("minAmount", minAmount), params.decimal("maxAmount", maxAmount),
        overdue, java.util.Optional.empty()).withText(text);
    params.throwIfInvalid();
    return invoices.list(filter, InvoiceSort.parse(sort), PageRequest.of(limit, cursor));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One invoice with lines, payments and credit notes; 404 outside the caller's tenant or account")
  public InvoiceDetail get(@PathParam("id") long id) {
    return invoices.find(id).orElseThrow(() -> ProblemException.notFound("Invoice " + id));
  }

}
