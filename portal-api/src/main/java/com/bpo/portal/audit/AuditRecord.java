package com.bpo.portal.audit;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;

/**
 * One line of the audit trail as the auditor reads it: before and after hold only the fields an
 * update changed (whole rows for inserts and deletes); {@code sealSeq} is null until sealed.
 */
public record AuditRecord(
    long id,
    OffsetDateTime occurredAt,
    String actor,
    String action,
    String entity,
    String entityId,
    JsonObject before,
    JsonObject after,
    String requestId,
    Long sealSeq) {}
