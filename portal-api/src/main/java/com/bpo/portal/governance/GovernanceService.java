package com.bpo.portal.governance;

import com.bpo.portal.dispute.DisputeAnalysis;
import com.bpo.portal.dispute.DisputeAnalysisService;
import com.bpo.portal.dispute.DisputeFilter;
import com.bpo.portal.dispute.DisputeService;
import com.bpo.portal.dispute.DisputeSort;
import com.bpo.portal.dispute.DisputeSummary;
import com.bpo.portal.invoice.InvoiceService;
import com.bpo.portal.mail.MailOutbox;
import com.bpo.portal.procedure.ProcedureService;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The governance log: entries, their workflow, edits, comments and links, each change written as a
 * history event in the same transaction; the escalation of overdue entries; the root-cause loop;
 * the tenant's escalation matrix and each user's saved views. Who may do what is decided by
 * {@link GovernanceRules} and {@link EntryWorkflow}; an entry the caller may not see is "not found".
 */
@TenantService
public class GovernanceService {
  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 8000;
  static final String COLUMNS = "id, type, title, process_area, priority, likelihood, impact, owner, due_date, status, "
      + "escalation_level, proposed, meeting_id, updated_at, version, description, created_by, created_at";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;
  @Inject StaffDirectory staffDirectory;
  @Inject MailOutbox outbox;
  @Inject GovernanceMail mail;
  @Inject Clock clock;
  @Inject InvoiceService invoices;
  @Inject DisputeService disputes;
  @Inject DisputeAnalysisService disputeAnalysis;
  @Inject ProcedureService procedures;

  /** An entry as stored. */
  record Row(long id, EntryType type, String title, ProcessArea area, Priority priority, Integer likelihood,
             Integer impact, String owner, LocalDate dueDate, EntryStatus status, int level, boolean proposed,
             Long meetingId, OffsetDateTime updatedAt, long version, String description, String createdBy,
             OffsetDateTime createdAt) {}

  // ---------------------------------------------------------------- reading

  /** Today in the tenant's time zone, by the injected clock: what overdue is measured against. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneId.of(context.requireTenant().timeZone())));
  }

  public Actor actor() {
    return Actor.of(context.requireUser())
        .orElseThrow(() -> ProblemException.forbidden("Governance is for the BPO and the client's stakeholders."));
  }

  /** A keyset page of the log; an agent sees the entries they own. */
  @SuppressWarnings("unchecked")
  public Page<EntrySummary> list(EntryFilter filter, EntrySort sort, PageRequest page) {
    Actor actor = actor();
    LocalDate today = today();
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from governance_entry where tenant_id = ?1"
        + " and status = any(?2)");
    List<Object> params = new ArrayList<>();
    params.add(tenantId());
    params.add(filter.statusesOrAll().stream().map(Enum::name).toArray(String[]::new));
    if (!filter.types().isEmpty()) {
      where(sql, params, "type = any(?)", filter.types().stream().map(Enum::name).toArray(String[]::new));
    }
    if (!filter.areas().isEmpty()) {
      where(sql, params, "process_area = any(?)", filter.areas().stream().map(Enum::name).toArray(String[]::new));
    }
    filter.owner().ifPresent(o -> where(sql, params, "owner = ?", o));
    if (actor == Actor.AGENT) {
      where(sql, params, "owner = ?", context.requireUser().username());
    }
    if (filter.overdueOnly()) {
      where(sql, params, "status in ('OPEN', 'IN_PROGRESS', 'ESCALATED') and due_date < ?", today);
    }
    filter.minLevel().ifPresent(l -> where(sql, params, "escalation_level >= ?", l));
    filter.meetingId().ifPresent(m -> where(sql, params, "meeting_id = ?", m));
    String after = sort.descending ? "<" : ">";
    page.after().ifPresent(key -> {
      Object value = sort == EntrySort.DUE ? LocalDate.parse(key.get(0)) : OffsetDateTime.parse(key.get(0));
      params.add(value);
      int k = params.size();
      params.add(Long.valueOf(key.get(1)));
      int i = params.size();
      sql.append(" and (").append(sort.expression).append(' ').append(after).append(" ?").append(k)
          .append(" or (").append(sort.expression).append(" = ?").append(k).append(" and id ").append(after)
          .append(" ?").append(i).append("))");
    });
    String direction = sort.descending ? " desc" : " asc";
    sql.append(" order by ").append(sort.expression).append(direction).append(", id").append(direction)
        .append(" limit ").append(page.limit() + 1);
    Query query = em.createNativeQuery(sql.toString());
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    List<EntrySummary> rows = new ArrayList<>();
    for (Object[] r : (List<Object[]>) query.getResultList()) {
      rows.add(summary(row(r), today));
    }
    return page.page(rows, row -> List.of(sort == EntrySort.DUE
        ? String.valueOf(row.dueDate() == null ? LocalDate.of(9999, 12, 31) : row.dueDate())
        : row.updatedAt().toString(), String.valueOf(row.id())));
  }

  private static void where(StringBuilder sql, List<Object> params, String condition, Object value) {
    params.add(value);
    sql.append(" and ").append(condition.replace("?", "?" + params.size()));
  }

  public Optional<EntryDetail> find(long id) {
    Actor actor = actor();
    return load(id, false).filter(r -> GovernanceRules.sees(actor, owns(r))).map(r -> detail(r, actor));
  }

  @SuppressWarnings("unchecked")
  private Optional<Row> load(long id, boolean forUpdate) {
    List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from governance_entry where tenant_id = ?1 "
            + "and id = ?2" + (forUpdate ? " for update" : ""))
        .setParameter(1, tenantId()).setParameter(2, id).getResultList();
    return rows.stream().findFirst().map(GovernanceService::row);
  }

  /** The entry, locked, if the caller may see it; otherwise "not found", as if it did not exist. */
  private Row require(long id, Actor actor) {
    return load(id, true).filter(r -> GovernanceRules.sees(actor, owns(r)))
        .orElseThrow(() -> ProblemException.notFound("Log entry " + id));
  }

  private boolean owns(Row r) {
    return r.owner() != null && r.owner().equals(context.requireUser().username());
  }

  private static Row row(Object[] r) {
    return new Row(((Number) r[0]).longValue(), EntryType.valueOf((String) r[1]), (String) r[2],
        ProcessArea.valueOf((String) r[3]), Priority.valueOf((String) r[4]), integer(r[5]), integer(r[6]),
        (String) r[7], date(r[8]), EntryStatus.valueOf((String) r[9]), ((Number) r[10]).intValue(), (Boolean) r[11],
        r[12] == null ? null : ((Number) r[12]).longValue(), timestamp(r[13]), ((Number) r[14]).longValue(),
        (String) r[15], (String) r[16], timestamp(r[17]));
  }

  static EntrySummary summary(Row r, LocalDate today) {
    boolean overdue = r.status().isLive() && r.dueDate() != null && r.dueDate().isBefore(today);
    Integer score = r.likelihood() == null || r.impact() == null ? null : r.likelihood() * r.impact();
    return new EntrySummary(r.id(), EntrySummary.number(r.id()), r.type(), r.title(), r.area(), r.priority(), score,
        r.owner(), r.dueDate(), r.status(), r.level(), overdue, r.proposed(), r.meetingId(), r.updatedAt(),
        r.version());
  }

  @SuppressWarnings("unchecked")
  private EntryDetail detail(Row r, Actor actor) {
    String tenant = tenantId();
    boolean owns = owns(r);
    List<EntryDetail.Link> links = new ArrayList<>();
    for (Object[] l : (List<Object[]>) em.createNativeQuery("select kind, target_id from governance_link "
            + "where tenant_id = ?1 and entry_id = ?2 order by kind, target_id")
        .setParameter(1, tenant).setParameter(2, r.id()).getResultList()) {
      LinkKind kind = LinkKind.valueOf((String) l[0]);
      long target = ((Number) l[1]).longValue();
      links.add(new EntryDetail.Link(kind, target, label(kind, target)));
    }
    List<EntryDetail.Comment> comments = new ArrayList<>();
    for (Object[] c : (List<Object[]>) em.createNativeQuery("select id, author, body, at from governance_comment "
            + "where tenant_id = ?1 and entry_id = ?2 order by at, id")
        .setParameter(1, tenant).setParameter(2, r.id()).getResultList()) {
      comments.add(new EntryDetail.Comment(((Number) c[0]).longValue(), (String) c[1], (String) c[2], timestamp(c[3])));
    }
    List<EntryDetail.Event> history = new ArrayList<>();
    for (Object[] e : (List<Object[]>) em.createNativeQuery("select at, actor, action, field, before, after, note "
            + "from governance_event where tenant_id = ?1 and entry_id = ?2 order by at, id")
        .setParameter(1, tenant).setParameter(2, r.id()).getResultList()) {
      history.add(new EntryDetail.Event(timestamp(e[0]), (String) e[1], (String) e[2], (String) e[3], (String) e[4],
          (String) e[5], (String) e[6]));
    }
    return new EntryDetail(summary(r, today()), r.description(), r.likelihood(), r.impact(), r.createdBy(),
        r.createdAt(), links, comments, history, EntryWorkflow.available(r.status(), actor, owns),
        GovernanceRules.mayEdit(actor, owns), GovernanceRules.mayComment(actor, owns),
        GovernanceRules.mayReassign(actor));
  }

  /** How a link reads: the target's own number where the portal has one. */
  private String label(LinkKind kind, long target) {
    return switch (kind) {
      case INVOICE -> invoices.find(target).map(d -> d.invoice().number()).orElse("#" + target);
      case DISPUTE -> DisputeSummary.number(target);
      case ENTRY -> EntrySummary.number(target);
      case PROCEDURE -> "P-" + target;
    };
  }

  /** Actions changed since {@code since} (any status), newest first: the "recent actions" of an agenda. */
  @SuppressWarnings("unchecked")
  public List<EntrySummary> actionsChangedSince(LocalDate since, int limit) {
    Actor actor = actor();
    LocalDate today = today();
    ZoneId zone = ZoneId.of(context.requireTenant().timeZone());
    List<EntrySummary> rows = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("select " + COLUMNS + " from governance_entry "
            + "where tenant_id = ?1 and type = 'ACTION' and updated_at >= ?2 and (?3 = '' or owner = ?3) "
            + "order by updated_at desc, id desc limit ?4")
        .setParameter(1, tenantId()).setParameter(2, since.atStartOfDay(zone).toOffsetDateTime())
        .setParameter(3, actor == Actor.AGENT ? username() : "").setParameter(4, limit).getResultList()) {
      rows.add(summary(row(r), today));
    }
    return rows;
  }

  /** The people who can own an entry: the tenant's active BPO staff and client stakeholders. */
  public List<StaffMember> staff() {
    return staffDirectory.staff(TenantRole.STAFF);
  }

  // ---------------------------------------------------------------- changing

  public EntryDetail create(EntryForm form) {
    return create(form, null);
  }

  /** Creates an entry (from a meeting when {@code meetingId} is given), with its links and a first event. */
  public EntryDetail create(EntryForm form, Long meetingId) {
    Actor actor = actor();
    if (form == null) {
      throw new InvalidFields("Send the entry.", List.of(new FieldError("type", "is required")));
    }
    if (form.type() != null && !GovernanceRules.mayCreate(actor, form.type())) {
      throw ProblemException.forbidden(actor == Actor.STAKEHOLDER
          ? "Client stakeholders raise issues; actions, risks and decisions are logged by the BPO lead."
          : "Your role cannot create log entries.");
    }
    List<FieldError> errors = validate(form, true);
    List<EntryForm.NewLink> links = form.links() == null ? List.of() : form.links();
    for (int i = 0; i < links.size(); i++) {
      checkLink(links.get(i), null, "links[" + i + "]", errors);
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The entry cannot be saved as it is.", errors);
    }
    Number id = (Number) em.createNativeQuery("""
            insert into governance_entry (tenant_id, type, title, description, process_area, priority, likelihood,
                                          impact, owner, due_date, meeting_id, created_by)
            values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as integer), cast(?8 as integer), ?9, cast(?10 as date),
                    cast(?11 as bigint), ?12) returning id""")
        .setParameter(1, tenantId()).setParameter(2, form.type().name()).setParameter(3, form.title().strip())
        .setParameter(4, text(form.description())).setParameter(5, form.area().name())
        .setParameter(6, form.priority().name()).setParameter(7, form.likelihood()).setParameter(8, form.impact())
        .setParameter(9, blankToNull(form.owner())).setParameter(10, form.dueDate()).setParameter(11, meetingId)
        .setParameter(12, username()).getSingleResult();
    long entryId = id.longValue();
    record(entryId, "CREATED", null, null, null, meetingId == null ? null : "meeting " + meetingId);
    for (EntryForm.NewLink link : new LinkedHashSet<>(links)) {
      insertLink(entryId, link.kind(), link.targetId());
    }
    return find(entryId).orElseThrow();
  }

  /** Changes the entry's fields, checking the version the caller saw; each changed field is an event. */
  public EntryDetail update(long id, EntryForm form) {
    Actor actor = actor();
    Row r = require(id, actor);
    boolean owns = owns(r);
    if (!GovernanceRules.mayEdit(actor, owns)) {
      throw ProblemException.forbidden("Your role cannot edit this entry.");
    }
    if (form == null) {
      throw new InvalidFields("Send the entry.", List.of(new FieldError("title", "is required")));
    }
    checkVersion(r, form.version());
    EntryForm complete = new EntryForm(r.type(), form.title(), form.description(), form.area(), form.priority(),
        form.likelihood(), form.impact(), form.owner(), form.dueDate(), List.of(), form.version());
    String owner = blankToNull(form.owner());
    if (!Objects.equals(owner, r.owner()) && !GovernanceRules.mayReassign(actor)) {
      throw ProblemException.forbidden("Only the BPO lead gives an entry to someone else.");
    }
    List<FieldError> errors = validate(complete, false);
    if (!errors.isEmpty()) {
      throw new InvalidFields("The entry cannot be saved as it is.", errors);
    }
    Map<String, String[]> changes = new LinkedHashMap<>();
    change(changes, "title", r.title(), form.title().strip());
    change(changes, "description", r.description(), text(form.description()));
    change(changes, "area", r.area().name(), form.area().name());
    change(changes, "priority", r.priority().name(), form.priority().name());
    change(changes, "likelihood", str(r.likelihood()), str(form.likelihood()));
    change(changes, "impact", str(r.impact()), str(form.impact()));
    change(changes, "owner", r.owner(), owner);
    change(changes, "dueDate", str(r.dueDate()), str(form.dueDate()));
    if (changes.isEmpty()) {
      return detail(r, actor);
    }
    int updated = em.createNativeQuery("""
            update governance_entry set title = ?3, description = ?4, process_area = ?5, priority = ?6,
                   likelihood = cast(?7 as integer), impact = cast(?8 as integer), owner = ?9,
                   due_date = cast(?10 as date), updated_at = now(), version = version + 1
            where tenant_id = ?1 and id = ?2 and version = ?11""")
        .setParameter(1, tenantId()).setParameter(2, id).setParameter(3, form.title().strip())
        .setParameter(4, text(form.description())).setParameter(5, form.area().name())
        .setParameter(6, form.priority().name()).setParameter(7, form.likelihood()).setParameter(8, form.impact())
        .setParameter(9, owner).setParameter(10, form.dueDate()).setParameter(11, r.version()).executeUpdate();
    if (updated == 0) {
      throw conflict(id);
    }
    changes.forEach((field, values) -> record(id, "CHANGED", field, values[0], values[1], null));
    return find(id).orElseThrow();
  }

  private static void change(Map<String, String[]> changes, String field, String before, String after) {
    if (!Objects.equals(before, after)) {
      changes.put(field, new String[] {before, after});
    }
  }

  /** Takes a workflow step. A manual escalation needs a reason and rises one level of the matrix. */
  public EntryDetail transition(long id, StepRequest step) {
    Actor actor = actor();
    Row r = require(id, actor);
    if (step == null || step.action() == null) {
      throw new InvalidFields("Say what to do.", List.of(new FieldError("action",
          "must be one of " + List.of(EntryAction.values()))));
    }
    checkVersion(r, step.version());
    EntryStatus to = EntryWorkflow.next(r.status(), step.action(), actor, owns(r));
    String note = text(step.note());
    if (step.action() == EntryAction.ESCALATE && note.isEmpty()) {
      throw new InvalidFields("Say why you escalate.", List.of(new FieldError("note", "is required: the reason")));
    }
    if (note.length() > MAX_TEXT) {
      throw new InvalidFields("The note is too long.", List.of(new FieldError("note", "must be at most " + MAX_TEXT
          + " characters")));
    }
    int level = r.level();
    Optional<EscalationMatrix.Level> raised = Optional.empty();
    if (step.action() == EntryAction.ESCALATE) {
      raised = settings().matrix().above(r.level());
      level = raised.map(EscalationMatrix.Level::level).orElse(r.level());
    }
    // a lead taking a proposed action in hand adopts it
    boolean proposed = r.proposed() && actor != Actor.LEAD;
    move(r, to, level, proposed);
    record(id, step.action().name(), "status", r.status().name(), to.name(), note.isEmpty() ? null : note);
    if (level != r.level()) {
      record(id, "LEVEL", "escalationLevel", String.valueOf(r.level()), String.valueOf(level), null);
    }
    raised.ifPresent(l -> notifyEscalation(r, l, mail.manualBody(facts(r, l, 0), username(), note)));
    return find(id).orElseThrow();
  }

  private void move(Row r, EntryStatus to, int level, boolean proposed) {
    int updated = em.createNativeQuery("update governance_entry set status = ?3, escalation_level = ?4, proposed = ?5, "
            + "updated_at = now(), version = version + 1 where tenant_id = ?1 and id = ?2 and version = ?6")
        .setParameter(1, tenantId()).setParameter(2, r.id()).setParameter(3, to.name()).setParameter(4, level)
        .setParameter(5, proposed).setParameter(6, r.version()).executeUpdate();
    if (updated == 0) {
      throw conflict(r.id());
    }
  }

  public EntryDetail comment(long id, String body) {
    Actor actor = actor();
    Row r = require(id, actor);
    if (!GovernanceRules.mayComment(actor, owns(r))) {
      throw ProblemException.forbidden("Your role cannot comment on this entry.");
    }
    String text = text(body);
    if (text.isEmpty() || text.length() > MAX_TEXT) {
      throw new InvalidFields("The comment cannot be posted as it is.",
          List.of(new FieldError("body", "must be 1 to " + MAX_TEXT + " characters")));
    }
    em.createNativeQuery("insert into governance_comment (tenant_id, entry_id, author, body) values (?1, ?2, ?3, ?4)")
        .setParameter(1, tenantId()).setParameter(2, id).setParameter(3, username()).setParameter(4, text)
        .executeUpdate();
    em.createNativeQuery("update governance_entry set updated_at = now() where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenantId()).setParameter(2, id).executeUpdate();
    record(id, "COMMENTED", null, null, null, null);
    if (r.owner() != null && !owns(r)) {
      GovernanceMail.Facts facts = facts(r, null, 0);
      emailOf(r.owner()).ifPresent(e -> outbox.enqueue(e, mail.commentSubject(facts),
          mail.commentBody(facts, username(), text)));
    }
    return find(id).orElseThrow();
  }

  public EntryDetail link(long id, EntryForm.NewLink link) {
    Actor actor = actor();
    Row r = require(id, actor);
    if (!GovernanceRules.mayEdit(actor, owns(r))) {
      throw ProblemException.forbidden("Your role cannot link this entry.");
    }
    List<FieldError> errors = new ArrayList<>();
    checkLink(link, id, "link", errors);
    if (!errors.isEmpty()) {
      throw new InvalidFields("The link cannot be made.", errors);
    }
    insertLink(id, link.kind(), link.targetId());
    return find(id).orElseThrow();
  }

  public EntryDetail unlink(long id, LinkKind kind, long targetId) {
    Actor actor = actor();
    Row r = require(id, actor);
    if (!GovernanceRules.mayEdit(actor, owns(r))) {
      throw ProblemException.forbidden("Your role cannot unlink this entry.");
    }
    int removed = em.createNativeQuery("delete from governance_link where tenant_id = ?1 and entry_id = ?2 "
            + "and kind = ?3 and target_id = ?4")
        .setParameter(1, tenantId()).setParameter(2, id).setParameter(3, kind.name()).setParameter(4, targetId)
        .executeUpdate();
    if (removed == 0) {
      throw ProblemException.notFound("Link to " + kind + " " + targetId);
    }
    record(id, "UNLINKED", "link", kind + " " + targetId, null, null);
    return find(id).orElseThrow();
  }

  private void insertLink(long entryId, LinkKind kind, long targetId) {
    int added = em.createNativeQuery("insert into governance_link (tenant_id, entry_id, kind, target_id, created_by) "
            + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
        .setParameter(1, tenantId()).setParameter(2, entryId).setParameter(3, kind.name()).setParameter(4, targetId)
        .setParameter(5, username()).executeUpdate();
    if (added > 0) {
      record(entryId, "LINKED", "link", null, kind + " " + targetId, null);
    }
  }

  /** A link's target must exist in the tenant and be visible to the caller. */
  private void checkLink(EntryForm.NewLink link, Long self, String field, List<FieldError> errors) {
    if (link == null || link.kind() == null || link.targetId() == null) {
      errors.add(new FieldError(field, "needs a kind (" + List.of(LinkKind.values()) + ") and a targetId"));
      return;
    }
    boolean exists = switch (link.kind()) {
      case INVOICE -> invoices.find(link.targetId()).isPresent();
      case DISPUTE -> disputes.find(link.targetId()).isPresent();
      case ENTRY -> !link.targetId().equals(self) && find(link.targetId()).isPresent();
      case PROCEDURE -> procedures.find(link.targetId()).isPresent();
    };
    if (!exists) {
      errors.add(new FieldError(field + ".targetId", "no such " + link.kind().name().toLowerCase()));
    }
  }

  private List<FieldError> validate(EntryForm form, boolean creating) {
    List<FieldError> errors = new ArrayList<>();
    if (form.type() == null) {
      errors.add(new FieldError("type", "must be one of " + List.of(EntryType.values())));
    }
    String title = text(form.title());
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      errors.add(new FieldError("title", "must be 1 to " + MAX_TITLE + " characters"));
    }
    if (text(form.description()).length() > MAX_TEXT) {
      errors.add(new FieldError("description", "must be at most " + MAX_TEXT + " characters"));
    }
    if (form.area() == null) {
      errors.add(new FieldError("area", "must be one of " + List.of(ProcessArea.values())));
    }
    if (form.priority() == null) {
      errors.add(new FieldError("priority", "must be one of " + List.of(Priority.values())));
    }
    if (form.type() == EntryType.RISK) {
      if (form.likelihood() == null || form.likelihood() < 1 || form.likelihood() > 5) {
        errors.add(new FieldError("likelihood", "a risk needs a likelihood from 1 to 5"));
      }
      if (form.impact() == null || form.impact() < 1 || form.impact() > 5) {
        errors.add(new FieldError("impact", "a risk needs an impact from 1 to 5"));
      }
    } else if (form.likelihood() != null || form.impact() != null) {
      errors.add(new FieldError("likelihood", "only a risk has a likelihood and an impact"));
    }
    String owner = blankToNull(form.owner());
    if (owner != null && staff().stream().noneMatch(s -> s.username().equals(owner))) {
      errors.add(new FieldError("owner", "is not one of this tenant's people"));
    }
    if (form.dueDate() != null && (form.dueDate().getYear() < 2000 || form.dueDate().getYear() > 2100)) {
      errors.add(new FieldError("dueDate", "must be a date between 2000 and 2100"));
    }
    return errors;
  }

  // ---------------------------------------------------------------- escalation

  /**
   * Escalates every live entry overdue enough for a level above the one it stands at, as of
   * {@code today}; the level's contact and the owner are told by mail. Returns how many rose.
   * Called by the daily job (as the system) and by a lead who wants the round now.
   */
  @SuppressWarnings("unchecked")
  public int escalateOverdue(LocalDate today) {
    Actor actor = actor();
    if (actor != Actor.SYSTEM && actor != Actor.LEAD) {
      throw ProblemException.forbidden("Only the BPO lead runs the escalation round.");
    }
    EscalationMatrix matrix = settings().matrix();
    List<Object[]> due = em.createNativeQuery("select " + COLUMNS + " from governance_entry where tenant_id = ?1 "
            + "and status in ('OPEN', 'IN_PROGRESS', 'ESCALATED') and due_date < ?2 order by due_date, id "
            + "for update skip locked")
        .setParameter(1, tenantId()).setParameter(2, today).getResultList();
    int escalated = 0;
    for (Object[] o : due) {
      Row r = row(o);
      Optional<EscalationMatrix.Level> level = matrix.escalationDue(r.dueDate(), today, r.level());
      if (level.isEmpty()) {
        continue;
      }
      EscalationMatrix.Level l = level.get();
      long days = EscalationMatrix.daysOverdue(r.dueDate(), today);
      move(r, EntryStatus.ESCALATED, l.level(), r.proposed());
      String note = "Overdue by " + days + " day(s) on " + today;
      record(r.id(), "ESCALATED_OVERDUE", "status", r.status().name(), EntryStatus.ESCALATED.name(), note,
          Actor.SYSTEM_USER);
      record(r.id(), "LEVEL", "escalationLevel", String.valueOf(r.level()), String.valueOf(l.level()), null,
          Actor.SYSTEM_USER);
      notifyEscalation(r, l, mail.overdueBody(facts(r, l, days)));
      escalated++;
    }
    return escalated;
  }

  private void notifyEscalation(Row r, EscalationMatrix.Level level, String body) {
    GovernanceMail.Facts facts = facts(r, level, 0);
    Set<String> recipients = new LinkedHashSet<>();
    Optional.ofNullable(level.contactEmail()).filter(e -> !e.isBlank()).ifPresent(recipients::add);
    Optional.ofNullable(r.owner()).flatMap(this::emailOf).ifPresent(recipients::add);
    for (String email : recipients) {
      outbox.enqueue(email, mail.escalatedSubject(facts), body);
    }
  }

  private Optional<String> emailOf(String username) {
    return staff().stream().filter(s -> s.username().equals(username) && s.email() != null).map(StaffMember::email)
        .findFirst();
  }

  private GovernanceMail.Facts facts(Row r, EscalationMatrix.Level level, long days) {
    Tenant tenant = context.requireTenant();
    return new GovernanceMail.Facts(tenant.name(), tenant.locale(), EntrySummary.number(r.id()), r.title(),
        r.dueDate(), level == null ? 0 : level.level(), level == null ? "" : level.role(), days);
  }

  // ---------------------------------------------------------------- root-cause loop

  /**
   * Proposes one action per dispute reason and month (this month and the last, as of {@code today})
   * whose disputes exceed the tenant's threshold, linked to those disputes and filed under the
   * process area the reason points to. Idempotent: the reason and month are the proposal's key.
   */
  public int proposeRootCauseActions(LocalDate today) {
    Actor actor = actor();
    if (actor != Actor.SYSTEM && actor != Actor.LEAD) {
      throw ProblemException.forbidden("Only the BPO lead runs the root-cause loop.");
    }
    int threshold = settings().rootCauseThreshold();
    int proposed = 0;
    for (YearMonth month : List.of(YearMonth.from(today).minusMonths(1), YearMonth.from(today))) {
      LocalDate end = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
      DisputeAnalysis analysis = disputeAnalysis.analyse(month.atDay(1), end);
      for (DisputeAnalysis.ByReason reason : analysis.reasons()) {
        if (RootCause.recurs(reason.count(), threshold)) {
          proposed += propose(reason, month, threshold, today) ? 1 : 0;
        }
      }
    }
    return proposed;
  }

  private boolean propose(DisputeAnalysis.ByReason reason, YearMonth month, int threshold, LocalDate today) {
    String key = RootCause.key(reason.code(), month);
    ProcessArea area = RootCause.areaOf(reason.code());
    @SuppressWarnings("unchecked")
    List<Number> ids = em.createNativeQuery("""
            insert into governance_entry (tenant_id, type, title, description, process_area, priority, due_date,
                                          proposed, root_cause_key, created_by)
            values (?1, 'ACTION', ?2, ?3, ?4, 'HIGH', ?5, true, ?6, ?7)
            on conflict (tenant_id, root_cause_key) do nothing returning id""")
        .setParameter(1, tenantId())
        .setParameter(2, "Root cause: " + reason.label() + " disputes recur (" + reason.count() + " in " + month + ")")
        .setParameter(3, reason.count() + " disputes with reason " + reason.label() + " were raised in " + month
            + ", more than the threshold of " + threshold + ". Find the cause in the " + area.name().toLowerCase()
            + " process, fix it, and record the fix in a new version of its procedure.")
        .setParameter(4, area.name()).setParameter(5, today.plusDays(14)).setParameter(6, key)
        .setParameter(7, Actor.SYSTEM_USER).getResultList();
    if (ids.isEmpty()) {
      return false;
    }
    long entryId = ids.get(0).longValue();
    record(entryId, "PROPOSED", null, null, null, "root cause " + key, Actor.SYSTEM_USER);
    // the fix is tracked through to a new version of the area's procedure
    procedures.procedureOfArea(area).ifPresent(procedure -> em.createNativeQuery(
            "insert into governance_link (tenant_id, entry_id, kind, target_id, created_by) "
                + "values (?1, ?2, 'PROCEDURE', ?3, ?4) on conflict do nothing")
        .setParameter(1, tenantId()).setParameter(2, entryId).setParameter(3, procedure)
        .setParameter(4, Actor.SYSTEM_USER).executeUpdate());
    ZoneId zone = ZoneId.of(context.requireTenant().timeZone());
    OffsetDateTime from = month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
    DisputeFilter filter = new DisputeFilter(Set.of(), Optional.of(reason.code()), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, false, Optional.empty());
    String cursor = null;
    int linked = 0;
    do {
      Page<DisputeSummary> page = disputes.list(filter, DisputeSort.DEFAULT, PageRequest.of(200, cursor));
      for (DisputeSummary d : page.items()) {
        if (!d.raisedAt().isBefore(from) && d.raisedAt().isBefore(to)) {
          em.createNativeQuery("insert into governance_link (tenant_id, entry_id, kind, target_id, created_by) "
                  + "values (?1, ?2, 'DISPUTE', ?3, ?4) on conflict do nothing")
              .setParameter(1, tenantId()).setParameter(2, entryId).setParameter(3, d.id())
              .setParameter(4, Actor.SYSTEM_USER).executeUpdate();
          linked++;
        }
      }
      boolean older = page.items().isEmpty() || page.items().get(page.items().size() - 1).raisedAt().isBefore(from);
      cursor = older ? null : page.next();
    } while (cursor != null && linked < 1000);
    return true;
  }

  // ---------------------------------------------------------------- settings and views

  @SuppressWarnings("unchecked")
  public GovernanceSettings settings() {
    String tenant = tenantId();
    List<Object[]> s = em.createNativeQuery("select root_cause_threshold, version from governance_settings "
            + "where tenant_id = ?1").setParameter(1, tenant).getResultList();
    List<EscalationMatrix.Level> levels = new ArrayList<>();
    for (Object[] l : (List<Object[]>) em.createNativeQuery("select level, role, contact_name, contact_email, "
            + "days_overdue from governance_escalation_level where tenant_id = ?1 order by level")
        .setParameter(1, tenant).getResultList()) {
      levels.add(new EscalationMatrix.Level(((Number) l[0]).intValue(), (String) l[1], (String) l[2], (String) l[3],
          ((Number) l[4]).intValue()));
    }
    return s.isEmpty() ? new GovernanceSettings(5, levels, 0)
        : new GovernanceSettings(((Number) s.get(0)[0]).intValue(), levels, ((Number) s.get(0)[1]).longValue());
  }

  /**
   * Replaces the matrix and the threshold (BPO leads), with the version read: levels numbered from
   * 1 without gaps, each reached later than the one below it.
   */
  public GovernanceSettings saveSettings(GovernanceSettings settings) {
    if (!GovernanceRules.managesSettings(actor())) {
      throw ProblemException.forbidden("Only the BPO lead sets the escalation matrix.");
    }
    List<FieldError> errors = new ArrayList<>();
    if (settings == null || settings.levels() == null) {
      throw new InvalidFields("Send the settings.", List.of(new FieldError("levels", "are required")));
    }
    if (settings.rootCauseThreshold() < 1 || settings.rootCauseThreshold() > 10000) {
      errors.add(new FieldError("rootCauseThreshold", "must be between 1 and 10000"));
    }
    List<EscalationMatrix.Level> levels = settings.levels();
    if (levels.isEmpty() || levels.size() > 9) {
      errors.add(new FieldError("levels", "must hold 1 to 9 levels"));
    }
    int previousDays = 0;
    for (int i = 0; i < levels.size(); i++) {
      EscalationMatrix.Level l = levels.get(i);
      String field = "levels[" + i + "]";
      if (l.level() != i + 1) {
        errors.add(new FieldError(field + ".level", "must be " + (i + 1) + ": levels are numbered from 1 in order"));
      }
      if (text(l.role()).isEmpty() || l.role().length() > 100) {
        errors.add(new FieldError(field + ".role", "must be 1 to 100 characters"));
      }
      if (l.contactName() != null && l.contactName().length() > 100) {
        errors.add(new FieldError(field + ".contactName", "must be at most 100 characters"));
      }
      String email = blankToNull(l.contactEmail());
      if (email != null && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
        errors.add(new FieldError(field + ".contactEmail", "must be an email address such as lead@example.com"));
      }
      if (l.daysOverdue() <= previousDays || l.daysOverdue() > 365) {
        errors.add(new FieldError(field + ".daysOverdue", "must be more than " + previousDays
            + " (the level below) and at most 365"));
      }
      previousDays = Math.max(previousDays, l.daysOverdue());
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The escalation settings are not valid.", errors);
    }
    String tenant = tenantId();
    int updated = em.createNativeQuery("""
            insert into governance_settings (tenant_id, root_cause_threshold, version) values (?1, ?2, 1)
            on conflict (tenant_id) do update set root_cause_threshold = excluded.root_cause_threshold,
                version = governance_settings.version + 1
            where governance_settings.version = ?3""")
        .setParameter(1, tenant).setParameter(2, settings.rootCauseThreshold()).setParameter(3, settings.version())
        .executeUpdate();
    if (updated == 0) {
      throw new ProblemException("conflict", "Changed meanwhile", 409,
          "Someone changed the escalation settings meanwhile. Reload them and try again.");
    }
    em.createNativeQuery("delete from governance_escalation_level where tenant_id = ?1").setParameter(1, tenant)
        .executeUpdate();
    for (EscalationMatrix.Level l : levels) {
      em.createNativeQuery("insert into governance_escalation_level (tenant_id, level, role, contact_name, "
              + "contact_email, days_overdue) values (?1, ?2, ?3, ?4, ?5, ?6)")
          .setParameter(1, tenant).setParameter(2, l.level()).setParameter(3, l.role().strip())
          .setParameter(4, blankToNull(l.contactName())).setParameter(5, blankToNull(l.contactEmail()))
          .setParameter(6, l.daysOverdue()).executeUpdate();
    }
    return settings();
  }

  @SuppressWarnings("unchecked")
  public List<SavedView> views() {
    actor();
    List<SavedView> views = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("select id, name, filter from governance_saved_view "
            + "where tenant_id = ?1 and username = ?2 order by name")
        .setParameter(1, tenantId()).setParameter(2, username()).getResultList()) {
      views.add(new SavedView(((Number) r[0]).longValue(), (String) r[1], (String) r[2]));
    }
    return views;
  }

  /** Saves the filter under a name for the caller; the same name again replaces it. */
  public SavedView saveView(String name, EntryFilter filter) {
    actor();
    String label = text(name);
    if (label.isEmpty() || label.length() > 60) {
      throw new InvalidFields("The view needs a name.", List.of(new FieldError("name", "must be 1 to 60 characters")));
    }
    String query = filter.toQuery();
    Number id = (Number) em.createNativeQuery("""
            insert into governance_saved_view (tenant_id, username, name, filter) values (?1, ?2, ?3, ?4)
            on conflict (tenant_id, username, name) do update set filter = excluded.filter returning id""")
        .setParameter(1, tenantId()).setParameter(2, username()).setParameter(3, label).setParameter(4, query)
        .getSingleResult();
    return new SavedView(id.longValue(), label, query);
  }

  public void deleteView(long id) {
    actor();
    int removed = em.createNativeQuery("delete from governance_saved_view where tenant_id = ?1 and username = ?2 "
            + "and id = ?3")
        .setParameter(1, tenantId()).setParameter(2, username()).setParameter(3, id).executeUpdate();
    if (removed == 0) {
      throw ProblemException.notFound("Saved view " + id);
    }
  }

  // ---------------------------------------------------------------- helpers

  private void record(long entryId, String action, String field, String before, String after, String note) {
    record(entryId, action, field, before, after, note, username());
  }

  private void record(long entryId, String action, String field, String before, String after, String note,
                      String actor) {
    em.createNativeQuery("insert into governance_event (tenant_id, entry_id, actor, action, field, before, after, note) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .setParameter(1, tenantId()).setParameter(2, entryId).setParameter(3, actor).setParameter(4, action)
        .setParameter(5, field).setParameter(6, before).setParameter(7, after).setParameter(8, note).executeUpdate();
  }

  private void checkVersion(Row r, Long version) {
    if (version == null) {
      throw new InvalidFields("Send the version you last saw.",
          List.of(new FieldError("version", "is required, so that no change silently overwrites another")));
    }
    if (version != r.version()) {
      throw new ProblemException("conflict", "Changed meanwhile", 409, "Log entry " + EntrySummary.number(r.id())
          + " was changed by someone else (version " + r.version() + ", you sent " + version
          + "). Reload it and try again.");
    }
  }

  private static ProblemException conflict(long id) {
    return new ProblemException("conflict", "Changed meanwhile", 409, "Log entry " + EntrySummary.number(id)
        + " was changed by someone else while you worked on it. Reload it and try again.");
  }

  private String username() {
    PortalUser user = context.requireUser();
    return user.username();
  }

  private String tenantId() {
    return context.requireTenant().id();
  }

  static String text(String value) {
    return value == null ? "" : value.strip();
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }

  private static Integer integer(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }

  static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    throw new IllegalStateException("not a date: " + value);
  }

  static OffsetDateTime timestamp(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime t) {
      return t;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(ZoneOffset.UTC);
    }
    if (value instanceof Instant t) {
      return t.atOffset(ZoneOffset.UTC);
    }
    throw new IllegalStateException("not a timestamp: " + value);
  }
}
