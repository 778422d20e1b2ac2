/**
 * Outgoing webhooks: a tenant's BPO lead registers endpoints (https, public addresses; {@link
 * EndpointUrlCheck}) and the events each wants ({@link WebhookEventType}). Features publish an
 * event through {@link WebhookEvents} in the transaction of their change (an outbox); the {@link
 * WebhookDispatcher} claims due deliveries with SKIP LOCKED, posts them signed ({@link
 * WebhookSignature}, secrets rotated with a grace period), logs every attempt and retries with
 * exponential back-off ({@link RetrySchedule}), and purges finished deliveries after the retention
 * ({@link WebhookRetention}, {@link WebhookPurge}). docs/WEBHOOKS.md is the receiver's guide.
 */
package com.bpo.portal.webhook;
