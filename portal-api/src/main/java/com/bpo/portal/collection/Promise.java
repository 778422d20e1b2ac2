package com.bpo.portal.collection;

import com.bpo.portal.shared.Money;
import java.time.LocalDate;
import java.util.List;

/** A promise to pay with the invoices it covers and what has been paid on them so far. */
public record Promise(
    long id,
    long accountId,
    String accountNumber,
    String accountName,
    Money amount,
    LocalDate promisedOn,
    PromiseStatus status,
    Money paid,
    LocalDate madeOn,
    boolean proposedByCustomer,
    String note,
    String createdBy,
    LocalDate decidedOn,
    List<Long> invoiceIds,
    long version) {
  /** A promise being made: by the BPO (open at once) or proposed by the customer. */
  public record New(String amount, LocalDate promisedOn, List<Long> invoiceIds, String note) {}

  /**
   * A collector's answer to a customer's proposal: ACCEPT as it is, COUNTER with a new amount or
   * date, DECLINE.
   */
  public record Decision(Answer answer, String amount, LocalDate promisedOn, Long version) {}

  public enum Answer {
    ACCEPT,
    COUNTER,
    DECLINE
  }
}
