package com.bpo.portal.invoice;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/invoices")
@Tag(name = "Invoices")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER, Roles.CUSTOMER})
public class InvoiceResource {
  @Inject InvoiceService invoices;
  @Inject InvoiceExport export;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Invoices of the active tenant, filtered, sorted and keyset-paginated; a customer sees their own")
  public Page<InvoiceSummary> list(
      @BeanParam InvoiceQuery query,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return invoices.list(query.filter(), query.sort(), PageRequest.of(limit, cursor));
  }

  @GET
  @Produces("text/csv; qs=0.5") // JSON stays the answer to Accept: */*
  @Operation(summary = "Every invoice of the filter as CSV (Accept: text/csv), streamed")
  public Response export(@BeanParam InvoiceQuery query) {
    InvoiceFilter filter = query.filter();
    InvoiceSort sort = query.sort();
    StreamingOutput csv = out -> export.csv(filter, sort, out);
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"invoices.csv\"")
        .build();
  }

  @GET
  @Produces(InvoiceExport.XLSX + "; qs=0.5")
  @Operation(
      summary =
          "Every invoice of the filter as a spreadsheet (Accept: the XLSX media type), streamed")
  public Response exportXlsx(@BeanParam InvoiceQuery query) {
    InvoiceFilter filter = query.filter();
    InvoiceSort sort = query.sort();
    StreamingOutput xlsx = out -> export.xlsx(filter, sort, out);
    return Response.ok(xlsx, InvoiceExport.XLSX)
        .header("Content-Disposition", "attachment; filename=\"invoices.xlsx\"")
        .build();
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "One invoice with lines, payments and credit notes; 404 outside the caller's tenant or account")
  public InvoiceDetail get(@PathParam("id") long id) {
    return invoices.find(id).orElseThrow(() -> ProblemException.notFound("Invoice " + id));
  }

  @GET
  @Path("/{id}/pdf")
  @Produces("application/pdf")
  @Operation(
      summary =
          "The invoice as a PDF in the tenant's language; 404 outside the caller's tenant or account")
  public Response pdf(@PathParam("id") long id) {
    byte[] pdf = invoices.pdf(id).orElseThrow(() -> ProblemException.notFound("Invoice " + id));
    return Response.ok(pdf, "application/pdf")
        .header("Content-Disposition", "inline; filename=\"invoice-" + id + ".pdf\"")
        .build();
  }
}
