package com.bpo.portal.dispute;

import com.bpo.portal.shared.Money;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A row of the dispute queue. The SLA targets and breach flags are the BPO's internal measure:
 * {@link #forCustomer()} leaves them out, and a customer sees the promised response date instead.
 */
public record DisputeSummary(
    long id,
    String number,
    Dispute.Kind kind,
    long customerId,
    String customerNumber,
    String customerName,
    String reasonCode,
    DisputeStatus status,
    Outcome outcome,
    Money disputed,
    Money settled,
    OffsetDateTime raisedAt,
    String raisedBy,
    String assignee,
    LocalDate promisedResponseOn,
    OffsetDateTime firstResponseDue,
    OffsetDateTime resolutionDue,
    Boolean firstResponseBreached,
    Boolean resolutionBreached,
    long version) {

  public static String number(long id) {
    return "D-" + id;
  }

  public DisputeSummary forCustomer() {
    return new DisputeSummary(
        id,
        number,
        kind,
        customerId,
        customerNumber,
        customerName,
        reasonCode,
        status,
        outcome,
        disputed,
        settled,
        raisedAt,
        raisedBy,
        null,
        promisedResponseOn,
        null,
        null,
        null,
        null,
        version);
  }

  public boolean breached() {
    return Boolean.TRUE.equals(firstResponseBreached) || Boolean.TRUE.equals(resolutionBreached);
  }
}
