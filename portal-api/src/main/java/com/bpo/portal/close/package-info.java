/**
 * Month-end close: the receivables rolled forward month by month from the journal of postings
 * ({@code ar_posting}, written by triggers on every invoice change, V80), the aging at the month
 * end, provisions for bad debt (a versioned policy per aging bucket and specific provisions with
 * four eyes), the reconciliation to the client's general ledger, and the close pack the BPO lead
 * publishes and the client's stakeholder signs off, which locks the month. docs/CLOSE.md has the
 * arithmetic.
 */
package com.bpo.portal.close;
