package com.bpo.portal.invoice;

import com.bpo.portal.shared.QueryParams;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The invoice list's query parameters, shared by the JSON list and the CSV export. */
public class InvoiceQuery {
  @Parameter(
      description =
          "statuses, comma-separated: OPEN, PARTIALLY_PAID, PAID, DISPUTED, CREDITED, WRITTEN_OFF")
  @QueryParam("status")
  String status;

  @QueryParam("customer")
  String customer;

  @Parameter(description = "ISO date")
  @QueryParam("dueFrom")
  String dueFrom;

  @Parameter(description = "ISO date")
  @QueryParam("dueTo")
  String dueTo;

  @Parameter(description = "on the invoice total")
  @QueryParam("minAmount")
  String minAmount;

  @QueryParam("maxAmount")
  String maxAmount;

  @QueryParam("overdue")
  boolean overdue;

  @Parameter(description = "invoice number prefix or part of the customer's name")
  @QueryParam("q")
  String text;

  @Parameter(description = "dueDate, issueDate, number or total; '-' in front for descending")
  @QueryParam("sort")
  String sort;

  /** The filter, or a 400 listing every bad parameter. */
  InvoiceFilter filter() {
    QueryParams params = new QueryParams();
    InvoiceFilter filter =
        new InvoiceFilter(
                params.enums("status", status, InvoiceStatus.class),
                params.id("customer", customer),
                params.date("dueFrom", dueFrom),
                params.date("dueTo", dueTo),
                params.decimal("minAmount", minAmount),
                params.decimal("maxAmount", maxAmount),
                overdue,
                Optional.empty())
            .withText(text);
    params.throwIfInvalid();
    return filter;
  }

  InvoiceSort sort() {
    return InvoiceSort.parse(sort);
  }
}
