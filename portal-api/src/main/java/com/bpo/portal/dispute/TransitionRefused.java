package com.bpo.portal.dispute;

import com.bpo.portal.shared.ProblemException;

/**
 * A transition the workflow does not allow from the dispute's current status (409), or not to the
 * caller's party (403). Carries both so that the UI can say it in the reader's language.
 */
public class TransitionRefused extends ProblemException {
  private final DisputeStatus status;
  private final DisputeAction action;

  TransitionRefused(int httpStatus, DisputeStatus status, DisputeAction action, String detail) {
    super(httpStatus == 403 ? "forbidden" : "transition-refused",
        httpStatus == 403 ? "Forbidden" : "Transition not allowed", httpStatus, detail);
    this.status = status;
    this.action = action;
  }

  public DisputeStatus disputeStatus() {
    return status;
  }

  public DisputeAction action() {
    return action;
  }
}
