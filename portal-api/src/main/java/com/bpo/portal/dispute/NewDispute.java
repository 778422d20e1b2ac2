package com.bpo.portal.dispute;

import java.util.List;

/**
 * A dispute as raised: by a customer on their own invoices, or by the BPO for a customer (who may
 * also log a short-payment deduction). Amounts are decimal strings, as everywhere in the API.
 */
public record NewDispute(String kind, String reasonCode, String description, List<Item> items) {
  /** An amount disputed on an invoice, or on one of its lines when {@code lineNo} is given. */
  public record Item(Long invoiceId, Integer lineNo, String amount) {}
}
