package com.bpo.portal.dispute;

/** What a person can do to a dispute's status. Assignment and messages are not transitions. */
public enum DisputeAction {
  START_REVIEW,
  ASK_CUSTOMER,
  RESUME_REVIEW,
  RESOLVE,
  CLOSE,
  REOPEN
}
