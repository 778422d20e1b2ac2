package com.bpo.portal.cash;

import com.bpo.portal.cash.CashRecords.BankAccount;
import com.bpo.portal.cash.CashRecords.ImportResult;
import com.bpo.portal.cash.CashRecords.LineDetail;
import com.bpo.portal.cash.CashRecords.LineSummary;
import com.bpo.portal.cash.CashRecords.NewBankAccount;
import com.bpo.portal.cash.CashRecords.NewRemittance;
import com.bpo.portal.cash.CashRecords.StatementSummary;
import com.bpo.portal.cash.CashRecords.UnappliedCash;
import com.bpo.portal.shared.CreatedId;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.QueryParams;
import com.bpo.portal.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cash application: bank accounts and statements in, the exception queue of unapplied cash worked
 * by the BPO, unapplied cash by age for leads and clients, remittance advices from customers and
 * the BPO.
 */
@Path("/cash")
@Tag(name = "Cash")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class CashResource {
  @Inject CashService cash;
  @Inject StatementImports statementImports;

  @GET
  @Path("/bank-accounts")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The tenant's bank accounts, whose statements may be imported")
  public Map<String, List<BankAccount>> bankAccounts() {
    return Map.of("items", cash.bankAccounts());
  }

  @POST
  @Path("/bank-accounts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary =
          "Register a bank account (IBAN or account id, currency, name); 201, 409 if registered")
  @APIResponse(
      responseCode = "201",
      description = "The bank account registered",
      content = @Content(schema = @Schema(implementation = BankAccount.class)))
  public Response addBankAccount(NewBankAccount account) {
    BankAccount added = cash.addBankAccount(account);
    return Response.status(201).entity(added).build();
  }

  @GET
  @Path("/settings")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The tenant's confidence threshold (applied from it, suggested below) and write-off tolerance")
  public CashRecords.Settings settings() {
    return cash.settings();
  }

  @jakarta.ws.rs.PUT
  @Path("/settings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary =
          "Change the threshold (0-1) and tolerance (0-1000.00) with the version seen; 409 if stale")
  public CashRecords.Settings changeSettings(CashRecords.SettingsChange change) {
    return cash.changeSettings(change);
  }

  @POST
  @Path("/statements")
  @Consumes({
    MediaType.APPLICATION_XML,
    MediaType.TEXT_XML,
    "text/csv",
    MediaType.TEXT_PLAIN,
    MediaType.APPLICATION_OCTET_STREAM
  })
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
  @Operation(
      summary =
          "Import a bank statement (camt.053, MT940 or CSV, told by content), match its credit lines "
              + "and apply what is sure; 201 imported, 200 when the same statement was imported before (nothing changes), "
              + "422 rejected with every problem (nothing kept), 409 same statement id with other content, "
              + "429 with Retry-After while another import of the tenant runs (nothing kept)")
  @APIResponse(
      responseCode = "201",
      description = "The statement imported with its lines' outcome; Location names it",
      content = @Content(schema = @Schema(implementation = ImportResult.class)))
  @APIResponse(
      responseCode = "200",
      description = "The same statement was imported before: its earlier result, nothing changed",
      content = @Content(schema = @Schema(implementation = ImportResult.class)))
  public Response importStatement(InputStream body) throws IOException {
    byte[] content = body == null ? new byte[0] : body.readNBytes(StatementParsers.MAX_BYTES + 1);
    ImportResult result = statementImports.importStatement(content);
    return Response.status(result.alreadyImported() ? 200 : 201)
        .entity(result)
        .header("Location", "/api/v1/cash/statements/" + result.statement().id())
        .build();
  }

  @GET
  @Path("/statements")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Imported statements, newest first, keyset-paginated, with their lines' outcomes")
  public Page<StatementSummary> statements(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return cash.statements(PageRequest.of(limit, cursor));
  }

  @GET
  @Path("/statements/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One statement with its lines' outcomes")
  public StatementSummary statement(@PathParam("id") long id) {
    return cash.statement(id).orElseThrow(() -> ProblemException.notFound("Statement " + id));
  }

  @GET
  @Path("/lines")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Bank lines oldest first, keyset-paginated: by default the exception queue (SUGGESTED and "
              + "UNAPPLIED); status=APPLIED,ON_ACCOUNT,... and statement=<id> filter")
  public Page<LineSummary> lines(
      @QueryParam("status") String status,
      @QueryParam("statement") String statement,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    QueryParams params = new QueryParams();
    var statuses = params.enums("status", status, LineStatus.class);
    var statementId = params.id("statement", statement);
    params.throwIfInvalid();
    return cash.lines(List.copyOf(statuses), statementId, PageRequest.of(limit, cursor));
  }

  @GET
  @Path("/lines/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "One bank line with its candidates (rule, confidence, reason, invoices) and the decision taken")
  public LineDetail line(@PathParam("id") long id) {
    return cash.line(id).orElseThrow(() -> ProblemException.notFound("Bank line " + id));
  }

  @POST
  @Path("/lines/{id}/applications")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
  @Operation(
      summary =
          "Apply a queued line by hand with the version seen: split over invoices of one customer, the "
              + "rest on account; no allocations and a customerId put it all on account; 409 if stale or settled")
  public LineDetail apply(@PathParam("id") long id, CashRecords.Application application) {
    return cash.apply(id, application);
  }

  @POST
  @Path("/lines/{id}/candidates/{candidate}/acceptance")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
  @Operation(
      summary =
          "Apply a suggested candidate as proposed (with its write-off, deduction or rest on account)")
  public LineDetail accept(
      @PathParam("id") long id,
      @PathParam("candidate") long candidate,
      CashRecords.Application application) {
    return cash.acceptCandidate(id, candidate, application == null ? null : application.version());
  }

  @POST
  @Path("/lines/{id}/refund-request")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
  @Operation(
      summary =
          "Mark a queued line for refund (version and note); the refund is the credit feature's")
  public LineDetail refund(@PathParam("id") long id, CashRecords.Application application) {
    return cash.requestRefund(id, application);
  }

  @GET
  @Path("/unapplied")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Unapplied cash (the exception queue) per currency: lines, amount, and by age since booking")
  public Map<String, List<UnappliedCash>> unapplied() {
    return Map.of("items", cash.unapplied());
  }

  @POST
  @Path("/remittances")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CUSTOMER})
  @Operation(
      summary =
          "A remittance advice: which invoices a payment (by reference or amount) covers; a customer "
              + "for their own account, the BPO for any; 201")
  @APIResponse(
      responseCode = "201",
      description = "The remittance advice stored",
      content = @Content(schema = @Schema(implementation = CreatedId.class)))
  public Response remittance(NewRemittance advice) {
    long id = cash.addRemittance(advice);
    return Response.status(201).entity(new CreatedId(id)).build();
  }
}
