package com.bpo.portal.collection;

/** What a strategy step does when its notice is released. */
public enum StepAction {
  /** A reminder by mail, with the letter attached as PDF. */
  MAIL,
  /** A formal letter (PDF), sent by mail too. */
  LETTER,
  /** A task for the collector to call. */
  CALL_TASK,
  /** A task to escalate to the client. */
  ESCALATION,
  /** The account goes on credit hold. */
  CREDIT_HOLD;

  /** Whether the step writes to the customer (and so needs a recipient and a letter). */
  public boolean writesToCustomer() {
    return this == MAIL || this == LETTER;
  }
}
