package com.bpo.portal.audit;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the auditor narrows the trail to; every part optional. Dates are inclusive, in the tenant's
 * zone.
 */
public record AuditFilter(
    Optional<String> entity,
    Optional<String> entityId,
    Optional<String> actor,
    Optional<String> action,
    Optional<LocalDate> from,
    Optional<LocalDate> to) {
  public static AuditFilter none() {
    return new AuditFilter(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public static AuditFilter ofRecord(String entity, String entityId) {
    return new AuditFilter(
        Optional.of(entity),
        Optional.of(entityId),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
