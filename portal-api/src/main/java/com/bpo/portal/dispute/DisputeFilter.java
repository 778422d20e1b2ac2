package com.bpo.portal.dispute;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * The queue's filters. {@code assignee} is a username, or {@link #UNASSIGNED}; ages are whole days
 * since the dispute was raised; {@code breached} keeps those past either SLA target; {@code
 * invoiceId} keeps those that dispute that invoice.
 */
public record DisputeFilter(
    Set<DisputeStatus> statuses,
    Optional<String> reasonCode,
    Optional<Long> customerId,
    Optional<String> assignee,
    Optional<Integer> minAgeDays,
    Optional<Integer> maxAgeDays,
    Optional<BigDecimal> minAmount,
    Optional<BigDecimal> maxAmount,
    boolean breachedOnly,
    boolean openOnly,
    Optional<Long> invoiceId) {
  public static final String UNASSIGNED = "-";

  public static DisputeFilter none() {
    return new DisputeFilter(
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        false,
        Optional.empty());
  }

  /** The disputes over one invoice, in any status: what the invoice page lists. */
  public static DisputeFilter ofInvoice(long invoiceId) {
    return new DisputeFilter(
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        false,
        Optional.of(invoiceId));
  }
}
