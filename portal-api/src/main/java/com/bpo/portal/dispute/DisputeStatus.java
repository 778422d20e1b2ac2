package com.bpo.portal.dispute;

/** Where a dispute stands. RESOLVED and CLOSED carry an {@link Outcome}. */
public enum DisputeStatus {
  NEW,
  IN_REVIEW,
  AWAITING_CUSTOMER,
  RESOLVED,
  CLOSED;

  public boolean isOpen() {
    return this != RESOLVED && this != CLOSED;
  }
}
