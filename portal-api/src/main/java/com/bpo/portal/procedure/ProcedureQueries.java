package com.bpo.portal.procedure;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.ProcessArea;
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
import java.util.function.Function;

/**
 * The SQL of desk-top procedures: the procedure, its versions, attachments, acknowledgements,
 * reviews and history events. Names of people are read from the tenant's staff. Every statement is
 * the tenant's through {@link TenantSql}; rows are read by column name.
 */
@ApplicationScoped
class ProcedureQueries {
  private static final String SUMMARY =
      """
      select p.id, p.title, p.process_area, p.owner, coalesce(s.display_name, p.owner) as owner_name,
             p.review_interval_months, p.client_approval_required, p.next_review_on,
             e.number as effective_number, e.effective_from, o.number as open_number, o.status as open_status,
             p.version
      from procedure p
      left join tenant_staff s on s.tenant_id = p.tenant_id and s.username = p.owner
      left join procedure_version e on e.tenant_id = p.tenant_id and e.procedure_id = p.id and e.status = 'EFFECTIVE'
      left join procedure_version o on o.tenant_id = p.tenant_id and o.procedure_id = p.id
                                    and o.status in ('DRAFT', 'IN_REVIEW', 'APPROVED')
      where p.tenant_id = :tenant""";

  private static final String VERSION =
      """
      select id, number, status, author, created_at, change_note, approved_by, approved_at, effective_from,
             effective_to, version
      from procedure_version where tenant_id = :tenant""";

  @Inject TenantSql sql;
  @Inject com.bpo.portal.tenant.StaffDirectory staffDirectory;

  // ---------------------------------------------------------------- procedures

  /**
   * The library by process area, title and id. The order has two sort columns before the id, so the
   * cursor is one row comparison over all three (written here, as {@code Keyset} holds one).
   */
  Page<ProcedureSummary> list(Optional<ProcessArea> area, PageRequest page, LocalDate today) {
    Statement q = sql.sql(SUMMARY).andIf(area, "p.process_area = :area", "area");
    page.after()
        .ifPresent(
            key -> {
              if (key.size() != 3) {
                throw invalidCursor();
              }
              q.and("(p.process_area, p.title, p.id) > (:afterArea, :afterTitle, :afterId)")
                  .bind("afterArea", key.get(0))
                  .bind("afterTitle", key.get(1))
                  .bind("afterId", parseId(key.get(2)));
            });
    q.append("order by p.process_area, p.title, p.id limit :limit").bind("limit", page.limit() + 1);
    return page.page(
        q.list(summary(today)),
        s -> List.of(s.processArea().name(), s.title(), String.valueOf(s.id())));
  }

  Optional<ProcedureSummary> find(long id, LocalDate today) {
    return sql.sql(SUMMARY + " and p.id = :id").bind("id", id).optional(summary(today));
  }

  /** Procedures whose next review is on or before {@code by}, the oldest first. */
  List<ProcedureSummary> reviewsDueBy(LocalDate by, LocalDate today) {
    return sql.sql(
            SUMMARY
                + " and p.next_review_on is not null and p.next_review_on <= :by"
                + " order by p.next_review_on, p.id limit 500")
        .bind("by", by)
        .list(summary(today));
  }

  Optional<Long> firstOfArea(ProcessArea area) {
    return sql.sql(
            "select id from procedure where tenant_id = :tenant and process_area = :area"
                + " order by title, id limit 1")
        .bind("area", area)
        .optional(r -> r.longValue("id"));
  }

  /** Locks the procedure's row for the rest of the transaction; false when there is none. */
  boolean lock(long id) {
    return sql.sql("select id from procedure where tenant_id = :tenant and id = :id for update")
        .bind("id", id)
        .optional(r -> r.longValue("id"))
        .isPresent();
  }

  /** Whether another procedure (not {@code except}) has this title, in any case. */
  boolean titleTaken(String title, Optional<Long> except) {
    return sql.sql(
            "select id from procedure where tenant_id = :tenant and lower(title) = lower(:title)")
        .bind("title", title)
        .andIf(except, "id <> :except", "except")
        .append("limit 1")
        .optional(r -> r.longValue("id"))
        .isPresent();
  }

  /** The facts of a procedure as stored. */
  record Facts(
      String title, ProcessArea area, String owner, int interval, boolean clientApproval) {}

  long insert(Facts f, String searchConfig) {
    return sql.sql(
            """
            insert into procedure (tenant_id, title, process_area, owner, review_interval_months,
                                   client_approval_required, search_config)
            values (:tenant, :title, :area, :owner, :interval, :approval, cast(:config as regconfig)) returning id""")
        .bind("title", f.title())
        .bind("area", f.area())
        .bind("owner", f.owner())
        .bind("interval", f.interval())
        .bind("approval", f.clientApproval())
        .bind("config", searchConfig)
        .one(r -> r.longValue("id"));
  }

  void update(long id, Facts f, LocalDate nextReview) {
    sql.sql(
            """
            update procedure set title = :title, process_area = :area, owner = :owner,
                   review_interval_months = :interval, client_approval_required = :approval,
                   next_review_on = cast(:next as date), version = version + 1
            where tenant_id = :tenant and id = :id""")
        .bind("id", id)
        .bind("title", f.title())
        .bind("area", f.area())
        .bind("owner", f.owner())
        .bind("interval", f.interval())
        .bind("approval", f.clientApproval())
        .bind("next", nextReview)
        .update();
  }

  /** Sets the next review (none for null) and forgets the reminders sent for the one before. */
  void scheduleReview(long id, LocalDate next) {
    sql.sql(
            "update procedure set next_review_on = cast(:next as date), reminded_due_for = null,"
                + " reminded_overdue_for = null, version = version + 1 where tenant_id = :tenant and id = :id")
        .bind("id", id)
        .bind("next", next)
        .update();
  }

  void noReview(long id) {
    sql.sql(
            "update procedure set next_review_on = null, version = version + 1 where tenant_id = :tenant and id = :id")
        .bind("id", id)
        .update();
  }

  void bump(long id) {
    sql.sql("update procedure set version = version + 1 where tenant_id = :tenant and id = :id")
        .bind("id", id)
        .update();
  }

  // ---------------------------------------------------------------- versions

  List<VersionSummary> versions(long procedureId) {
    return sql.sql(VERSION + " and procedure_id = :procedure order by number desc")
        .bind("procedure", procedureId)
        .list(ProcedureQueries::version);
  }

  Optional<VersionSummary> version(long procedureId, long versionId) {
    return sql.sql(VERSION + " and procedure_id = :procedure and id = :id")
        .bind("procedure", procedureId)
        .bind("id", versionId)
        .optional(ProcedureQueries::version);
  }

  /** The version whose stored date range holds {@code day}. */
  Optional<VersionSummary> effectiveOn(long procedureId, LocalDate day) {
    return sql.sql(
            VERSION
                + " and procedure_id = :procedure and effective_from is not null"
                + " and daterange(effective_from, effective_to) @> cast(:day as date)")
        .bind("procedure", procedureId)
        .bind("day", day)
        .optional(ProcedureQueries::version);
  }

  String content(long versionId) {
    return sql.sql("select content from procedure_version where tenant_id = :tenant and id = :id")
        .bind("id", versionId)
        .one(r -> r.string("content"));
  }

  long insertVersion(
      long procedureId, int number, String content, String changeNote, String author) {
    return sql.sql(
            """
            insert into procedure_version (tenant_id, procedure_id, number, content, change_note, author)
            values (:tenant, :procedure, :number, :content, :note, :author) returning id""")
        .bind("procedure", procedureId)
        .bind("number", number)
        .bind("content", content)
        .bind("note", changeNote)
        .bind("author", author)
        .one(r -> r.longValue("id"));
  }

  void editDraft(long versionId, String content, String changeNote) {
    sql.sql(
            "update procedure_version set content = :content, change_note = :note, version = version + 1"
                + " where tenant_id = :tenant and id = :id")
        .bind("id", versionId)
        .bind("content", content)
        .bind("note", changeNote)
        .update();
  }

  void move(long versionId, VersionStatus to) {
    sql.sql(
            "update procedure_version set status = :status, version = version + 1 where tenant_id = :tenant"
                + " and id = :id")
        .bind("id", versionId)
        .bind("status", to)
        .update();
  }

  void approve(long versionId, String approvedBy) {
    sql.sql(
            "update procedure_version set status = 'APPROVED', approved_by = :by, approved_at = now(),"
                + " version = version + 1 where tenant_id = :tenant and id = :id")
        .bind("id", versionId)
        .bind("by", approvedBy)
        .update();
  }

  /** Ends a version's time in force on {@code to} (exclusive), as superseded or retired. */
  void end(long versionId, VersionStatus status, LocalDate to) {
    sql.sql(
            "update procedure_version set status = :status, effective_to = :to, version = version + 1"
                + " where tenant_id = :tenant and id = :id")
        .bind("id", versionId)
        .bind("status", status)
        .bind("to", to)
        .update();
  }

  void makeEffective(long versionId, LocalDate from) {
    sql.sql(
            "update procedure_version set status = 'EFFECTIVE', effective_from = :from, version = version + 1"
                + " where tenant_id = :tenant and id = :id")
        .bind("id", versionId)
        .bind("from", from)
        .update();
  }

  // ---------------------------------------------------------------- attachments

  List<VersionDetail.Attachment> attachments(long versionId) {
    return sql.sql(
            """
            select id, file_name, media_type, size_bytes, sha256, uploaded_by, at from procedure_attachment
            where tenant_id = :tenant and version_id = :version order by id""")
        .bind("version", versionId)
        .list(
            r ->
                new VersionDetail.Attachment(
                    r.longValue("id"),
                    r.string("file_name"),
                    r.string("media_type"),
                    r.intValue("size_bytes"),
                    r.string("sha256").trim(),
                    r.string("uploaded_by"),
                    r.timestamp("at")));
  }

  record StoredAttachment(long id, OffsetDateTime at) {}

  StoredAttachment insertAttachment(
      long versionId, ProcedureAttachmentCheck.Accepted file, byte[] content, String uploadedBy) {
    return sql.sql(
            """
            insert into procedure_attachment (tenant_id, version_id, file_name, media_type, size_bytes, sha256,
                                              content, uploaded_by)
            values (:tenant, :version, :name, :type, :size, :sha, :content, :by) returning id, at""")
        .bind("version", versionId)
        .bind("name", file.fileName())
        .bind("type", file.mediaType())
        .bind("size", content.length)
        .bind("sha", file.sha256())
        .bind("content", content)
        .bind("by", uploadedBy)
        .one(r -> new StoredAttachment(r.longValue("id"), r.timestamp("at")));
  }

  /** Copies a version's attachments onto a new draft. */
  void copyAttachments(long fromVersionId, long toVersionId) {
    sql.sql(
            """
            insert into procedure_attachment (tenant_id, version_id, file_name, media_type, size_bytes, sha256,
                                              content, uploaded_by, at)
            select tenant_id, :to, file_name, media_type, size_bytes, sha256, content, uploaded_by, at
            from procedure_attachment where tenant_id = :tenant and version_id = :from order by id""")
        .bind("from", fromVersionId)
        .bind("to", toVersionId)
        .update();
  }

  Optional<ProcedureService.AttachmentContent> attachmentContent(
      long versionId, long attachmentId) {
    return sql.sql(
            "select file_name, media_type, content from procedure_attachment where tenant_id = :tenant"
                + " and version_id = :version and id = :id")
        .bind("version", versionId)
        .bind("id", attachmentId)
        .optional(
            r ->
                new ProcedureService.AttachmentContent(
                    r.string("file_name"), r.string("media_type"), r.bytes("content")));
  }

  // ---------------------------------------------------------------- acknowledgements, reviews,
  // history

  List<ProcedureDetail.Acknowledgement> acknowledged(VersionSummary v) {
    return sql.sql(
            """
            select a.username, coalesce(s.display_name, a.username) as display_name, a.acknowledged_at
            from procedure_acknowledgement a
            left join tenant_staff s on s.tenant_id = a.tenant_id and s.username = a.username
            where a.tenant_id = :tenant and a.version_id = :version order by a.acknowledged_at, a.username""")
        .bind("version", v.id())
        .list(
            r ->
                new ProcedureDetail.Acknowledgement(
                    r.string("username"),
                    r.string("display_name"),
                    v.id(),
                    v.number(),
                    r.timestamp("acknowledged_at")));
  }

  /** The tenant's active BPO staff who have not acknowledged the version. */
  List<ProcedureDetail.Person> notAcknowledged(long versionId) {
    return sql.sql(
            """
            select s.username, s.display_name from tenant_staff s
            where s.tenant_id = :tenant and s.active and s.role in ('bpo-lead', 'bpo-agent')
              and not exists (select 1 from procedure_acknowledgement a where a.tenant_id = s.tenant_id
                              and a.version_id = :version and a.username = s.username)
            order by s.display_name, s.username""")
        .bind("version", versionId)
        .list(r -> new ProcedureDetail.Person(r.string("username"), r.string("display_name")));
  }

  /** Records the acknowledgement once; false when the user had acknowledged the version already. */
  boolean acknowledge(long versionId, String username) {
    return sql.sql(
                "insert into procedure_acknowledgement (tenant_id, version_id, username)"
                    + " values (:tenant, :version, :username) on conflict do nothing")
            .bind("version", versionId)
            .bind("username", username)
            .update()
        == 1;
  }

  List<ProcedureDetail.Review> reviews(long procedureId) {
    return sql.sql(
            """
            select r.id, v.number, r.outcome, r.reviewed_by, r.reviewed_at, r.due_on, r.comment
            from procedure_review r
            left join procedure_version v on v.tenant_id = r.tenant_id and v.id = r.version_id
            where r.tenant_id = :tenant and r.procedure_id = :procedure order by r.reviewed_at desc, r.id desc""")
        .bind("procedure", procedureId)
        .list(
            r ->
                new ProcedureDetail.Review(
                    r.longValue("id"),
                    r.intOrNull("number"),
                    r.string("outcome"),
                    r.string("reviewed_by"),
                    r.timestamp("reviewed_at"),
                    r.date("due_on"),
                    r.string("comment")));
  }

  /** When the procedure's review was last confirmed, if ever. */
  Optional<OffsetDateTime> lastConfirmed(long procedureId) {
    return Optional.ofNullable(
        sql.sql(
                "select max(reviewed_at) as confirmed from procedure_review"
                    + " where tenant_id = :tenant and procedure_id = :procedure and outcome = 'CONFIRMED'")
            .bind("procedure", procedureId)
            .one(r -> r.timestamp("confirmed")));
  }

  void insertReview(
      long procedureId,
      long versionId,
      ReviewRequest.Outcome outcome,
      String reviewedBy,
      LocalDate dueOn,
      String comment) {
    sql.sql(
            """
            insert into procedure_review (tenant_id, procedure_id, version_id, outcome, reviewed_by, due_on, comment)
            values (:tenant, :procedure, :version, :outcome, :by, cast(:due as date), :comment)""")
        .bind("procedure", procedureId)
        .bind("version", versionId)
        .bind("outcome", outcome)
        .bind("by", reviewedBy)
        .bind("due", dueOn)
        .bind("comment", comment)
        .update();
  }

  List<ProcedureDetail.Event> history(long procedureId) {
    return sql.sql(
            """
            select e.at, e.actor, e.action, v.number, e.from_status, e.to_status, e.note from procedure_event e
            left join procedure_version v on v.tenant_id = e.tenant_id and v.id = e.version_id
            where e.tenant_id = :tenant and e.procedure_id = :procedure order by e.at desc, e.id desc""")
        .bind("procedure", procedureId)
        .list(
            r ->
                new ProcedureDetail.Event(
                    r.timestamp("at"),
                    r.string("actor"),
                    r.string("action"),
                    r.intOrNull("number"),
                    r.enumValue("from_status", VersionStatus.class),
                    r.enumValue("to_status", VersionStatus.class),
                    r.string("note")));
  }

  void event(
      long procedureId,
      Long versionId,
      String actor,
      String action,
      VersionStatus from,
      VersionStatus to,
      String note) {
    sql.sql(
            "insert into procedure_event (tenant_id, procedure_id, version_id, actor, action, from_status, to_status,"
                + " note) values (:tenant, :procedure, cast(:version as bigint), :actor, :action, :from, :to, :note)")
        .bind("procedure", procedureId)
        .bind("version", versionId)
        .bind("actor", actor)
        .bind("action", action)
        .bind("from", from)
        .bind("to", to)
        .bind("note", note)
        .update();
  }

  // ---------------------------------------------------------------- people and reminders

  /** The tenant's active BPO leads: who may own a procedure. */
  List<ProcedureDetail.Person> leads() {
    return staffDirectory
        .staff(java.util.EnumSet.of(com.bpo.portal.tenant.TenantRole.BPO_LEAD))
        .stream()
        .map(s -> new ProcedureDetail.Person(s.username(), s.displayName()))
        .toList();
  }

  /** Display names of the tenant's active staff and stakeholders, by username. */
  java.util.Map<String, String> staffNames() {
    return staffDirectory.staff(com.bpo.portal.tenant.TenantRole.STAFF).stream()
        .collect(
            java.util.stream.Collectors.toMap(
                StaffMember::username, StaffMember::displayName, (a, b) -> a));
  }

  /**
   * The addresses of the tenant's active BPO staff, who are asked to read a version made effective.
   */
  List<String> bpoStaffEmails() {
    return staffDirectory.staff(com.bpo.portal.tenant.TenantRole.BPO).stream()
        .filter(s -> s.email() != null)
        .sorted(java.util.Comparator.comparing(StaffMember::username))
        .map(StaffMember::email)
        .toList();
  }

  /** A procedure whose review comes due, with what was reminded for it and its owner's address. */
  record ReviewDue(
      long id,
      String title,
      ProcessArea area,
      LocalDate nextReview,
      LocalDate remindedDueFor,
      LocalDate remindedOverdueFor,
      String ownerEmail) {}

  /** Reviews due on or before {@code by}, locked for this round (others' locks are skipped). */
  List<ReviewDue> reviewsToRemind(LocalDate by) {
    return sql.sql(
            """
            select p.id, p.title, p.process_area, p.next_review_on, p.reminded_due_for, p.reminded_overdue_for,
                   s.email
            from procedure p
            left join tenant_staff s on s.tenant_id = p.tenant_id and s.username = p.owner and s.active
            where p.tenant_id = :tenant and p.next_review_on is not null and p.next_review_on <= :by
            order by p.next_review_on, p.id for update of p skip locked""")
        .bind("by", by)
        .list(
            r ->
                new ReviewDue(
                    r.longValue("id"),
                    r.string("title"),
                    r.enumValue("process_area", ProcessArea.class),
                    r.date("next_review_on"),
                    r.date("reminded_due_for"),
                    r.date("reminded_overdue_for"),
                    r.string("email")));
  }

  /**
   * Remembers which review date was reminded, so that it is reminded once as due and once as
   * overdue.
   */
  void markReminded(long id, ReviewSchedule.Reminder reminder) {
    sql.sql(
            """
            update procedure set reminded_due_for = case when :due then next_review_on else reminded_due_for end,
                                 reminded_overdue_for = case when :overdue then next_review_on
                                                             else reminded_overdue_for end
            where tenant_id = :tenant and id = :id""")
        .bind("id", id)
        .bind("due", reminder == ReviewSchedule.Reminder.DUE)
        .bind("overdue", reminder == ReviewSchedule.Reminder.OVERDUE)
        .update();
  }

  // ---------------------------------------------------------------- rows

  private static Function<Row, ProcedureSummary> summary(LocalDate today) {
    return r -> {
      LocalDate next = r.date("next_review_on");
      return new ProcedureSummary(
          r.longValue("id"),
          r.string("title"),
          r.enumValue("process_area", ProcessArea.class),
          r.string("owner"),
          r.string("owner_name"),
          r.intValue("review_interval_months"),
          r.bool("client_approval_required"),
          next,
          ReviewSchedule.state(next, today),
          r.intOrNull("effective_number"),
          r.date("effective_from"),
          r.intOrNull("open_number"),
          r.enumValue("open_status", VersionStatus.class),
          r.longValue("version"));
    };
  }

  private static VersionSummary version(Row r) {
    return new VersionSummary(
        r.longValue("id"),
        r.intValue("number"),
        r.enumValue("status", VersionStatus.class),
        r.string("author"),
        r.timestamp("created_at"),
        r.string("change_note"),
        r.string("approved_by"),
        r.timestamp("approved_at"),
        r.date("effective_from"),
        r.date("effective_to"),
        r.longValue("version"));
  }

  private static long parseId(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalidCursor();
    }
  }

  private static ProblemException invalidCursor() {
    return new ProblemException(
        "invalid-cursor", "Invalid cursor", 400, "The cursor is not one this API issued.");
  }
}
