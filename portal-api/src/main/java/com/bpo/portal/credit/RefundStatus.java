package com.bpo.portal.credit;

/** REQUESTED until approved (then it may be exported as pain.001) or refused. */
public enum RefundStatus {
  REQUESTED,
  APPROVED,
  REFUSED
}
