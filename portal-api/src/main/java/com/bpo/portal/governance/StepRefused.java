package com.bpo.portal.governance;

import com.bpo.portal.shared.ProblemException;

/** A workflow step not allowed from the entry's status (409) or not to the caller (403). */
public class StepRefused extends ProblemException {
  private final EntryStatus status;
  private final EntryAction action;

  StepRefused(int httpStatus, EntryStatus status, EntryAction action, String detail) {
    super(httpStatus == 403 ? "forbidden" : "transition-refused",
        httpStatus == 403 ? "Forbidden" : "Transition not allowed", httpStatus, detail);
    this.status = status;
    this.action = action;
  }

  public EntryStatus entryStatus() {
    return status;
  }

  public EntryAction action() {
    return action;
  }
}
