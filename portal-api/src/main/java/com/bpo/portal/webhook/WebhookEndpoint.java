package com.bpo.portal.webhook;

import java.time.OffsetDateTime;
import java.util.List;

/** A receiver a tenant registered, with the event codes it wants; never its secret. */
public record WebhookEndpoint(
    long id,
    String url,
    String description,
    List<String> events,
    boolean enabled,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime secretRotatedAt,
    long version) {}
