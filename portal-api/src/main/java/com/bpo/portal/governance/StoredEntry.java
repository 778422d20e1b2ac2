package com.bpo.portal.governance;

import com.bpo.portal.shared.ProcessArea;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A log entry as stored, read by {@link EntryQueries}; services turn it into summaries and details.
 */
record StoredEntry(
    long id,
    EntryType type,
    String title,
    ProcessArea area,
    Priority priority,
    Integer likelihood,
    Integer impact,
    String owner,
    LocalDate dueDate,
    EntryStatus status,
    int level,
    boolean proposed,
    Long meetingId,
    OffsetDateTime updatedAt,
    long version,
    String description,
    String createdBy,
    OffsetDateTime createdAt) {

  EntrySummary summary(LocalDate today) {
    boolean overdue = status.isLive() && dueDate != null && dueDate.isBefore(today);
    Integer score = likelihood == null || impact == null ? null : likelihood * impact;
    return new EntrySummary(
        id,
        EntrySummary.number(id),
        type,
        title,
        area,
        priority,
        score,
        owner,
        dueDate,
        status,
        level,
        overdue,
        proposed,
        meetingId,
        updatedAt,
        version);
  }
}
