/**
 * Disputes and short-payment deductions: raised by customers online or logged by the BPO for them,
 * worked through {@link com.bpo.portal.dispute.DisputeWorkflow}, with a conversation whose messages
 * each carry a {@link com.bpo.portal.dispute.Visibility}, evidence files checked by content, SLA
 * timers, notifications through the mail outbox, and the money effects on invoices.
 */
package com.bpo.portal.dispute;
