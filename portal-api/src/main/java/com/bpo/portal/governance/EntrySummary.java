package com.bpo.portal.governance;

import com.bpo.portal.shared.ProcessArea;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A row of the log: what the grid and the board show. {@code overdue} is measured on the tenant's
 * today.
 */
public record EntrySummary(
    long id,
    String number,
    EntryType type,
    String title,
    ProcessArea area,
    Priority priority,
    Integer riskScore,
    String owner,
    LocalDate dueDate,
    EntryStatus status,
    int escalationLevel,
    boolean overdue,
    boolean proposed,
    Long meetingId,
    OffsetDateTime updatedAt,
    long version) {
  public static String number(long id) {
    return "G-" + id;
  }
}
