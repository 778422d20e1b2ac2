package com.bpo.portal.shared;

/**
 * The Order-to-Cash process areas the BPO runs for a client. Governance entries are filed under
 * one, desk-top procedures are organised by them, and the root-cause loop joins the two through it.
 * Stored by name; translations under {@code processArea.<NAME>}.
 */
public enum ProcessArea {
  ORDER_MANAGEMENT,
  BILLING,
  CREDIT,
  COLLECTIONS,
  CASH_APPLICATION,
  DISPUTES,
  REPORTING,
  COMPLIANCE
}
