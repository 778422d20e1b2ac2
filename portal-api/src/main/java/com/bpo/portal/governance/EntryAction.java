package com.bpo.portal.governance;

/** The steps of {@link EntryWorkflow}. */
public enum EntryAction {
  START,
  ESCALATE,
  RESOLVE,
  CLOSE,
  REOPEN
}
