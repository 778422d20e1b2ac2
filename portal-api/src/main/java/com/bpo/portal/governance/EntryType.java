package com.bpo.portal.governance;

/** What a log entry records. Only a risk has a likelihood and an impact. */
public enum EntryType {
  ISSUE,
  RISK,
  ACTION,
  DECISION
}
