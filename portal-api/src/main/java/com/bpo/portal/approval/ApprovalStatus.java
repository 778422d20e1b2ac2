package com.bpo.portal.approval;

/**
 * PENDING until enough approvers agreed (APPROVED) or one refused (REFUSED); APPLIED once its
 * effect ran.
 */
public enum ApprovalStatus {
  PENDING,
  APPROVED,
  REFUSED,
  APPLIED
}
