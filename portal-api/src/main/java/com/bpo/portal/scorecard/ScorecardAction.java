package com.bpo.portal.scorecard;

/** What can be done to a month's scorecard (see {@link ScorecardWorkflow}). */
public enum ScorecardAction {
  COMPUTE,
  ENTER_VALUE,
  ATTACH_EVIDENCE,
  PUBLISH,
  COMMENT,
  DISPUTE_KPI,
  ANSWER_KPI,
  SIGN_OFF
}
