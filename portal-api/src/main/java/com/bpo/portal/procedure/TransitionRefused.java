package com.bpo.portal.procedure;

import com.bpo.portal.shared.ProblemException;

/**
 * A step the workflow does not allow from the version's status (409) or not to the caller (403).
 * Carries both so that the UI can say it in the reader's language.
 */
public class TransitionRefused extends ProblemException {
  private final VersionStatus status;
  private final VersionAction action;

  TransitionRefused(int httpStatus, VersionStatus status, VersionAction action, String detail) {
    super(httpStatus == 403 ? "forbidden" : "transition-refused",
        httpStatus == 403 ? "Forbidden" : "Transition not allowed", httpStatus, detail);
    this.status = status;
    this.action = action;
  }

  public VersionStatus versionStatus() {
    return status;
  }

  public VersionAction action() {
    return action;
  }
}
