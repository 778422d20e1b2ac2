package com.bpo.portal.collection;

/** The kind of customer a strategy's segment may be limited to. */
public enum CustomerType {
  KEY_ACCOUNT,
  BUSINESS,
  PUBLIC_SECTOR,
  CONSUMER
}
