package com.bpo.portal.invoice;

import com.bpo.portal.shared.QueryParams;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/receivables")
@Tag(name = "Receivables")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class ReceivablesResource {
  @Inject ReceivablesService receivables;
  @Inject ReceivableBalances balances;
  @Inject TenantContext context;

  @GET
  @Path("/aging")
  @Operation(
      summary =
          "Open receivables in buckets current, 1-30, 31-60, 61-90, 90+ days past due, by customer")
  public Aging aging(
      @QueryParam("asOf") String asOf,
      @QueryParam("customer") String customer,
      @QueryParam("limit") @DefaultValue("500") int limit) {
    QueryParams params = new QueryParams();
    LocalDate date = params.date("asOf", asOf).orElseGet(context::today);
    var customerId = params.id("customer", customer);
    params.range("limit", limit, 1, 5000);
    params.throwIfInvalid();
    return receivables.aging(date, customerId, limit);
  }

  /** Whether the kept balances agree with the invoices, and where they do not. */
  public record BalanceCheck(boolean equal, java.util.List<BalanceDrift> drift) {}

  @GET
  @Path("/balances/check")
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary =
          "Recompute the kept receivable balances and daily sales from the invoices and list the keys that differ")
  public BalanceCheck checkBalances() {
    var drift = balances.drift();
    return new BalanceCheck(drift.isEmpty(), drift);
  }

  @GET
  @Path("/dso")
  @Operation(
      summary =
          "Days sales outstanding (simple method) per currency, with receivables, sales and overdue")
  public Dso dso(
      @QueryParam("asOf") String asOf,
      @QueryParam("days") @DefaultValue("90") int days,
      @QueryParam("customer") String customer) {
    QueryParams params = new QueryParams();
    LocalDate date = params.date("asOf", asOf).orElseGet(context::today);
    params.range("days", days, 1, 366);
    var customerId = params.id("customer", customer);
    params.throwIfInvalid();
    return receivables.dso(date, days, customerId);
  }
}
