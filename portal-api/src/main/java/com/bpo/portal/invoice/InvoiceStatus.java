package com.bpo.portal.invoice;

/** Derived by the database from the invoice's totals (see V3__invoice.sql), never set by hand. */
public enum InvoiceStatus {
  OPEN,
  PARTIALLY_PAID,
  PAID,
  DISPUTED,
  CREDITED,
  WRITTEN_OFF
}
