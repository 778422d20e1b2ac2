package com.bpo.portal.dispute;

/** How a dispute was resolved, and what it does to the invoices' money. */
public enum Outcome {
  /** The whole disputed amount is credited: a credit note per invoice. */
  ACCEPTED,
  /** Part of the disputed amount is credited; the rest stays due. */
  PARTLY_ACCEPTED,
  /** Nothing is credited; the whole amount stays due. */
  REJECTED,
  /** The disputed amount is written off (no credit note; the client bears it). */
  WRITTEN_OFF
}
