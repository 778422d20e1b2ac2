package com.bpo.portal.approval;

import com.bpo.portal.shared.ProblemException;

/**
 * The change was not made: it waits for a second person's approval, recorded as {@link
 * #approvalId()}. Answered as 202 Accepted (the request is taken, its effect comes after the
 * approval).
 */
public class ApprovalRequired extends ProblemException {
  private final long approvalId;

  public ApprovalRequired(long approvalId, String what) {
    super(
        "approval-required",
        "Waiting for approval",
        202,
        what
            + " needs a second person's approval before it applies: approval "
            + approvalId
            + " waits for them.");
    this.approvalId = approvalId;
  }

  public long approvalId() {
    return approvalId;
  }
}
