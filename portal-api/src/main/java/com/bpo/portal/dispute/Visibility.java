package com.bpo.portal.dispute;

/** Who may read a dispute message. */
public enum Visibility {
  /** The customer, the client's stakeholders and the BPO. */
  CUSTOMER,
  /** The client's stakeholders and the BPO; never the customer. */
  CLIENT,
  /** The BPO only. */
  INTERNAL
}
