package com.bpo.portal.dispute;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A dispute as raised: by a customer on their own invoices, or by the BPO for a customer (who may
 * also log a short-payment deduction). Amounts are decimal strings, as everywhere in the API.
 */
public record NewDispute(String kind, String reasonCode, String description, List<Item> items) {
  /** An amount disputed on an invoice, or on one of its lines when {@code lineNo} is given. */
  @Schema(
      name = "NewDisputeItem",
      requiredProperties = {"invoiceId", "amount"})
  public record Item(
      Long invoiceId,
      @Schema(description = "a line of the invoice; none for the whole invoice") Integer lineNo,
      @Schema(pattern = "^[0-9]{1,15}(\\.[0-9]{1,4})?$", example = "40.00") String amount) {}
}
