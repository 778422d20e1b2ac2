package com.bpo.portal.collection;

/**
 * A contact or a task on an account. TASK is made by the system (a broken promise, a call step).
 */
public enum ActivityKind {
  CALL,
  MAIL,
  LETTER,
  NOTE,
  TASK
}
