package com.bpo.portal.approval;

/**
 * What a maker asks a second person to approve: money leaving the client's books, or a credit
 * limit.
 */
public enum ApprovalKind {
  WRITE_OFF,
  CREDIT_NOTE,
  REFUND,
  PAYMENT_REVERSAL,
  ON_ACCOUNT,
  CREDIT_LIMIT
}
