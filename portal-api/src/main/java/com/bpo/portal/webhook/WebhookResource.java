package com.bpo.portal.webhook;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A tenant's outgoing webhooks: endpoints, their secrets, the delivery log and redelivery. BPO
 * leads of the tenant only. Updates take the version as {@code If-Match} (the ETag a read gave) or
 * as the body's {@code version}.
 */
@Path("/webhooks")
@RequestScoped
@RolesAllowed(Roles.BPO_LEAD)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {
  @Inject WebhookService webhooks;

  /** An endpoint as sent to create or change it; {@code version} for a change without If-Match. */
  public record EndpointBody(
      String url, String description, List<String> events, Boolean enabled, Long version) {
    WebhookService.EndpointRequest request() {
      return new WebhookService.EndpointRequest(url, description, events, enabled);
    }
  }

  public record Items<T>(List<T> items) {}

  public record EventType(String code) {}

  @GET
  @Path("/event-types")
  @Operation(summary = "The events an endpoint can subscribe to")
  public Items<EventType> eventTypes() {
    return new Items<>(
        Arrays.stream(WebhookEventType.values()).map(t -> new EventType(t.code())).toList());
  }

  @GET
  @Path("/endpoints")
  @Operation(summary = "The tenant's webhook endpoints (without their secrets)")
  public Items<WebhookEndpoint> endpoints() {
    return new Items<>(webhooks.endpoints());
  }

  @POST
  @Path("/endpoints")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Register an endpoint; the answer carries its signing secret, shown this once (422 for a"
              + " URL the portal will not post to)")
  @APIResponse(
      responseCode = "201",
      description = "The endpoint and its secret, shown this once; Location names it",
      content = @Content(schema = @Schema(implementation = WebhookService.Created.class)))
  public Response create(EndpointBody body) {
    WebhookService.Created created = webhooks.create(body == null ? null : body.request());
    return Response.status(201)
        .header("Location", "/api/v1/webhooks/endpoints/" + created.endpoint().id())
        .tag(etag(created.endpoint()))
        .entity(created)
        .build();
  }

  @GET
  @Path("/endpoints/{id}")
  @Operation(summary = "One endpoint, its version as the ETag")
  @APIResponse(
      responseCode = "200",
      description = "The endpoint; its version is the ETag",
      content = @Content(schema = @Schema(implementation = WebhookEndpoint.class)))
  public Response endpoint(@PathParam("id") long id) {
    WebhookEndpoint endpoint = webhooks.endpoint(id);
    return Response.ok(endpoint).tag(etag(endpoint)).build();
  }

  @PUT
  @Path("/endpoints/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Change an endpoint at the version last seen (If-Match or the body's version; 412 if stale)")
  @APIResponse(
      responseCode = "200",
      description = "The endpoint as changed; its new version is the ETag",
      content = @Content(schema = @Schema(implementation = WebhookEndpoint.class)))
  public Response update(
      @PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, EndpointBody body) {
    Long version = version(ifMatch).orElse(body == null ? null : body.version());
    WebhookEndpoint endpoint = webhooks.update(id, version, body == null ? null : body.request());
    return Response.ok(endpoint).tag(etag(endpoint)).build();
  }

  @DELETE
  @Path("/endpoints/{id}")
  @Operation(summary = "Delete an endpoint with its deliveries")
  public Response delete(@PathParam("id") long id) {
    webhooks.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("/endpoints/{id}/rotate-secret")
  @Operation(
      summary =
          "A new signing secret, shown this once; the previous one keeps signing for the grace period")
  public WebhookService.Rotated rotate(@PathParam("id") long id) {
    return webhooks.rotateSecret(id);
  }

  @GET
  @Path("/deliveries")
  @Operation(
      summary =
          "The delivery log, newest first, by endpoint and status (PENDING, DELIVERED, FAILED), keyset-paginated")
  public Page<WebhookDelivery> deliveries(
      @QueryParam("endpoint") Long endpoint,
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return webhooks.deliveries(
        Optional.ofNullable(endpoint), status(status), PageRequest.of(limit, cursor));
  }

  @GET
  @Path("/deliveries/{id}")
  @Operation(summary = "One delivery with every attempt")
  public WebhookDelivery delivery(@PathParam("id") long id) {
    return webhooks.delivery(id);
  }

  @POST
  @Path("/deliveries/{id}/redeliver")
  @Operation(summary = "Send a delivery's event to its endpoint again, as a new delivery")
  @APIResponse(
      responseCode = "202",
      description = "The new delivery, queued; Location names it",
      content = @Content(schema = @Schema(implementation = WebhookDelivery.class)))
  public Response redeliver(@PathParam("id") long id) {
    WebhookDelivery delivery = webhooks.redeliver(id);
    return Response.status(202)
        .header("Location", "/api/v1/webhooks/deliveries/" + delivery.id())
        .entity(delivery)
        .build();
  }

  private static Optional<WebhookDelivery.Status> status(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(WebhookDelivery.Status.valueOf(text.strip()));
    } catch (IllegalArgumentException e) {
      throw new InvalidFields(
          "Unknown status.",
          List.of(
              new FieldError(
                  "status", "must be one of " + List.of(WebhookDelivery.Status.values()))));
    }
  }

  private static EntityTag etag(WebhookEndpoint endpoint) {
    return new EntityTag(String.valueOf(endpoint.version()));
  }

  /** The version an If-Match names ("3", W/"3" or 3); empty without the header. */
  static Optional<Long> version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return Optional.empty();
    }
    String v = ifMatch.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    v = v.replace("\"", "");
    try {
      return Optional.of(Long.parseLong(v));
    } catch (NumberFormatException e) {
      throw new InvalidFields(
          "If-Match must carry an ETag this API gave.",
          List.of(new FieldError("If-Match", "must be a version like \"3\"")));
    }
  }
}
