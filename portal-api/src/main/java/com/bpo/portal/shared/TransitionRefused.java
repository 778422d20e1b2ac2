package com.bpo.portal.shared;

/**
 * A step a workflow table does not allow from the current status (409), or not to the caller (403),
 * for any of the portal's workflows (disputes, governance entries, procedure versions). Carries the
 * status and the step so that a screen can say it in the reader's language.
 */
public class TransitionRefused extends ProblemException {
  private final Enum<?> status;
  private final Enum<?> action;

  public TransitionRefused(int httpStatus, Enum<?> status, Enum<?> action, String detail) {
    super(
        httpStatus == 403 ? "forbidden" : "transition-refused",
        httpStatus == 403 ? "Forbidden" : "Transition not allowed",
        httpStatus,
        detail);
    this.status = status;
    this.action = action;
  }

  /** The status the step was tried from. */
  public Enum<?> from() {
    return status;
  }

  public Enum<?> action() {
    return action;
  }
}
