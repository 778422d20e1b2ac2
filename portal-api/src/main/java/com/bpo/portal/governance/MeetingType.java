package com.bpo.portal.governance;

/** The meetings of the governance model, from the most frequent to the least. */
public enum MeetingType {
  WEEKLY_OPERATIONS,
  MONTHLY_SERVICE_REVIEW,
  QUARTERLY_BUSINESS_REVIEW
}
