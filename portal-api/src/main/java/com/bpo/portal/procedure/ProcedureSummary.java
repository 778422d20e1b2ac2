package com.bpo.portal.procedure;

import com.bpo.portal.shared.ProcessArea;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.LocalDate;

/**
 * One procedure of the library: what it is, who owns it, when it is next reviewed, the version that
 * is effective (if any) and the one being made (if any). {@code version} is the procedure's lock
 * version.
 */
@JsonbNillable
public record ProcedureSummary(
    long id,
    String title,
    ProcessArea processArea,
    String owner,
    String ownerName,
    int reviewIntervalMonths,
    boolean clientApprovalRequired,
    LocalDate nextReviewOn,
    ReviewSchedule.State reviewState,
    Integer effectiveNumber,
    LocalDate effectiveFrom,
    Integer openNumber,
    VersionStatus openStatus,
    long version) {}
