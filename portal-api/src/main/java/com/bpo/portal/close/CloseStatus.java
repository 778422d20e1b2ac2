package com.bpo.portal.close;

/**
 * Where a month's close stands: prepared by the BPO, published to the client, signed off (final).
 */
public enum CloseStatus {
  DRAFT,
  PUBLISHED,
  SIGNED_OFF
}
