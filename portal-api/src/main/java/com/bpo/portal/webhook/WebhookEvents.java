package com.bpo.portal.webhook;

import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Map;

/**
 * What features call when something a tenant's systems may want to hear of has happened: the event
 * goes into the outbox in the CALLER's transaction, so it is delivered only if the change commits,
 * and a receiver that is down delays it without failing the change. Costs one statement, which
 * writes nothing when no endpoint of the tenant wants the event. The data carries ids, numbers,
 * amounts (as decimal strings) and states, never free text: a receiver reads the rest through the
 * API with its own rights.
 */
@TenantService
public class WebhookEvents {
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject WebhookQueries queries;

  public void publish(WebhookEventType type, Map<String, ?> data) {
    queries.publish(type.code(), JSON.toJson(data));
  }

  /**
   * Many events of one type, in the order given, in one statement (a bank statement's block of
   * payments); nothing is written, nor serialised, when no endpoint of the tenant wants the type.
   */
  public void publishAll(WebhookEventType type, List<? extends Map<String, ?>> data) {
    if (data.isEmpty() || !queries.wanted(type.code())) {
      return;
    }
    queries.publishAll(type.code(), data.stream().map(JSON::toJson).toList());
  }
}
