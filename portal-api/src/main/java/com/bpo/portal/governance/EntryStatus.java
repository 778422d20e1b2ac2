package com.bpo.portal.governance;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an entry stands. Open, in progress and escalated entries are live: they can fall overdue.
 */
public enum EntryStatus {
  OPEN,
  IN_PROGRESS,
  ESCALATED,
  RESOLVED,
  CLOSED;

  public static final Set<EntryStatus> LIVE = EnumSet.of(OPEN, IN_PROGRESS, ESCALATED);

  public boolean isLive() {
    return LIVE.contains(this);
  }
}
