package com.bpo.portal.cash;

/**
 * Where a bank line stands. SUGGESTED and UNAPPLIED lines are the exception queue (unapplied cash);
 * the other three are settled: applied to invoices (perhaps with a rest on account), put on account
 * whole, or marked for a refund (the refund itself belongs to the credit and approvals feature).
 */
public enum LineStatus {
  APPLIED,
  SUGGESTED,
  UNAPPLIED,
  ON_ACCOUNT,
  REFUND_REQUESTED;

  public boolean inQueue() {
    return this == SUGGESTED || this == UNAPPLIED;
  }
}
