package com.bpo.portal.approval;

/**
 * Fired (synchronously, in the decision's transaction) when an approval is granted in full or
 * refused. The feature that owns what it applies to observes it and applies or drops the change; a
 * failure there rolls the decision back too. An observer that applied the change says so with
 * {@link #applied()}, and the approval is then recorded as APPLIED.
 */
public final class ApprovalDecided {
  private final ApprovalSummary approval;
  private final String payload;
  private final boolean granted;
  private boolean applied;

  ApprovalDecided(ApprovalSummary approval, String payload, boolean granted) {
    this.approval = approval;
    this.payload = payload;
    this.granted = granted;
  }

  public ApprovalSummary approval() {
    return approval;
  }

  /** What the maker asked to apply, as JSON (may be null). */
  public String payload() {
    return payload;
  }

  public boolean granted() {
    return granted;
  }

  /** The id if {@code payloadRef} is {@code prefix:id}, else -1. */
  public long idFor(String prefix) {
    String ref = approval.payloadRef();
    return ref.startsWith(prefix + ":") ? Long.parseLong(ref.substring(prefix.length() + 1)) : -1;
  }

  public void applied() {
    this.applied = true;
  }

  boolean wasApplied() {
    return applied;
  }
}
