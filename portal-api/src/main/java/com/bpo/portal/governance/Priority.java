package com.bpo.portal.governance;

public enum Priority {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
