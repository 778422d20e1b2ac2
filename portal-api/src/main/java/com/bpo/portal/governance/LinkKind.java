package com.bpo.portal.governance;

/** What a log entry can point to, by id in the same tenant. */
public enum LinkKind {
  INVOICE,
  DISPUTE,
  PROCEDURE,
  ENTRY
}
