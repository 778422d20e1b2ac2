package com.bpo.portal.procedure;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.ProcessArea;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant's library of desk-top procedures: reading procedures, their versions,
 * acknowledgements, reviews and history, search, and a procedure's facts (title, area, owner,
 * review interval). Taking steps on versions is {@link ProcedureVersions}'s. Leads own and edit,
 * client stakeholders approve and read, agents read and acknowledge; customers reach nothing.
 */
@TenantService
public class ProcedureService {
  static final int MAX_SEARCH_RESULTS = 50;

  @Inject TenantContext context;
  @Inject ProcedureQueries queries;
  @Inject ProcedureSearchQueries searches;

  // ---------------------------------------------------------------- reading

  /** The library by process area and title, keyset-paginated; optionally one area. */
  public Page<ProcedureSummary> list(ProcessArea area, PageRequest page) {
    requireReader();
    return queries.list(Optional.ofNullable(area), page, context.today());
  }

  /**
   * The procedure of a process area (the first by title), for the governance root-cause loop, which
   * links the action it proposes to the procedure whose next version should carry the fix. Service
   * to service: it gives an id only, so it asks for no reader role (the loop runs as the system).
   */
  public Optional<Long> procedureOfArea(ProcessArea area) {
    return queries.firstOfArea(area);
  }

  /**
   * Procedures whose review is due within {@link ReviewSchedule#DUE_SOON_DAYS} days or overdue, the
   * oldest first.
   */
  public List<ProcedureSummary> dueReviews() {
    requireReader();
    LocalDate today = context.today();
    return queries.reviewsDueBy(today.plusDays(ReviewSchedule.DUE_SOON_DAYS), today);
  }

  public Optional<ProcedureDetail> find(long id) {
    requireReader();
    return queries.find(id, context.today()).map(this::detail);
  }

  ProcedureSummary require(long id) {
    return queries
        .find(id, context.today())
        .orElseThrow(() -> ProblemException.notFound("Procedure " + id));
  }

  ProcedureDetail detail(ProcedureSummary p) {
    List<VersionSummary> versions = queries.versions(p.id());
    Optional<VersionSummary> effective = effective(versions);
    VersionDetail effectiveDetail = effective.map(v -> versionDetail(p, v)).orElse(null);
    ProcedureDetail.Acknowledgements acks = acknowledgements(effective.orElse(null));
    String me = context.requireUser().username();
    boolean mine = acks.acknowledged().stream().anyMatch(a -> a.username().equals(me));
    return new ProcedureDetail(
        p, versions, effectiveDetail, acks, mine, queries.reviews(p.id()), queries.history(p.id()));
  }

  static Optional<VersionSummary> effective(List<VersionSummary> versions) {
    return versions.stream().filter(v -> v.status() == VersionStatus.EFFECTIVE).findFirst();
  }

  /** One version to read, with its rendered text, attachments and the caller's possible steps. */
  public Optional<VersionDetail> version(long procedureId, long versionId) {
    requireReader();
    return queries
        .find(procedureId, context.today())
        .flatMap(p -> queries.version(procedureId, versionId).map(v -> versionDetail(p, v)));
  }

  VersionDetail versionDetail(ProcedureSummary p, VersionSummary v) {
    String content = queries.content(v.id());
    Set<VersionAction> actions =
        ProcedureWorkflow.available(
            v.status(), Actor.of(context.requireUser()), p.clientApprovalRequired());
    return new VersionDetail(
        p.id(),
        p.title(),
        v,
        content,
        SafeMarkdown.toHtml(content),
        queries.attachments(v.id()),
        actions);
  }

  /**
   * The version that was (or will be) in force on {@code date}: read from the stored date ranges.
   */
  public Optional<VersionSummary> effectiveOn(long procedureId, LocalDate date) {
    requireReader();
    require(procedureId);
    return queries.effectiveOn(procedureId, date == null ? context.today() : date);
  }

  /** A line diff between two versions of one procedure. */
  public ProcedureDiff.Result diff(long procedureId, long fromVersionId, long toVersionId) {
    requireReader();
    require(procedureId);
    VersionSummary from =
        queries
            .version(procedureId, fromVersionId)
            .orElseThrow(() -> ProblemException.notFound("Version " + fromVersionId));
    VersionSummary to =
        queries
            .version(procedureId, toVersionId)
            .orElseThrow(() -> ProblemException.notFound("Version " + toVersionId));
    List<ProcedureDiff.Line> lines =
        ProcedureDiff.lines(queries.content(from.id()), queries.content(to.id()));
    int added = (int) lines.stream().filter(l -> l.kind() == ProcedureDiff.Kind.ADDED).count();
    int removed = (int) lines.stream().filter(l -> l.kind() == ProcedureDiff.Kind.REMOVED).count();
    return new ProcedureDiff.Result(
        from.id(), from.number(), to.id(), to.number(), added, removed, lines);
  }

  private ProcedureDetail.Acknowledgements acknowledgements(VersionSummary effective) {
    if (effective == null) {
      return new ProcedureDetail.Acknowledgements(null, null, List.of(), List.of());
    }
    return new ProcedureDetail.Acknowledgements(
        effective.id(),
        effective.number(),
        queries.acknowledged(effective),
        queries.notAcknowledged(effective.id()));
  }

  /** Who has acknowledged the effective version, and which of the BPO staff have not. */
  public ProcedureDetail.Acknowledgements acknowledgements(long id) {
    requireReader();
    require(id);
    return acknowledgements(effective(queries.versions(id)).orElse(null));
  }

  /**
   * Full-text search over titles (weight A) and the text in force (weight B) of this tenant's
   * procedures, best first, with a highlighted snippet that is safe HTML.
   */
  public List<SearchHit> search(String text, Integer limit) {
    requireReader();
    String q = text == null ? "" : text.strip();
    if (q.isEmpty() || q.length() > 200) {
      throw new InvalidFields(
          "Say what to search for.", List.of(new FieldError("q", "must be 1 to 200 characters")));
    }
    int size = limit == null ? 20 : limit;
    if (size < 1 || size > MAX_SEARCH_RESULTS) {
      throw new InvalidFields(
          "Ask for fewer results.",
          List.of(new FieldError("limit", "must be between 1 and " + MAX_SEARCH_RESULTS)));
    }
    return searches.search(ProcedureSearch.configFor(context.requireTenant().locale()), q, size);
  }

  /** The BPO staff and stakeholders a procedure can be owned by: the tenant's leads. */
  public List<ProcedureDetail.Person> possibleOwners() {
    requireReader();
    return queries.leads();
  }

  /**
   * The names people read for the tenant's active staff and stakeholders, by username: what a
   * screen shows for an author, approver, reviewer or actor (who is no longer active keeps the
   * username).
   */
  public java.util.Map<String, String> staffNames() {
    requireReader();
    return queries.staffNames();
  }

  public record AttachmentContent(String fileName, String mediaType, byte[] content) {}

  public Optional<AttachmentContent> attachment(long id, long versionId, long attachmentId) {
    requireReader();
    if (queries.version(id, versionId).isEmpty()) {
      return Optional.empty();
    }
    return queries.attachmentContent(versionId, attachmentId);
  }

  // ---------------------------------------------------------------- the library's facts

  /** A new procedure, with version 1 as a draft. Leads only. */
  public ProcedureDetail create(NewProcedure request) {
    requireLead();
    ProcedureQueries.Facts facts =
        validate(
            request.title(),
            request.processArea(),
            request.owner(),
            request.reviewIntervalMonths(),
            request.clientApprovalRequired(),
            true);
    String content = request.content() == null ? "" : request.content();
    ProcedureVersions.checkContent(content);
    if (queries.titleTaken(facts.title(), Optional.empty())) {
      throw titleTaken();
    }
    long id = queries.insert(facts, ProcedureSearch.configFor(context.requireTenant().locale()));
    String user = context.requireUser().username();
    long versionId = queries.insertVersion(id, 1, content, "First version", user);
    queries.event(id, null, user, "CREATED", null, null, facts.title());
    queries.event(id, versionId, user, "DRAFTED", null, VersionStatus.DRAFT, null);
    searches.refresh(id);
    return detail(require(id));
  }

  /**
   * Changes a procedure's facts (title, area, owner, review interval, approval rule). Leads only.
   */
  public ProcedureDetail update(long id, ProcedureChange change) {
    requireLead();
    ProcedureSummary p = lock(id);
    ProcedureVersions.checkVersion("Procedure", p.version(), change.version());
    ProcedureQueries.Facts facts =
        validate(
            change.title(),
            change.processArea(),
            change.owner(),
            change.reviewIntervalMonths(),
            change.clientApprovalRequired(),
            false);
    if (queries.titleTaken(facts.title(), Optional.of(id))) {
      throw titleTaken();
    }
    // a new interval moves the next review, counted from the start of the version in force
    LocalDate nextReview =
        p.effectiveFrom() != null && facts.interval() != p.reviewIntervalMonths()
            ? ReviewSchedule.nextReview(
                EffectiveDates.reviewBase(p.effectiveFrom(), lastConfirmed(id)), facts.interval())
            : p.nextReviewOn();
    queries.update(id, facts, nextReview);
    queries.event(id, null, context.requireUser().username(), "UPDATED", null, null, null);
    return detail(require(id));
  }

  private Optional<LocalDate> lastConfirmed(long id) {
    ZoneId zone = ZoneId.of(context.requireTenant().timeZone());
    return queries.lastConfirmed(id).map(at -> at.atZoneSameInstant(zone).toLocalDate());
  }

  private static InvalidFields titleTaken() {
    return new InvalidFields(
        "A procedure with this title exists.",
        List.of(new FieldError("title", "is already the title of another procedure")));
  }

  private ProcedureQueries.Facts validate(
      String title,
      ProcessArea area,
      String owner,
      Integer interval,
      Boolean clientApproval,
      boolean defaults) {
    List<FieldError> errors = new ArrayList<>();
    String t = title == null ? "" : title.strip();
    if (t.isEmpty() || t.length() > 200) {
      errors.add(new FieldError("title", "must be 1 to 200 characters"));
    }
    if (area == null) {
      errors.add(new FieldError("processArea", "is required"));
    }
    String o =
        owner == null || owner.isBlank()
            ? (defaults ? context.requireUser().username() : "")
            : owner.strip();
    if (queries.leads().stream().noneMatch(person -> person.username().equals(o))) {
      errors.add(new FieldError("owner", "must be one of this tenant's BPO leads"));
    }
    int months = interval == null ? 12 : interval;
    if (months < 1 || months > 60) {
      errors.add(new FieldError("reviewIntervalMonths", "must be between 1 and 60"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The procedure cannot be saved as it is.", errors);
    }
    return new ProcedureQueries.Facts(t, area, o, months, clientApproval == null || clientApproval);
  }

  /**
   * Locks the procedure's row for the rest of the transaction: steps on one procedure run one at a
   * time.
   */
  ProcedureSummary lock(long id) {
    if (!queries.lock(id)) {
      throw ProblemException.notFound("Procedure " + id);
    }
    return require(id);
  }

  private Actor requireReader() {
    return ProcedureAccess.reader(context.requireUser());
  }

  private void requireLead() {
    ProcedureAccess.lead(context.requireUser());
  }
}
