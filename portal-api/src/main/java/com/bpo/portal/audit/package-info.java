/**
 * The audit trail: an append-only, hash-chained log per tenant of every change to business data
 * (written by database triggers in the changing transaction, V13), and of sign-ins, exports and
 * imports (written here). {@link com.bpo.portal.audit.AuditTrail} records and reads it, {@link
 * com.bpo.portal.audit.AuditSealer} seals new records onto the chain, and {@link
 * com.bpo.portal.audit.AuditChain} verifies a chain independently of the database.
 */
package com.bpo.portal.audit;
