package com.bpo.portal.governance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * One entry with everything about it: description, risk scores, links, the comment thread, the
 * history of every change, and what the reader may do now.
 */
public record EntryDetail(
    EntrySummary entry,
    String description,
    Integer likelihood,
    Integer impact,
    String createdBy,
    OffsetDateTime createdAt,
    List<Link> links,
    List<Comment> comments,
    List<Event> history,
    Set<EntryAction> actions,
    boolean mayEdit,
    boolean mayComment,
    boolean mayReassign) {
  public record Link(LinkKind kind, long targetId, String label) {}

  public record Comment(long id, String author, String body, OffsetDateTime at) {}

  /**
   * One change: a step, a field edited (with its value before and after), a link, an escalation.
   */
  public record Event(
      OffsetDateTime at,
      String actor,
      String action,
      String field,
      String before,
      String after,
      String note) {}
}
