/**
 * Disputes and short-payment deductions: raised by customers online or logged by the BPO for them,
 * worked through {@link com.bpo.portal.dispute.DisputeWorkflow}, with a conversation whose messages
 * each carry a {@link com.bpo.portal.dispute.Visibility}, evidence files checked by content, SLA
 * timers, and notifications through the mail outbox. {@code DisputeService} is the door; its SQL is
 * in the {@code *Queries} classes; the money effects on invoices go through the invoice feature's
 * {@link com.bpo.portal.invoice.InvoiceLedger}.
 */
package com.bpo.portal.dispute;
