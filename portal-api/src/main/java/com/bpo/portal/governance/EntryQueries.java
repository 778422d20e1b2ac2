package com.bpo.portal.governance;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProcessArea;
import com.bpo.portal.shared.sql.Keyset;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.Statement;
import com.bpo.portal.shared.sql.TenantSql;
import com.bpo.portal.tenant.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the governance log: entries, their links, comments and history events, and the people
 * who can own them (read from the tenant's staff). Every statement is the tenant's through {@link
 * TenantSql}; rows are read by column name.
 */
@ApplicationScoped
class EntryQueries {
  private static final String COLUMNS =
      "id, type, title, process_area, priority, likelihood, impact, owner, "
          + "due_date, status, escalation_level, proposed, meeting_id, updated_at, version, description, created_by, "
          + "created_at";

  @Inject TenantSql sql;
  @Inject com.bpo.portal.tenant.StaffDirectory staffDirectory;

  /** What the log lists, beyond the statuses every list names. */
  record Criteria(EntryFilter filter, Optional<String> ownedBy, LocalDate today) {}

  Page<StoredEntry> list(Criteria criteria, EntrySort sort, PageRequest page) {
    EntryFilter filter = criteria.filter();
    Statement q =
        sql.sql(
                "select "
                    + COLUMNS
                    + " from governance_entry where tenant_id = :tenant"
                    + " and status = any(:statuses)")
            .bind("statuses", filter.statusesOrAll());
    if (!filter.types().isEmpty()) {
      q.and("type = any(:types)", "types", filter.types());
    }
    if (!filter.areas().isEmpty()) {
      q.and("process_area = any(:areas)", "areas", filter.areas());
    }
    q.andIf(filter.owner(), "owner = :owner", "owner");
    q.andIf(criteria.ownedBy(), "owner = :ownedBy", "ownedBy");
    if (filter.overdueOnly()) {
      q.and(
          "status in ('OPEN', 'IN_PROGRESS', 'ESCALATED') and due_date < :today",
          "today",
          criteria.today());
    }
    q.andIf(filter.minLevel(), "escalation_level >= :minLevel", "minLevel");
    q.andIf(filter.meetingId(), "meeting_id = :meetingId", "meetingId");
    Keyset keyset =
        sort == EntrySort.DUE
            ? Keyset.ascending(sort.expression, "id", LocalDate::parse)
            : Keyset.descending(sort.expression, "id", OffsetDateTime::parse);
    return q.keyset(keyset, page)
        .page(
            EntryQueries::entry,
            e ->
                List.of(
                    sort == EntrySort.DUE
                        ? String.valueOf(
                            e.dueDate() == null ? LocalDate.of(9999, 12, 31) : e.dueDate())
                        : e.updatedAt().toString(),
                    String.valueOf(e.id())));
  }

  Optional<StoredEntry> find(long id, boolean forUpdate) {
    return sql.sql(
            "select "
                + COLUMNS
                + " from governance_entry where tenant_id = :tenant and id = :id"
                + (forUpdate ? " for update" : ""))
        .bind("id", id)
        .optional(EntryQueries::entry);
  }

  /**
   * Actions changed since {@code since} (any status), newest first; only the owner's when one is
   * named.
   */
  List<StoredEntry> actionsChangedSince(OffsetDateTime since, Optional<String> ownedBy, int limit) {
    return sql.sql(
            "select "
                + COLUMNS
                + " from governance_entry where tenant_id = :tenant and type = 'ACTION'"
                + " and updated_at >= :since")
        .bind("since", since)
        .andIf(ownedBy, "owner = :owner", "owner")
        .append("order by updated_at desc, id desc limit :limit")
        .bind("limit", limit)
        .list(EntryQueries::entry);
  }

  /**
   * Live entries due before {@code today}, locked for the escalation round (others' locks are
   * skipped).
   */
  List<StoredEntry> overdueForUpdate(LocalDate today) {
    return sql.sql(
            "select "
                + COLUMNS
                + " from governance_entry where tenant_id = :tenant"
                + " and status in ('OPEN', 'IN_PROGRESS', 'ESCALATED') and due_date < :today"
                + " order by due_date, id for update skip locked")
        .bind("today", today)
        .list(EntryQueries::entry);
  }

  List<EntryDetail.Comment> comments(long entryId) {
    return sql.sql(
            "select id, author, body, at from governance_comment where tenant_id = :tenant"
                + " and entry_id = :entry order by at, id")
        .bind("entry", entryId)
        .list(
            r ->
                new EntryDetail.Comment(
                    r.longValue("id"), r.string("author"), r.string("body"), r.timestamp("at")));
  }

  List<EntryDetail.Event> history(long entryId) {
    return sql.sql(
            "select at, actor, action, field, before, after, note from governance_event"
                + " where tenant_id = :tenant and entry_id = :entry order by at, id")
        .bind("entry", entryId)
        .list(
            r ->
                new EntryDetail.Event(
                    r.timestamp("at"),
                    r.string("actor"),
                    r.string("action"),
                    r.string("field"),
                    r.string("before"),
                    r.string("after"),
                    r.string("note")));
  }

  record StoredLink(LinkKind kind, long targetId) {}

  List<StoredLink> links(long entryId) {
    return sql.sql(
            "select kind, target_id from governance_link where tenant_id = :tenant and entry_id = :entry"
                + " order by kind, target_id")
        .bind("entry", entryId)
        .list(r -> new StoredLink(r.enumValue("kind", LinkKind.class), r.longValue("target_id")));
  }

  /** The tenant's active people (BPO staff and client stakeholders), by name. */
  List<StaffMember> staff() {
    // staff and their roles belong to the tenant feature: one query for every feature
    return staffDirectory.staff(com.bpo.portal.tenant.TenantRole.STAFF);
  }

  // ---------------------------------------------------------------- writing

  /** The fields a form writes, already validated and stripped. */
  record Fields(
      String title,
      String description,
      ProcessArea area,
      Priority priority,
      Integer likelihood,
      Integer impact,
      String owner,
      LocalDate dueDate) {}

  long insert(EntryType type, Fields f, Long meetingId, String createdBy) {
    return fields(
            f,
            sql.sql(
                """
            insert into governance_entry (tenant_id, type, title, description, process_area, priority, likelihood,
                                          impact, owner, due_date, meeting_id, created_by)
            values (:tenant, :type, :title, :description, :area, :priority, cast(:likelihood as integer),
                    cast(:impact as integer), :owner, cast(:due as date), cast(:meeting as bigint), :createdBy)
            returning id"""))
        .bind("type", type)
        .bind("createdBy", createdBy)
        .bind("meeting", meetingId)
        .one(r -> r.longValue("id"));
  }

  /**
   * Writes the fields if the entry is still at {@code version}; false when someone changed it
   * meanwhile.
   */
  boolean update(long id, long version, Fields f) {
    return fields(
                f,
                sql.sql(
                    """
            update governance_entry set title = :title, description = :description, process_area = :area,
                   priority = :priority, likelihood = cast(:likelihood as integer), impact = cast(:impact as integer),
                   owner = :owner, due_date = cast(:due as date), updated_at = now(), version = version + 1
            where tenant_id = :tenant and id = :id and version = :version"""))
            .bind("id", id)
            .bind("version", version)
            .update()
        > 0;
  }

  /** Binds the form's fields, named alike in the insert and the update. */
  private static Statement fields(Fields f, Statement statement) {
    return statement
        .bind("title", f.title())
        .bind("description", f.description())
        .bind("area", f.area())
        .bind("priority", f.priority())
        .bind("likelihood", f.likelihood())
        .bind("impact", f.impact())
        .bind("owner", f.owner())
        .bind("due", f.dueDate());
  }

  /** Moves the entry if it is still at {@code version}; false when someone changed it meanwhile. */
  boolean move(long id, long version, EntryStatus to, int level, boolean proposed) {
    return sql.sql(
                "update governance_entry set status = :status, escalation_level = :level, proposed = :proposed,"
                    + " updated_at = now(), version = version + 1 where tenant_id = :tenant and id = :id"
                    + " and version = :version")
            .bind("id", id)
            .bind("version", version)
            .bind("status", to)
            .bind("level", level)
            .bind("proposed", proposed)
            .update()
        > 0;
  }

  void touch(long id) {
    sql.sql("update governance_entry set updated_at = now() where tenant_id = :tenant and id = :id")
        .bind("id", id)
        .update();
  }

  void insertComment(long entryId, String author, String body) {
    sql.sql(
            "insert into governance_comment (tenant_id, entry_id, author, body)"
                + " values (:tenant, :entry, :author, :body)")
        .bind("entry", entryId)
        .bind("author", author)
        .bind("body", body)
        .update();
  }

  /** Links the entry; false when the link was there already. */
  boolean insertLink(long entryId, LinkKind kind, long targetId, String createdBy) {
    return sql.sql(
                "insert into governance_link (tenant_id, entry_id, kind, target_id, created_by)"
                    + " values (:tenant, :entry, :kind, :target, :createdBy) on conflict do nothing")
            .bind("entry", entryId)
            .bind("kind", kind)
            .bind("target", targetId)
            .bind("createdBy", createdBy)
            .update()
        > 0;
  }

  boolean deleteLink(long entryId, LinkKind kind, long targetId) {
    return sql.sql(
                "delete from governance_link where tenant_id = :tenant and entry_id = :entry and kind = :kind"
                    + " and target_id = :target")
            .bind("entry", entryId)
            .bind("kind", kind)
            .bind("target", targetId)
            .update()
        > 0;
  }

  /** One line of the entry's history. */
  void event(
      long entryId,
      String actor,
      String action,
      String field,
      String before,
      String after,
      String note) {
    sql.sql(
            "insert into governance_event (tenant_id, entry_id, actor, action, field, before, after, note)"
                + " values (:tenant, :entry, :actor, :action, :field, :before, :after, :note)")
        .bind("entry", entryId)
        .bind("actor", actor)
        .bind("action", action)
        .bind("field", field)
        .bind("before", before)
        .bind("after", after)
        .bind("note", note)
        .update();
  }

  /** A proposed root-cause action, once per key: empty when the key has its proposal already. */
  Optional<Long> insertProposal(
      String title,
      String description,
      ProcessArea area,
      LocalDate due,
      String key,
      String createdBy) {
    return sql.sql(
            """
            insert into governance_entry (tenant_id, type, title, description, process_area, priority, due_date,
                                          proposed, root_cause_key, created_by)
            values (:tenant, 'ACTION', :title, :description, :area, 'HIGH', :due, true, :key, :createdBy)
            on conflict (tenant_id, root_cause_key) do nothing returning id""")
        .bind("title", title)
        .bind("description", description)
        .bind("area", area)
        .bind("due", due)
        .bind("key", key)
        .bind("createdBy", createdBy)
        .optional(r -> r.longValue("id"));
  }

  private static StoredEntry entry(Row r) {
    return new StoredEntry(
        r.longValue("id"),
        r.enumValue("type", EntryType.class),
        r.string("title"),
        r.enumValue("process_area", ProcessArea.class),
        r.enumValue("priority", Priority.class),
        r.intOrNull("likelihood"),
        r.intOrNull("impact"),
        r.string("owner"),
        r.date("due_date"),
        r.enumValue("status", EntryStatus.class),
        r.intValue("escalation_level"),
        r.bool("proposed"),
        r.longOrNull("meeting_id"),
        r.timestamp("updated_at"),
        r.longValue("version"),
        r.string("description"),
        r.string("created_by"),
        r.timestamp("created_at"));
  }
}
