package com.bpo.portal.dispute;

import com.bpo.portal.shared.QueryParams;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The dispute queue's query parameters. */
public class DisputeQuery {
  @Parameter(
      description =
          "statuses, comma-separated: NEW, IN_REVIEW, AWAITING_CUSTOMER, RESOLVED, CLOSED")
  @QueryParam("status")
  String status;

  @Parameter(
      description =
          "open disputes only (NEW, IN_REVIEW, AWAITING_CUSTOMER) when no status is given")
  @QueryParam("open")
  boolean open;

  @Parameter(description = "reason code")
  @QueryParam("reason")
  String reason;

  @Parameter(description = "customer account id")
  @QueryParam("customer")
  String customer;

  @Parameter(description = "username, or '-' for unassigned")
  @QueryParam("assignee")
  String assignee;

  @Parameter(description = "at least this many days since raised")
  @QueryParam("minAge")
  String minAge;

  @Parameter(description = "at most this many days since raised")
  @QueryParam("maxAge")
  String maxAge;

  @QueryParam("minAmount")
  String minAmount;

  @QueryParam("maxAmount")
  String maxAmount;

  @Parameter(
      description = "only disputes past their first-response or resolution target (BPO and client)")
  @QueryParam("breached")
  boolean breached;

  @Parameter(description = "only disputes over this invoice id")
  @QueryParam("invoice")
  String invoice;

  @Parameter(description = "raised or amount; '-' in front for descending (default -raised)")
  @QueryParam("sort")
  String sort;

  public DisputeFilter filter() {
    QueryParams params = new QueryParams();
    DisputeFilter filter =
        new DisputeFilter(
            params.enums("status", status, DisputeStatus.class),
            Optional.ofNullable(reason).filter(r -> !r.isBlank()).map(String::strip),
            params.id("customer", customer),
            Optional.ofNullable(assignee).filter(a -> !a.isBlank()).map(String::strip),
            params.integer("minAge", minAge, 0, 36500),
            params.integer("maxAge", maxAge, 0, 36500),
            params.decimal("minAmount", minAmount),
            params.decimal("maxAmount", maxAmount),
            breached,
            open,
            params.id("invoice", invoice));
    params.throwIfInvalid();
    return filter;
  }

  public DisputeSort sort() {
    try {
      return DisputeSort.parse(sort);
    } catch (IllegalArgumentException e) {
      throw new com.bpo.portal.shared.InvalidFields(
          "Some query parameters are invalid.",
          java.util.List.of(new com.bpo.portal.shared.Problem.FieldError("sort", e.getMessage())));
    }
  }
}
