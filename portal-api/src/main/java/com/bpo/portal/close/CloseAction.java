package com.bpo.portal.close;

/** The steps of a month's close. */
public enum CloseAction {
  /** Compute the pack again from the data (BPO lead). */
  PREPARE,
  /** Show the pack to the client, its figures frozen (BPO lead). */
  PUBLISH,
  /** Take a published pack back to draft, e.g. after a client's comment (BPO lead). */
  WITHDRAW,
  /** Ask or answer about a published pack (BPO lead, client stakeholder). */
  COMMENT,
  /** Accept the pack: the month is final (client stakeholder). */
  SIGN_OFF
}
