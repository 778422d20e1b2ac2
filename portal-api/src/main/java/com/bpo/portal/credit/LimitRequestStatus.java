package com.bpo.portal.credit;

/**
 * REQUESTED until its approval is granted (APPROVED: the limit took effect) or refused (REFUSED:
 * the old one stays).
 */
public enum LimitRequestStatus {
  REQUESTED,
  APPROVED,
  REFUSED
}
