package com.bpo.portal.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Webhooks' settings, from MicroProfile Config (environment variables such as {@code
 * PORTAL_WEBHOOKS_RETRY_BASE_SECONDS} work too). The integration tests shorten the waits to
 * seconds.
 */
@ApplicationScoped
public class WebhookSettings {
  @Inject
  @ConfigProperty(name = "portal.webhooks.interval.seconds", defaultValue = "5")
  int intervalSeconds;

  @Inject
  @ConfigProperty(name = "portal.webhooks.retry.base.seconds", defaultValue = "60")
  long retryBaseSeconds;

  @Inject
  @ConfigProperty(name = "portal.webhooks.retry.cap.seconds", defaultValue = "21600")
  long retryCapSeconds;

  @Inject
  @ConfigProperty(name = "portal.webhooks.max.attempts", defaultValue = "15")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "portal.webhooks.connect.timeout.seconds", defaultValue = "5")
  int connectTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "portal.webhooks.read.timeout.seconds", defaultValue = "10")
  int readTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "portal.webhooks.rotation.grace.hours", defaultValue = "24")
  long rotationGraceHours;

  @Inject
  @ConfigProperty(name = "portal.webhooks.retention.days", defaultValue = "30")
  int retentionDays;

  @Inject
  @ConfigProperty(name = "portal.webhooks.purge.every.rounds", defaultValue = "12")
  int purgeEveryRounds;

  /** How often the job looks for due deliveries; 0 switches delivery off. */
  public int intervalSeconds() {
    return intervalSeconds;
  }

  public RetrySchedule retries() {
    return new RetrySchedule(
        Duration.ofSeconds(retryBaseSeconds), Duration.ofSeconds(retryCapSeconds), maxAttempts);
  }

  public Duration connectTimeout() {
    return Duration.ofSeconds(connectTimeoutSeconds);
  }

  public Duration readTimeout() {
    return Duration.ofSeconds(readTimeoutSeconds);
  }

  public Duration rotationGrace() {
    return Duration.ofHours(rotationGraceHours);
  }

  /** How long finished deliveries, their attempts and their events are kept. */
  public WebhookRetention retention() {
    return new WebhookRetention(retentionDays);
  }

  /** The purge runs in every n-th round of the delivery job (once a minute at 5 s), at least 1. */
  public int purgeEveryRounds() {
    return Math.max(1, purgeEveryRounds);
  }
}
