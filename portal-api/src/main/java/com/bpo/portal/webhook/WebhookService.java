package com.bpo.portal.webhook;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's webhooks as its BPO lead manages them: endpoints (the secret shown once, at creation
 * and at each rotation), and the delivery log with redelivery. Only leads: an endpoint sends the
 * tenant's events out of the portal.
 */
@TenantService
public class WebhookService {
  static final int MAX_ENDPOINTS = 20;
  static final int MAX_DESCRIPTION = 200;

  @Inject WebhookQueries queries;
  @Inject TenantContext context;
  @Inject WebhookSettings settings;

  /** What a lead sends to create or change an endpoint. */
  public record EndpointRequest(
      String url, String description, List<String> events, Boolean enabled) {}

  /** A new endpoint and its secret, which is shown this once. */
  public record Created(WebhookEndpoint endpoint, String secret) {}

  /** A rotation: the new secret (shown this once) and until when the previous one still signs. */
  public record Rotated(
      WebhookEndpoint endpoint, String secret, OffsetDateTime previousValidUntil) {}

  public List<WebhookEndpoint> endpoints() {
    requireLead();
    return queries.endpoints();
  }

  public WebhookEndpoint endpoint(long id) {
    requireLead();
    return require(id);
  }

  public Created create(EndpointRequest request) {
    requireLead();
    Checked checked = check(request);
    if (queries.countEndpoints() >= MAX_ENDPOINTS) {
      throw new ProblemException(
          "too-many-endpoints",
          "Too many endpoints",
          409,
          "A tenant has at most " + MAX_ENDPOINTS + " webhook endpoints; delete one first.");
    }
    long id =
        queries.insertEndpoint(
            checked.url(),
            checked.description(),
            checked.events(),
            checked.enabled(),
            user().username());
    String secret = WebhookSignature.newSecret();
    queries.insertSecret(id, secret);
    return new Created(require(id), secret);
  }

  /** Changes an endpoint seen at {@code version}; a stale version is a 412 naming the current. */
  public WebhookEndpoint update(long id, Long version, EndpointRequest request) {
    requireLead();
    if (version == null) {
      throw new InvalidFields(
          "Send the version you last saw.",
          List.of(
              new FieldError(
                  "version",
                  "is required (If-Match or the field), so no change overwrites another")));
    }
    WebhookEndpoint current = require(id);
    Checked checked = check(request);
    if (!queries.updateEndpoint(
        id, version, checked.url(), checked.description(), checked.events(), checked.enabled())) {
      throw new ProblemException(
          "stale",
          "Changed meanwhile",
          412,
          "The endpoint was changed by someone else; it is now at version "
              + current.version()
              + ". Reload it and apply your change again.");
    }
    return require(id);
  }

  public void delete(long id) {
    requireLead();
    if (!queries.deleteEndpoint(id)) {
      throw ProblemException.notFound("Webhook endpoint " + id);
    }
  }

  public Rotated rotateSecret(long id) {
    requireLead();
    require(id);
    String secret = WebhookSignature.newSecret();
    long grace = settings.rotationGrace().toSeconds();
    queries.rotateSecret(id, secret, grace);
    return new Rotated(require(id), secret, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(grace));
  }

  public Page<WebhookDelivery> deliveries(
      Optional<Long> endpoint, Optional<WebhookDelivery.Status> status, PageRequest page) {
    requireLead();
    return queries.deliveries(endpoint, status, page);
  }

  public WebhookDelivery delivery(long id) {
    requireLead();
    WebhookDelivery delivery =
        queries.delivery(id).orElseThrow(() -> ProblemException.notFound("Delivery " + id));
    return delivery.withAttempts(queries.attempts(id));
  }

  /** Sends a delivery's event to its endpoint again, as a new delivery due now. */
  public WebhookDelivery redeliver(long id) {
    requireLead();
    queries.delivery(id).orElseThrow(() -> ProblemException.notFound("Delivery " + id));
    return delivery(queries.redeliver(id));
  }

  // ---------------------------------------------------------------- input

  private record Checked(String url, String description, List<String> events, boolean enabled) {}

  private Checked check(EndpointRequest request) {
    if (request == null) {
      throw new InvalidFields("Send the endpoint.", List.of(new FieldError("url", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    LinkedHashSet<String> events = new LinkedHashSet<>();
    if (request.events() == null || request.events().isEmpty()) {
      errors.add(new FieldError("events", "name at least one event"));
    } else {
      for (String code : request.events()) {
        if (code == null || WebhookEventType.ofCode(code).isEmpty()) {
          errors.add(
              new FieldError(
                  "events",
                  "'"
                      + code
                      + "' is not one of "
                      + java.util.Arrays.stream(WebhookEventType.values())
                          .map(WebhookEventType::code)
                          .toList()));
        } else {
          events.add(code);
        }
      }
    }
    String description =
        request.description() == null || request.description().isBlank()
            ? null
            : request.description().strip();
    if (description != null && description.length() > MAX_DESCRIPTION) {
      errors.add(
          new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The endpoint cannot be saved as it is.", errors);
    }
    String url = request.url() == null ? null : request.url().strip();
    EndpointUrlCheck.system()
        .refusal(url, context.requireTenant().testMode())
        .ifPresent(
            reason -> {
              throw new UrlRefused(reason);
            });
    return new Checked(
        url, description, List.copyOf(events), request.enabled() == null || request.enabled());
  }

  private WebhookEndpoint require(long id) {
    return queries
        .endpoint(id)
        .orElseThrow(() -> ProblemException.notFound("Webhook endpoint " + id));
  }

  private void requireLead() {
    if (!user().hasRole(Roles.BPO_LEAD)) {
      throw ProblemException.forbidden("Only the tenant's BPO leads manage its webhooks.");
    }
  }

  private PortalUser user() {
    return context.requireUser();
  }
}
