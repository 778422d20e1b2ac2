package com.bpo.portal.procedure;

import com.bpo.portal.shared.TransitionRefused;
import com.bpo.portal.mail.MailOutbox;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.ProcessArea;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.StaffDirectory;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.tenant.TenantRole;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant's desk-top procedures: the library, versions and their steps, the one-effective rule,
 * reviews, acknowledgements and search. Every write locks the procedure's row first, so that two
 * steps on one procedure run one after the other; every change writes its history event (and its
 * mail, through the outbox) in the same transaction. Leads own and edit, client stakeholders approve
 * and read, agents read and acknowledge; customers reach nothing.
 */
@TenantService
public class ProcedureService {
  static final int MAX_CONTENT = 200_000;
  static final int MAX_NOTE = 4000;
  static final int MAX_SEARCH_RESULTS = 50;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;
  @Inject StaffDirectory staffDirectory;
  @Inject MailOutbox outbox;

  private static final String SUMMARY_SELECT = """
      select p.id, p.title, p.process_area, p.owner, coalesce(s.display_name, p.owner), p.review_interval_months,
             p.client_approval_required, p.next_review_on, e.number, e.effective_from, o.number, o.status, p.version
      from procedure p
      left join tenant_staff s on s.tenant_id = p.tenant_id and s.username = p.owner
      left join procedure_version e on e.tenant_id = p.tenant_id and e.procedure_id = p.id and e.status = 'EFFECTIVE'
      left join procedure_version o on o.tenant_id = p.tenant_id and o.procedure_id = p.id
                                    and o.status in ('DRAFT', 'IN_REVIEW', 'APPROVED')
      where p.tenant_id = ?1""";

  private static final String VERSION_SELECT = """
      select id, number, status, author, created_at, change_note, approved_by, approved_at, effective_from,
             effective_to, version
      from procedure_version where tenant_id = ?1""";

  // ---------------------------------------------------------------- reading

  /** The library by process area and title, keyset-paginated; optionally one area. */
  @SuppressWarnings("unchecked")
  public Page<ProcedureSummary> list(ProcessArea area, PageRequest page) {
    requireReader();
    StringBuilder sql = new StringBuilder(SUMMARY_SELECT);
    List<Object> params = new ArrayList<>(List.of(tenantId()));
    if (area != null) {
      params.add(area.name());
      sql.append(" and p.process_area = ?").append(params.size());
    }
    if (page.after().isPresent()) {
      List<String> key = page.after().get();
      if (key.size() != 3) {
        throw new ProblemException("invalid-cursor", "Invalid cursor", 400, "The cursor is not one this API issued.");
      }
      params.add(key.get(0));
      params.add(key.get(1));
      params.add(parseLong(key.get(2)));
      int n = params.size();
      sql.append(" and (p.process_area, p.title, p.id) > (?").append(n - 2).append(", ?").append(n - 1)
          .append(", ?").append(n).append(')');
    }
    sql.append(" order by p.process_area, p.title, p.id");
    Query query = em.createNativeQuery(sql.toString());
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    List<ProcedureSummary> rows = new ArrayList<>();
    for (Object[] r : (List<Object[]>) query.setMaxResults(page.limit() + 1).getResultList()) {
      rows.add(summary(r));
    }
    return page.page(rows, s -> List.of(s.processArea().name(), s.title(), String.valueOf(s.id())));
  }

  /**
   * The procedure of a process area (the first by title), for the governance root-cause loop, which
   * links the action it proposes to the procedure whose next version should carry the fix. Service to
   * service: it gives an id only, so it asks for no reader role (the loop runs as the system).
   */
  public Optional<Long> procedureOfArea(ProcessArea area) {
    @SuppressWarnings("unchecked")
    List<Number> ids = em.createNativeQuery("select id from procedure where tenant_id = ?1 and process_area = ?2 "
            + "order by title, id limit 1")
        .setParameter(1, tenantId()).setParameter(2, area.name()).getResultList();
    return ids.stream().findFirst().map(Number::longValue);
  }

  /** Procedures whose review is due within {@link ReviewSchedule#DUE_SOON_DAYS} days or overdue, the oldest first. */
  @SuppressWarnings("unchecked")
  public List<ProcedureSummary> dueReviews() {
    requireReader();
    List<Object[]> rows = em.createNativeQuery(SUMMARY_SELECT
            + " and p.next_review_on is not null and p.next_review_on <= ?2 order by p.next_review_on, p.id limit 500")
        .setParameter(1, tenantId()).setParameter(2, context.today().plusDays(ReviewSchedule.DUE_SOON_DAYS))
        .getResultList();
    return rows.stream().map(this::summary).toList();
  }

  public Optional<ProcedureDetail> find(long id) {
    requireReader();
    return summaryOf(id).map(this::detail);
  }

  @SuppressWarnings("unchecked")
  private Optional<ProcedureSummary> summaryOf(long id) {
    List<Object[]> rows = em.createNativeQuery(SUMMARY_SELECT + " and p.id = ?2")
        .setParameter(1, tenantId()).setParameter(2, id).getResultList();
    return rows.stream().findFirst().map(this::summary);
  }

  private ProcedureSummary require(long id) {
    return summaryOf(id).orElseThrow(() -> ProblemException.notFound("Procedure " + id));
  }

  private ProcedureDetail detail(ProcedureSummary p) {
    List<VersionSummary> versions = versions(p.id());
    Optional<VersionSummary> effective = versions.stream().filter(v -> v.status() == VersionStatus.EFFECTIVE).findFirst();
    VersionDetail effectiveDetail = effective.map(v -> versionDetail(p, v)).orElse(null);
    ProcedureDetail.Acknowledgements acks = acknowledgements(p.id(), effective.orElse(null));
    String me = context.requireUser().username();
    boolean mine = acks.acknowledged().stream().anyMatch(a -> a.username().equals(me));
    return new ProcedureDetail(p, versions, effectiveDetail, acks, mine, reviews(p.id()), history(p.id()));
  }

  @SuppressWarnings("unchecked")
  List<VersionSummary> versions(long procedureId) {
    List<Object[]> rows = em.createNativeQuery(VERSION_SELECT + " and procedure_id = ?2 order by number desc")
        .setParameter(1, tenantId()).setParameter(2, procedureId).getResultList();
    return rows.stream().map(ProcedureService::version).toList();
  }

  /** One version to read, with its rendered text, attachments and the caller's possible steps. */
  public Optional<VersionDetail> version(long procedureId, long versionId) {
    requireReader();
    return summaryOf(procedureId).flatMap(p -> versionOf(procedureId, versionId).map(v -> versionDetail(p, v)));
  }

  @SuppressWarnings("unchecked")
  private Optional<VersionSummary> versionOf(long procedureId, long versionId) {
    List<Object[]> rows = em.createNativeQuery(VERSION_SELECT + " and procedure_id = ?2 and id = ?3")
        .setParameter(1, tenantId()).setParameter(2, procedureId).setParameter(3, versionId).getResultList();
    return rows.stream().findFirst().map(ProcedureService::version);
  }

  @SuppressWarnings("unchecked")
  private VersionDetail versionDetail(ProcedureSummary p, VersionSummary v) {
    String content = (String) em.createNativeQuery(
            "select content from procedure_version where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenantId()).setParameter(2, v.id()).getSingleResult();
    List<VersionDetail.Attachment> attachments = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select id, file_name, media_type, size_bytes, sha256, uploaded_by, at from procedure_attachment
            where tenant_id = ?1 and version_id = ?2 order by id""")
        .setParameter(1, tenantId()).setParameter(2, v.id()).getResultList()) {
      attachments.add(new VersionDetail.Attachment(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
          ((Number) r[3]).intValue(), ((String) r[4]).trim(), (String) r[5], offset(r[6])));
    }
    Set<VersionAction> actions = ProcedureWorkflow.available(v.status(), actor(), p.clientApprovalRequired());
    return new VersionDetail(p.id(), p.title(), v, content, SafeMarkdown.toHtml(content), attachments, actions);
  }

  /** The version that was (or will be) in force on {@code date}: read from the stored date ranges. */
  @SuppressWarnings("unchecked")
  public Optional<VersionSummary> effectiveOn(long procedureId, LocalDate date) {
    requireReader();
    require(procedureId);
    LocalDate day = date == null ? context.today() : date;
    List<Object[]> rows = em.createNativeQuery(VERSION_SELECT + " and procedure_id = ?2 and effective_from is not null"
            + " and daterange(effective_from, effective_to) @> cast(?3 as date)")
        .setParameter(1, tenantId()).setParameter(2, procedureId).setParameter(3, day).getResultList();
    return rows.stream().findFirst().map(ProcedureService::version);
  }

  /** A line diff between two versions of one procedure. */
  public ProcedureDiff.Result diff(long procedureId, long fromVersionId, long toVersionId) {
    requireReader();
    require(procedureId);
    VersionSummary from = versionOf(procedureId, fromVersionId)
        .orElseThrow(() -> ProblemException.notFound("Version " + fromVersionId));
    VersionSummary to = versionOf(procedureId, toVersionId)
        .orElseThrow(() -> ProblemException.notFound("Version " + toVersionId));
    List<ProcedureDiff.Line> lines = ProcedureDiff.lines(content(from.id()), content(to.id()));
    int added = (int) lines.stream().filter(l -> l.kind() == ProcedureDiff.Kind.ADDED).count();
    int removed = (int) lines.stream().filter(l -> l.kind() == ProcedureDiff.Kind.REMOVED).count();
    return new ProcedureDiff.Result(from.id(), from.number(), to.id(), to.number(), added, removed, lines);
  }

  private String content(long versionId) {
    return (String) em.createNativeQuery("select content from procedure_version where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenantId()).setParameter(2, versionId).getSingleResult();
  }

  @SuppressWarnings("unchecked")
  private ProcedureDetail.Acknowledgements acknowledgements(long procedureId, VersionSummary effective) {
    if (effective == null) {
      return new ProcedureDetail.Acknowledgements(null, null, List.of(), List.of());
    }
    List<ProcedureDetail.Acknowledgement> done = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select a.username, coalesce(s.display_name, a.username), a.acknowledged_at from procedure_acknowledgement a
            left join tenant_staff s on s.tenant_id = a.tenant_id and s.username = a.username
            where a.tenant_id = ?1 and a.version_id = ?2 order by a.acknowledged_at, a.username""")
        .setParameter(1, tenantId()).setParameter(2, effective.id()).getResultList()) {
      done.add(new ProcedureDetail.Acknowledgement((String) r[0], (String) r[1], effective.id(), effective.number(),
          offset(r[2])));
    }
    List<ProcedureDetail.Person> pending = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select s.username, s.display_name from tenant_staff s
            where s.tenant_id = ?1 and s.active and s.role in ('bpo-lead', 'bpo-agent')
              and not exists (select 1 from procedure_acknowledgement a where a.tenant_id = s.tenant_id
                              and a.version_id = ?2 and a.username = s.username)
            order by s.display_name, s.username""")
        .setParameter(1, tenantId()).setParameter(2, effective.id()).getResultList()) {
      pending.add(new ProcedureDetail.Person((String) r[0], (String) r[1]));
    }
    return new ProcedureDetail.Acknowledgements(effective.id(), effective.number(), done, pending);
  }

  @SuppressWarnings("unchecked")
  private List<ProcedureDetail.Review> reviews(long procedureId) {
    List<ProcedureDetail.Review> reviews = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select r.id, v.number, r.outcome, r.reviewed_by, r.reviewed_at, r.due_on, r.comment from procedure_review r
            left join procedure_version v on v.tenant_id = r.tenant_id and v.id = r.version_id
            where r.tenant_id = ?1 and r.procedure_id = ?2 order by r.reviewed_at desc, r.id desc""")
        .setParameter(1, tenantId()).setParameter(2, procedureId).getResultList()) {
      reviews.add(new ProcedureDetail.Review(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).intValue(),
          (String) r[2], (String) r[3], offset(r[4]), date(r[5]), (String) r[6]));
    }
    return reviews;
  }

  @SuppressWarnings("unchecked")
  private List<ProcedureDetail.Event> history(long procedureId) {
    List<ProcedureDetail.Event> events = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select e.at, e.actor, e.action, v.number, e.from_status, e.to_status, e.note from procedure_event e
            left join procedure_version v on v.tenant_id = e.tenant_id and v.id = e.version_id
            where e.tenant_id = ?1 and e.procedure_id = ?2 order by e.at desc, e.id desc""")
        .setParameter(1, tenantId()).setParameter(2, procedureId).getResultList()) {
      events.add(new ProcedureDetail.Event(offset(r[0]), (String) r[1], (String) r[2],
          r[3] == null ? null : ((Number) r[3]).intValue(), status(r[4]), status(r[5]), (String) r[6]));
    }
    return events;
  }

  /**
   * Full-text search over titles (weight A) and the text in force (weight B) of this tenant's
   * procedures, best first, with a highlighted snippet that is safe HTML.
   */
  @SuppressWarnings("unchecked")
  public List<SearchHit> search(String text, Integer limit) {
    requireReader();
    String q = text == null ? "" : text.strip();
    if (q.isEmpty() || q.length() > 200) {
      throw new InvalidFields("Say what to search for.", List.of(new FieldError("q", "must be 1 to 200 characters")));
    }
    int size = limit == null ? 20 : limit;
    if (size < 1 || size > MAX_SEARCH_RESULTS) {
      throw new InvalidFields("Ask for fewer results.",
          List.of(new FieldError("limit", "must be between 1 and " + MAX_SEARCH_RESULTS)));
    }
    List<Object[]> rows = em.createNativeQuery("""
            select p.id, p.title, p.process_area, ts_headline(p.search_config, p.search_text, q, ?4),
                   ts_rank(p.search, q) as rank
            from procedure p, websearch_to_tsquery(cast(?2 as regconfig), ?3) q
            where p.tenant_id = ?1 and p.search @@ q
            order by rank desc, p.id limit ?5""")
        .setParameter(1, tenantId()).setParameter(2, ProcedureSearch.configFor(context.requireTenant().locale()))
        .setParameter(3, q).setParameter(4, ProcedureSearch.HEADLINE_OPTIONS).setParameter(5, size).getResultList();
    return rows.stream().map(r -> new SearchHit(((Number) r[0]).longValue(), (String) r[1],
        ProcessArea.valueOf((String) r[2]), ProcedureSearch.snippetHtml((String) r[3]),
        ((Number) r[4]).doubleValue())).toList();
  }

  /** The BPO staff and stakeholders a procedure can be owned by: the tenant's leads. */
  public List<ProcedureDetail.Person> possibleOwners() {
    requireReader();
    return staffDirectory.staff(java.util.EnumSet.of(TenantRole.BPO_LEAD)).stream()
        .map(s -> new ProcedureDetail.Person(s.username(), s.displayName())).toList();
  }

  // ---------------------------------------------------------------- writing

  /** A new procedure, with version 1 as a draft. Leads only. */
  public ProcedureDetail create(NewProcedure request) {
    requireLead();
    Facts facts = validate(request.title(), request.processArea(), request.owner(), request.reviewIntervalMonths(),
        request.clientApprovalRequired(), true);
    String content = request.content() == null ? "" : request.content();
    checkContent(content);
    boolean taken = !em.createNativeQuery("select 1 from procedure where tenant_id = ?1 and lower(title) = lower(?2)")
        .setParameter(1, tenantId()).setParameter(2, facts.title()).getResultList().isEmpty();
    if (taken) {
      throw new InvalidFields("A procedure with this title exists.",
          List.of(new FieldError("title", "is already the title of another procedure")));
    }
    long id = ((Number) em.createNativeQuery("""
            insert into procedure (tenant_id, title, process_area, owner, review_interval_months,
                                   client_approval_required, search_config)
            values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as regconfig)) returning id""")
        .setParameter(1, tenantId()).setParameter(2, facts.title()).setParameter(3, facts.area().name())
        .setParameter(4, facts.owner()).setParameter(5, facts.interval()).setParameter(6, facts.clientApproval())
        .setParameter(7, ProcedureSearch.configFor(context.requireTenant().locale())).getSingleResult()).longValue();
    long versionId = insertVersion(id, 1, content, "First version");
    record(id, null, "CREATED", null, null, facts.title());
    record(id, versionId, "DRAFTED", null, VersionStatus.DRAFT, null);
    refreshSearch(id);
    return detail(require(id));
  }

  /** Changes a procedure's facts (title, area, owner, review interval, approval rule). Leads only. */
  public ProcedureDetail update(long id, ProcedureChange change) {
    requireLead();
    ProcedureSummary p = lock(id);
    checkVersion("Procedure", p.version(), change.version());
    Facts facts = validate(change.title(), change.processArea(), change.owner(), change.reviewIntervalMonths(),
        change.clientApprovalRequired(), false);
    boolean taken = !em.createNativeQuery(
            "select 1 from procedure where tenant_id = ?1 and lower(title) = lower(?2) and id <> ?3")
        .setParameter(1, tenantId()).setParameter(2, facts.title()).setParameter(3, id).getResultList().isEmpty();
    if (taken) {
      throw new InvalidFields("A procedure with this title exists.",
          List.of(new FieldError("title", "is already the title of another procedure")));
    }
    // a new interval moves the next review, counted from the start of the version in force
    LocalDate nextReview = p.effectiveFrom() != null && facts.interval() != p.reviewIntervalMonths()
        ? ReviewSchedule.nextReview(lastReviewStart(p), facts.interval()) : p.nextReviewOn();
    em.createNativeQuery("""
            update procedure set title = ?3, process_area = ?4, owner = ?5, review_interval_months = ?6,
                                 client_approval_required = ?7, next_review_on = cast(?8 as date), version = version + 1
            where tenant_id = ?1 and id = ?2""")
        .setParameter(1, tenantId()).setParameter(2, id).setParameter(3, facts.title())
        .setParameter(4, facts.area().name()).setParameter(5, facts.owner()).setParameter(6, facts.interval())
        .setParameter(7, facts.clientApproval()).setParameter(8, nextReview).executeUpdate();
    record(id, null, "UPDATED", null, null, null);
    return detail(require(id));
  }

  private LocalDate lastReviewStart(ProcedureSummary p) {
    Object confirmed = em.createNativeQuery("select max(reviewed_at) from procedure_review where tenant_id = ?1 "
            + "and procedure_id = ?2 and outcome = 'CONFIRMED'")
        .setParameter(1, tenantId()).setParameter(2, p.id()).getSingleResult();
    LocalDate reviewed = confirmed == null ? null
        : offset(confirmed).atZoneSameInstant(java.time.ZoneId.of(context.requireTenant().timeZone())).toLocalDate();
    return reviewed != null && reviewed.isAfter(p.effectiveFrom()) ? reviewed : p.effectiveFrom();
  }

  /** A new draft from the effective version (or the newest one), with its attachments. Leads only. */
  public VersionDetail newDraft(long id, String changeNote) {
    requireLead();
    ProcedureSummary p = lock(id);
    return versionDetail(require(id), versionOf(id, openDraft(p, changeNote)).orElseThrow());
  }

  private long openDraft(ProcedureSummary p, String changeNote) {
    if (p.openStatus() != null) {
      throw new ProblemException("draft-exists", "A version is already being made", 409,
          "Version " + p.openNumber() + " of this procedure is " + ProcedureWorkflow.words(p.openStatus())
              + "; finish it before opening another draft.");
    }
    List<VersionSummary> versions = versions(p.id());
    VersionSummary base = versions.stream().filter(v -> v.status() == VersionStatus.EFFECTIVE).findFirst()
        .orElse(versions.isEmpty() ? null : versions.get(0));
    int number = versions.isEmpty() ? 1 : versions.get(0).number() + 1;
    long versionId = insertVersion(p.id(), number, base == null ? "" : content(base.id()), note(changeNote));
    if (base != null) {
      em.createNativeQuery("""
              insert into procedure_attachment (tenant_id, version_id, file_name, media_type, size_bytes, sha256,
                                                content, uploaded_by, at)
              select tenant_id, ?3, file_name, media_type, size_bytes, sha256, content, uploaded_by, at
              from procedure_attachment where tenant_id = ?1 and version_id = ?2 order by id""")
          .setParameter(1, tenantId()).setParameter(2, base.id()).setParameter(3, versionId).executeUpdate();
    }
    record(p.id(), versionId, "DRAFTED", null, VersionStatus.DRAFT,
        base == null ? null : "from version " + base.number());
    refreshSearch(p.id());
    return versionId;
  }

  private long insertVersion(long procedureId, int number, String content, String changeNote) {
    return ((Number) em.createNativeQuery("""
            insert into procedure_version (tenant_id, procedure_id, number, content, change_note, author)
            values (?1, ?2, ?3, ?4, ?5, ?6) returning id""")
        .setParameter(1, tenantId()).setParameter(2, procedureId).setParameter(3, number).setParameter(4, content)
        .setParameter(5, changeNote).setParameter(6, context.requireUser().username()).getSingleResult()).longValue();
  }

  /** Saves a draft's text. Leads only, drafts only, with the version's lock version last seen. */
  public VersionDetail editDraft(long id, long versionId, DraftChange change) {
    requireLead();
    lock(id);
    VersionSummary v = versionOf(id, versionId).orElseThrow(() -> ProblemException.notFound("Version " + versionId));
    checkVersion("Version " + v.number(), v.version(), change.version());
    if (v.status() != VersionStatus.DRAFT) {
      throw new ProblemException("not-a-draft", "Not a draft", 409, "Version " + v.number() + " is "
          + ProcedureWorkflow.words(v.status()) + "; only a draft can be edited.");
    }
    String content = change.content() == null ? "" : change.content();
    checkContent(content);
    em.createNativeQuery("update procedure_version set content = ?3, change_note = ?4, version = version + 1 "
            + "where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenantId()).setParameter(2, versionId).setParameter(3, content)
        .setParameter(4, change.changeNote() == null ? v.changeNote() : note(change.changeNote())).executeUpdate();
    record(id, versionId, "EDITED", VersionStatus.DRAFT, VersionStatus.DRAFT, null);
    refreshSearch(id);
    return versionDetail(require(id), versionOf(id, versionId).orElseThrow());
  }

  /**
   * Takes a step on a version. Making a version effective supersedes the one in force in the same
   * transaction (under the procedure's row lock): the older one's range ends the day the new one's
   * begins, and the database's exclusion constraint refuses any overlap that would slip through.
   */
  public ProcedureDetail step(long id, long versionId, StepRequest request) {
    if (request == null || request.action() == null) {
      throw new InvalidFields("Say which step to take.", List.of(new FieldError("action", "is required")));
    }
    Actor actor = requireReader();
    ProcedureSummary p = lock(id);
    VersionSummary v = versionOf(id, versionId).orElseThrow(() -> ProblemException.notFound("Version " + versionId));
    if (request.action() == VersionAction.SUPERSEDE) {
      throw new TransitionRefused(403, v.status(), request.action(),
          "A version is superseded by making another one effective, never by itself.");
    }
    VersionStatus to = ProcedureWorkflow.next(v.status(), request.action(), actor, p.clientApprovalRequired());
    checkVersion("Version " + v.number(), v.version(), request.version());
    String note = request.note() == null ? null : request.note().strip();
    if (note != null && note.length() > MAX_NOTE) {
      throw new InvalidFields("The note is too long.", List.of(new FieldError("note", "must be at most " + MAX_NOTE + " characters")));
    }
    String user = context.requireUser().username();
    switch (request.action()) {
      case SUBMIT -> {
        if (content(versionId).isBlank()) {
          throw new InvalidFields("Write the procedure before submitting it.",
              List.of(new FieldError("content", "must not be empty")));
        }
        move(versionId, to);
      }
      case APPROVE -> em.createNativeQuery("update procedure_version set status = 'APPROVED', approved_by = ?3, "
              + "approved_at = now(), version = version + 1 where tenant_id = ?1 and id = ?2")
          .setParameter(1, tenantId()).setParameter(2, versionId).setParameter(3, user).executeUpdate();
      case REJECT -> {
        if (note == null || note.isEmpty()) {
          throw new InvalidFields("Say why the version goes back to draft.",
              List.of(new FieldError("note", "is required when sending a version back")));
        }
        move(versionId, to);
      }
      case MAKE_EFFECTIVE -> makeEffective(p, v, request.effectiveFrom() == null ? context.today() : request.effectiveFrom());
      case RETIRE -> {
        LocalDate end = context.today().isAfter(v.effectiveFrom()) ? context.today() : v.effectiveFrom();
        em.createNativeQuery("update procedure_version set status = 'RETIRED', effective_to = ?3, version = version + 1 "
                + "where tenant_id = ?1 and id = ?2")
            .setParameter(1, tenantId()).setParameter(2, versionId).setParameter(3, end).executeUpdate();
        em.createNativeQuery("update procedure set next_review_on = null, version = version + 1 "
                + "where tenant_id = ?1 and id = ?2")
            .setParameter(1, tenantId()).setParameter(2, id).executeUpdate();
        refreshSearch(id);
      }
      default -> throw new IllegalStateException("not a requested step: " + request.action());
    }
    record(id, versionId, request.action().name(), v.status(), to, note);
    return detail(require(id));
  }

  private void makeEffective(ProcedureSummary p, VersionSummary v, LocalDate from) {
    LocalDate today = context.today();
    if (from.isBefore(today)) {
      throw new InvalidFields("A version cannot be made effective in the past.",
          List.of(new FieldError("effectiveFrom", "must be today or later")));
    }
    Optional<VersionSummary> current = versions(p.id()).stream()
        .filter(x -> x.status() == VersionStatus.EFFECTIVE).findFirst();
    if (current.isPresent() && !from.isAfter(current.get().effectiveFrom())) {
      throw new InvalidFields("The new version must start after the one in force.",
          List.of(new FieldError("effectiveFrom", "must be after " + current.get().effectiveFrom())));
    }
    if (current.isPresent()) {
      VersionSummary old = current.get();
      ProcedureWorkflow.next(old.status(), VersionAction.SUPERSEDE, Actor.SYSTEM, p.clientApprovalRequired());
      em.createNativeQuery("update procedure_version set status = 'SUPERSEDED', effective_to = ?3, version = version + 1 "
              + "where tenant_id = ?1 and id = ?2")
          .setParameter(1, tenantId()).setParameter(2, old.id()).setParameter(3, from).executeUpdate();
      record(p.id(), old.id(), VersionAction.SUPERSEDE.name(), VersionStatus.EFFECTIVE, VersionStatus.SUPERSEDED,
          "by version " + v.number() + " from " + from);
    }
    em.createNativeQuery("update procedure_version set status = 'EFFECTIVE', effective_from = ?3, version = version + 1 "
            + "where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenantId()).setParameter(2, v.id()).setParameter(3, from).executeUpdate();
    em.createNativeQuery("update procedure set next_review_on = ?3, reminded_due_for = null, reminded_overdue_for = null, "
            + "version = version + 1 where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenantId()).setParameter(2, p.id())
        .setParameter(3, ReviewSchedule.nextReview(from, p.reviewIntervalMonths())).executeUpdate();
    refreshSearch(p.id());
    // everyone on the BPO side of the tenant is asked to read it
    Tenant tenant = context.requireTenant();
    ProcedureMail.Text text = ProcedureMail.effective(tenant.locale(), p.title(), v.number(), from);
    staffDirectory.staff(TenantRole.BPO).stream().filter(s -> s.email() != null)
        .sorted(java.util.Comparator.comparing(StaffMember::username))
        .forEach(s -> outbox.enqueue(s.email(), text.subject(), text.body()));
  }

  private void move(long versionId, VersionStatus to) {
    em.createNativeQuery("update procedure_version set status = ?3, version = version + 1 where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenantId()).setParameter(2, versionId).setParameter(3, to.name()).executeUpdate();
  }

  /** The caller (BPO staff) has read the effective version. Acknowledging twice keeps the first record. */
  public ProcedureDetail.Acknowledgement acknowledge(long id) {
    Actor actor = requireReader();
    if (!actor.isBpo()) {
      throw ProblemException.forbidden("Acknowledgements are for the BPO's staff.");
    }
    ProcedureSummary p = require(id);
    VersionSummary effective = versions(id).stream().filter(v -> v.status() == VersionStatus.EFFECTIVE).findFirst()
        .orElseThrow(() -> new ProblemException("nothing-effective", "No effective version", 409,
            "Procedure " + p.title() + " has no effective version to acknowledge."));
    String user = context.requireUser().username();
    int inserted = em.createNativeQuery("insert into procedure_acknowledgement (tenant_id, version_id, username) "
            + "values (?1, ?2, ?3) on conflict do nothing")
        .setParameter(1, tenantId()).setParameter(2, effective.id()).setParameter(3, user).executeUpdate();
    if (inserted == 1) {
      record(id, effective.id(), "ACKNOWLEDGED", null, null, null);
    }
    Object at = em.createNativeQuery("select acknowledged_at from procedure_acknowledgement where tenant_id = ?1 "
            + "and version_id = ?2 and username = ?3")
        .setParameter(1, tenantId()).setParameter(2, effective.id()).setParameter(3, user).getSingleResult();
    return new ProcedureDetail.Acknowledgement(user, user, effective.id(), effective.number(), offset(at));
  }

  /** Who has acknowledged the effective version, and which of the BPO staff have not. */
  public ProcedureDetail.Acknowledgements acknowledgements(long id) {
    requireReader();
    require(id);
    return acknowledgements(id, versions(id).stream().filter(v -> v.status() == VersionStatus.EFFECTIVE)
        .findFirst().orElse(null));
  }

  /**
   * Records a periodic review: the effective version confirmed as it stands (the next review is
   * counted from today), or a new draft opened from it (the review stays due until that draft is in
   * force). Leads only, with the procedure's lock version.
   */
  public ProcedureDetail review(long id, ReviewRequest request) {
    requireLead();
    if (request == null || request.outcome() == null) {
      throw new InvalidFields("Say how the review ended.", List.of(new FieldError("outcome", "is required")));
    }
    ProcedureSummary p = lock(id);
    checkVersion("Procedure", p.version(), request.version());
    String comment = request.comment() == null ? null : request.comment().strip();
    if (comment != null && comment.length() > MAX_NOTE) {
      throw new InvalidFields("The comment is too long.",
          List.of(new FieldError("comment", "must be at most " + MAX_NOTE + " characters")));
    }
    VersionSummary effective = versions(id).stream().filter(v -> v.status() == VersionStatus.EFFECTIVE).findFirst()
        .orElseThrow(() -> new ProblemException("nothing-effective", "No effective version", 409,
            "Only a procedure with an effective version is reviewed."));
    if (request.outcome() == ReviewRequest.Outcome.CONFIRMED) {
      em.createNativeQuery("update procedure set next_review_on = ?3, reminded_due_for = null, "
              + "reminded_overdue_for = null, version = version + 1 where tenant_id = ?1 and id = ?2")
          .setParameter(1, tenantId()).setParameter(2, id)
          .setParameter(3, ReviewSchedule.nextReview(context.today(), p.reviewIntervalMonths())).executeUpdate();
    } else {
      openDraft(p, comment == null || comment.isEmpty() ? "Periodic review" : comment);
      em.createNativeQuery("update procedure set version = version + 1 where tenant_id = ?1 and id = ?2")
          .setParameter(1, tenantId()).setParameter(2, id).executeUpdate();
    }
    em.createNativeQuery("""
            insert into procedure_review (tenant_id, procedure_id, version_id, outcome, reviewed_by, due_on, comment)
            values (?1, ?2, ?3, ?4, ?5, cast(?6 as date), ?7)""")
        .setParameter(1, tenantId()).setParameter(2, id).setParameter(3, effective.id())
        .setParameter(4, request.outcome().name()).setParameter(5, context.requireUser().username())
        .setParameter(6, p.nextReviewOn()).setParameter(7, comment).executeUpdate();
    record(id, effective.id(), "REVIEWED_" + request.outcome().name(), null, null, comment);
    return detail(require(id));
  }

  /** Queues the review reminders due today for this tenant now, rather than at the next round. Leads only. */
  public int sendReviewReminders() {
    requireLead();
    try {
      return ReviewReminders.remind(em.unwrap(Connection.class), tenantId(), context.requireTenant().locale(),
          context.today());
    } catch (SQLException e) {
      throw new IllegalStateException("review reminders failed", e);
    }
  }

  /** Stores an attachment on a draft after checking it by content. Leads only. */
  public VersionDetail.Attachment attach(long id, long versionId, String fileName, byte[] content) {
    requireLead();
    lock(id);
    VersionSummary v = versionOf(id, versionId).orElseThrow(() -> ProblemException.notFound("Version " + versionId));
    if (v.status() != VersionStatus.DRAFT) {
      throw new ProblemException("not-a-draft", "Not a draft", 409,
          "Files are attached to a draft; version " + v.number() + " is " + ProcedureWorkflow.words(v.status()) + ".");
    }
    ProcedureAttachmentCheck.Accepted file = ProcedureAttachmentCheck.check(fileName, content);
    String user = context.requireUser().username();
    Object[] row = (Object[]) em.createNativeQuery("""
            insert into procedure_attachment (tenant_id, version_id, file_name, media_type, size_bytes, sha256,
                                              content, uploaded_by)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) returning id, at""")
        .setParameter(1, tenantId()).setParameter(2, versionId).setParameter(3, file.fileName())
        .setParameter(4, file.mediaType()).setParameter(5, content.length).setParameter(6, file.sha256())
        .setParameter(7, content).setParameter(8, user).getSingleResult();
    record(id, versionId, "ATTACHED", v.status(), v.status(), file.fileName());
    return new VersionDetail.Attachment(((Number) row[0]).longValue(), file.fileName(), file.mediaType(),
        content.length, file.sha256(), user, offset(row[1]));
  }

  public record AttachmentContent(String fileName, String mediaType, byte[] content) {}

  @SuppressWarnings("unchecked")
  public Optional<AttachmentContent> attachment(long id, long versionId, long attachmentId) {
    requireReader();
    if (versionOf(id, versionId).isEmpty()) {
      return Optional.empty();
    }
    List<Object[]> rows = em.createNativeQuery("select file_name, media_type, content from procedure_attachment "
            + "where tenant_id = ?1 and version_id = ?2 and id = ?3")
        .setParameter(1, tenantId()).setParameter(2, versionId).setParameter(3, attachmentId).getResultList();
    return rows.stream().findFirst().map(r -> new AttachmentContent((String) r[0], (String) r[1], (byte[]) r[2]));
  }

  // ---------------------------------------------------------------- helpers

  private record Facts(String title, ProcessArea area, String owner, int interval, boolean clientApproval) {}

  private Facts validate(String title, ProcessArea area, String owner, Integer interval, Boolean clientApproval,
                         boolean defaults) {
    List<FieldError> errors = new ArrayList<>();
    String t = title == null ? "" : title.strip();
    if (t.isEmpty() || t.length() > 200) {
      errors.add(new FieldError("title", "must be 1 to 200 characters"));
    }
    if (area == null) {
      errors.add(new FieldError("processArea", "is required"));
    }
    String o = owner == null || owner.isBlank() ? (defaults ? context.requireUser().username() : "") : owner.strip();
    if (possibleOwners().stream().noneMatch(person -> person.username().equals(o))) {
      errors.add(new FieldError("owner", "must be one of this tenant's BPO leads"));
    }
    int months = interval == null ? 12 : interval;
    if (months < 1 || months > 60) {
      errors.add(new FieldError("reviewIntervalMonths", "must be between 1 and 60"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The procedure cannot be saved as it is.", errors);
    }
    return new Facts(t, area, o, months, clientApproval == null || clientApproval);
  }

  private static void checkContent(String content) {
    if (content.length() > MAX_CONTENT) {
      throw new InvalidFields("The text is too long.",
          List.of(new FieldError("content", "must be at most " + MAX_CONTENT + " characters")));
    }
  }

  private static String note(String changeNote) {
    if (changeNote == null || changeNote.isBlank()) {
      return null;
    }
    String n = changeNote.strip();
    return n.length() > MAX_NOTE ? n.substring(0, MAX_NOTE) : n;
  }

  /** Locks the procedure's row for the rest of the transaction: steps on one procedure run one at a time. */
  private ProcedureSummary lock(long id) {
    if (em.createNativeQuery("select id from procedure where tenant_id = ?1 and id = ?2 for update")
        .setParameter(1, tenantId()).setParameter(2, id).getResultList().isEmpty()) {
      throw ProblemException.notFound("Procedure " + id);
    }
    return require(id);
  }

  private static void checkVersion(String what, long current, Long sent) {
    if (sent == null) {
      throw new InvalidFields("Send the version you last saw.",
          List.of(new FieldError("version", "is required, so that no change silently overwrites another")));
    }
    if (sent != current) {
      throw new ProblemException("conflict", "Changed meanwhile", 409, what + " was changed by someone else (version "
          + current + ", you sent " + sent + "). Reload it and try again.");
    }
  }

  /** Search reads the text of the effective version, or of the newest one while none is effective. */
  private void refreshSearch(long id) {
    List<?> rows = em.createNativeQuery("""
            select content from procedure_version where tenant_id = ?1 and procedure_id = ?2
            order by (status = 'EFFECTIVE') desc, number desc limit 1""")
        .setParameter(1, tenantId()).setParameter(2, id).getResultList();
    String text = rows.isEmpty() ? "" : SafeMarkdown.toPlainText((String) rows.get(0));
    em.createNativeQuery("update procedure set search_text = ?3 where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenantId()).setParameter(2, id).setParameter(3, text).executeUpdate();
  }

  private void record(long procedureId, Long versionId, String action, VersionStatus from, VersionStatus to,
                      String note) {
    em.createNativeQuery("insert into procedure_event (tenant_id, procedure_id, version_id, actor, action, "
            + "from_status, to_status, note) values (?1, ?2, cast(?3 as bigint), ?4, ?5, ?6, ?7, ?8)")
        .setParameter(1, tenantId()).setParameter(2, procedureId).setParameter(3, versionId)
        .setParameter(4, context.requireUser().username()).setParameter(5, action)
        .setParameter(6, from == null ? null : from.name()).setParameter(7, to == null ? null : to.name())
        .setParameter(8, note).executeUpdate();
  }

  private Actor actor() {
    return Actor.of(context.requireUser());
  }

  private Actor requireReader() {
    PortalUser user = context.requireUser();
    Actor actor = Actor.of(user);
    if (!actor.reads() || user.isCustomer()) {
      throw ProblemException.forbidden("Desk-top procedures are for the BPO's staff and the client's stakeholders.");
    }
    return actor;
  }

  private void requireLead() {
    if (requireReader() != Actor.LEAD) {
      throw ProblemException.forbidden("Only BPO leads own and edit procedures.");
    }
  }

  private ProcedureSummary summary(Object[] r) {
    LocalDate next = date(r[7]);
    return new ProcedureSummary(((Number) r[0]).longValue(), (String) r[1], ProcessArea.valueOf((String) r[2]),
        (String) r[3], (String) r[4], ((Number) r[5]).intValue(), (Boolean) r[6], next,
        ReviewSchedule.state(next, context.today()), r[8] == null ? null : ((Number) r[8]).intValue(), date(r[9]),
        r[10] == null ? null : ((Number) r[10]).intValue(), status(r[11]), ((Number) r[12]).longValue());
  }

  private static VersionSummary version(Object[] r) {
    return new VersionSummary(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), status(r[2]), (String) r[3],
        offset(r[4]), (String) r[5], (String) r[6], offset(r[7]), date(r[8]), date(r[9]), ((Number) r[10]).longValue());
  }

  private static VersionStatus status(Object value) {
    return value == null ? null : VersionStatus.valueOf((String) value);
  }

  static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    return ((java.sql.Date) value).toLocalDate();
  }

  static OffsetDateTime offset(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime t) {
      return t;
    }
    return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
  }

  private static long parseLong(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new ProblemException("invalid-cursor", "Invalid cursor", 400, "The cursor is not one this API issued.");
    }
  }

  private String tenantId() {
    return context.requireTenant().id();
  }
}
