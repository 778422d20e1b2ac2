package com.bpo.portal.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * One signed POST to a receiver, with bounded waits and without following redirects (a redirect
 * could lead to an address the check refused); reads at most the first {@value #EXCERPT} bytes of
 * the answer. The URL is checked again just before (DNS may have changed since it was saved).
 */
public final class WebhookPost {
  static final int EXCERPT = 1000;
  static final int ERROR = 500;
  public static final String USER_AGENT = "BPO-Portal-Webhooks/1";

  /** What an attempt came to: a status (2xx is delivered) or an error without one. */
  public record Outcome(
      OffsetDateTime startedAt,
      int durationMs,
      Integer statusCode,
      String responseExcerpt,
      String error) {
    public boolean delivered() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
  }

  private final HttpClient client;
  private final Duration readTimeout;
  private final EndpointUrlCheck check;

  public WebhookPost(Duration connectTimeout, Duration readTimeout, EndpointUrlCheck check) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.readTimeout = readTimeout;
    this.check = check;
  }

  public Outcome send(WebhookQueries.Claimed delivery, boolean testTenant, Instant now) {
    OffsetDateTime started = now.atOffset(ZoneOffset.UTC);
    long startNanos = System.nanoTime();
    Optional<String> refusal = check.refusal(delivery.url(), testTenant);
    if (refusal.isPresent()) {
      return new Outcome(started, 0, null, null, bounded("URL refused: " + refusal.get(), ERROR));
    }
    long timestamp = now.getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(delivery.url().strip()))
            .timeout(readTimeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .header("Portal-Event-Type", delivery.eventType())
            .header("Portal-Delivery", String.valueOf(delivery.deliveryId()))
            .header(
                WebhookSignature.HEADER,
                WebhookSignature.header(delivery.secrets(), timestamp, delivery.body()))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String excerpt;
      try (InputStream body = response.body()) {
        excerpt = new String(body.readNBytes(EXCERPT), StandardCharsets.UTF_8);
      }
      int status = response.statusCode();
      return new Outcome(
          started,
          millisSince(startNanos),
          status,
          bounded(excerpt, EXCERPT),
          status >= 300 && status < 400
              ? bounded(
                  "redirect to "
                      + response.headers().firstValue("Location").orElse("?")
                      + " not followed",
                  ERROR)
              : null);
    } catch (IOException e) {
      return new Outcome(
          started,
          millisSince(startNanos),
          null,
          null,
          bounded(e.getClass().getSimpleName() + ": " + e.getMessage(), ERROR));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(started, millisSince(startNanos), null, null, "interrupted");
    } catch (IllegalArgumentException e) {
      return new Outcome(
          started,
          millisSince(startNanos),
          null,
          null,
          bounded("bad URL: " + e.getMessage(), ERROR));
    }
  }

  private static int millisSince(long startNanos) {
    return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** At most {@code max} characters, without NUL (PostgreSQL text refuses it). */
  static String bounded(String text, int max) {
    if (text == null) {
      return null;
    }
    String clean = text.replace("\u0000", "");
    return clean.length() <= max ? clean : clean.substring(0, max);
  }
}
