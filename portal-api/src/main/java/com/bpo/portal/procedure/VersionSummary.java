package com.bpo.portal.procedure;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A version of a procedure: its number, state, who wrote and approved it, and the dates it was in
 * force ({@code effectiveTo} exclusive). {@code version} is its lock version, sent back with each
 * step.
 */
@JsonbNillable
public record VersionSummary(
    long id,
    int number,
    VersionStatus status,
    String author,
    OffsetDateTime createdAt,
    String changeNote,
    String approvedBy,
    OffsetDateTime approvedAt,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    long version) {}
