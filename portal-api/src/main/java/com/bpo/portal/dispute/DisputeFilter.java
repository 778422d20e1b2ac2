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

  /** Every dispute the caller may see. */
  public static DisputeFilter none() {
    return of(Optional.empty(), Optional.empty(), false, Optional.empty());
  }

  /** The disputes over one invoice, in any status: what the invoice page lists. */
  public static DisputeFilter ofInvoice(long invoiceId) {
    return of(Optional.empty(), Optional.empty(), false, Optional.of(invoiceId));
  }

  /** The disputes given for one reason, in any status. */
  public static DisputeFilter ofReason(String reasonCode) {
    return of(Optional.of(reasonCode), Optional.empty(), false, Optional.empty());
  }

  /** The open disputes the caller may see: a customer's home lists them. */
  public static DisputeFilter open() {
    return of(Optional.empty(), Optional.empty(), true, Optional.empty());
  }

  /** The open disputes raised at least {@code days} days ago. */
  public static DisputeFilter openAtLeastDaysOld(int days) {
    return of(Optional.empty(), Optional.of(days), true, Optional.empty());
  }

  private static DisputeFilter of(
      Optional<String> reasonCode,
      Optional<Integer> minAgeDays,
      boolean openOnly,
      Optional<Long> invoiceId) {
    return new DisputeFilter(
        Set.of(),
        reasonCode,
        Optional.empty(),
        Optional.empty(),
        minAgeDays,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        openOnly,
        invoiceId);
  }
}
