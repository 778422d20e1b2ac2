/**
 * Outgoing webhooks: a tenant's BPO lead registers endpoints (https, public addresses; {@link
 * EndpointUrlCheck}) and the events each wants ({@link WebhookEventType}). Features publish an
 * event through {@link WebhookEvents} in the transaction of their change (an outbox); the {@link
 * WebhookDispatcher} claims due deliveries with SKIP LOCKED, posts them signed ({@link
 * WebhookSignature}, secrets rotated with a grace period), logs every attempt and retries with
 * exponential back-off ({@link RetrySchedule}). docs/WEBHOOKS.md is the receiver's guide.
 */
package com.bpo.portal.webhook;
