package com.bpo.portal.governance;

import com.bpo.portal.dispute.DisputeService;
import com.bpo.portal.dispute.DisputeSummary;
import com.bpo.portal.invoice.InvoiceService;
import com.bpo.portal.invoice.InvoiceSummary;
import com.bpo.portal.procedure.ProcedureService;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The governance log: entries, their workflow, edits, comments and links, each change written as a
 * history event in the same transaction, and each user's saved views. Who may do what is decided by
 * {@link GovernanceRules} and {@link EntryWorkflow}, what an entry must hold by {@link EntryRules};
 * an entry the caller may not see is "not found". The escalation matrix and the overdue round live
 * in {@link EscalationService}, the root-cause loop in {@link RootCauseLoop}.
 */
@TenantService
public class GovernanceService {
  @Inject TenantContext context;
  @Inject Clock clock;
  @Inject EntryQueries entries;
  @Inject SavedViewQueries savedViews;
  @Inject GovernanceSettingsQueries settings;
  @Inject EntryMail mail;
  @Inject InvoiceService invoices;
  @Inject DisputeService disputes;
  @Inject ProcedureService procedures;

  // ---------------------------------------------------------------- reading

  /** Today in the tenant's time zone, by the injected clock: what overdue is measured against. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone()));
  }

  public Actor actor() {
    return Actor.of(context.requireUser())
        .orElseThrow(
            () ->
                ProblemException.forbidden(
                    "Governance is for the BPO and the client's stakeholders."));
  }

  /** A keyset page of the log; an agent sees the entries they own. */
  public Page<EntrySummary> list(EntryFilter filter, EntrySort sort, PageRequest page) {
    Actor actor = actor();
    LocalDate today = today();
    Optional<String> ownedBy = actor == Actor.AGENT ? Optional.of(username()) : Optional.empty();
    Page<StoredEntry> stored =
        entries.list(new EntryQueries.Criteria(filter, ownedBy, today), sort, page);
    return new Page<>(stored.items().stream().map(e -> e.summary(today)).toList(), stored.next());
  }

  public Optional<EntryDetail> find(long id) {
    Actor actor = actor();
    return entries
        .find(id, false)
        .filter(e -> GovernanceRules.sees(actor, owns(e)))
        .map(e -> detail(e, actor));
  }

  /** The entry, locked, if the caller may see it; otherwise "not found", as if it did not exist. */
  private StoredEntry require(long id, Actor actor) {
    return entries
        .find(id, true)
        .filter(e -> GovernanceRules.sees(actor, owns(e)))
        .orElseThrow(() -> ProblemException.notFound("Log entry " + id));
  }

  private boolean owns(StoredEntry e) {
    return e.owner() != null && e.owner().equals(username());
  }

  private EntryDetail detail(StoredEntry e, Actor actor) {
    boolean owns = owns(e);
    List<EntryDetail.Link> links =
        entries.links(e.id()).stream()
            .map(l -> new EntryDetail.Link(l.kind(), l.targetId(), label(l.kind(), l.targetId())))
            .toList();
    return new EntryDetail(
        e.summary(today()),
        e.description(),
        e.likelihood(),
        e.impact(),
        e.createdBy(),
        e.createdAt(),
        links,
        entries.comments(e.id()),
        entries.history(e.id()),
        EntryWorkflow.available(e.status(), actor, owns),
        GovernanceRules.mayEdit(actor, owns),
        GovernanceRules.mayComment(actor, owns),
        GovernanceRules.mayReassign(actor));
  }

  /** How a link reads: the target's own number where the portal has one. */
  private String label(LinkKind kind, long target) {
    return switch (kind) {
      case INVOICE -> invoices.find(target).map(d -> d.invoice().number()).orElse("#" + target);
      case DISPUTE -> DisputeSummary.number(target);
      case ENTRY -> EntrySummary.number(target);
      case PROCEDURE -> LinkReference.prefix(LinkKind.PROCEDURE) + "-" + target;
    };
  }

  /**
   * Actions changed since {@code since} (any status), newest first: the "recent actions" of an
   * agenda.
   */
  public List<EntrySummary> actionsChangedSince(LocalDate since, int limit) {
    Actor actor = actor();
    LocalDate today = today();
    Optional<String> ownedBy = actor == Actor.AGENT ? Optional.of(username()) : Optional.empty();
    return entries
        .actionsChangedSince(since.atStartOfDay(zone()).toOffsetDateTime(), ownedBy, limit)
        .stream()
        .map(e -> e.summary(today))
        .toList();
  }

  /** The people who can own an entry: the tenant's active BPO staff and client stakeholders. */
  public List<StaffMember> staff() {
    return entries.staff();
  }

  // ---------------------------------------------------------------- changing

  public EntryDetail create(EntryForm form) {
    return create(form, null);
  }

  /**
   * Creates an entry (from a meeting when {@code meetingId} is given), with its links and a first
   * event.
   */
  public EntryDetail create(EntryForm form, Long meetingId) {
    Actor actor = actor();
    if (form == null) {
      throw new InvalidFields("Send the entry.", List.of(new FieldError("type", "is required")));
    }
    if (form.type() != null && !GovernanceRules.mayCreate(actor, form.type())) {
      throw ProblemException.forbidden(
          actor == Actor.STAKEHOLDER
              ? "Client stakeholders raise issues; actions, risks and decisions are logged by the BPO lead."
              : "Your role cannot create log entries.");
    }
    List<FieldError> errors = EntryRules.validate(form, people());
    List<EntryForm.NewLink> links = new ArrayList<>();
    List<EntryForm.NewLink> asked = form.links() == null ? List.of() : form.links();
    for (int i = 0; i < asked.size(); i++) {
      EntryForm.NewLink link = resolve(asked.get(i));
      checkLink(link, null, "links[" + i + "]", errors);
      links.add(link);
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The entry cannot be saved as it is.", errors);
    }
    long entryId = entries.insert(form.type(), EntryRules.fields(form), meetingId, username());
    record(entryId, "CREATED", null, null, null, meetingId == null ? null : "meeting " + meetingId);
    for (EntryForm.NewLink link : new LinkedHashSet<>(links)) {
      insertLink(entryId, link.kind(), link.targetId());
    }
    return find(entryId).orElseThrow();
  }

  /**
   * Changes the entry's fields, checking the version the caller saw; each changed field is an
   * event.
   */
  public EntryDetail update(long id, EntryForm form) {
    Actor actor = actor();
    StoredEntry e = require(id, actor);
    if (!GovernanceRules.mayEdit(actor, owns(e))) {
      throw ProblemException.forbidden("Your role cannot edit this entry.");
    }
    if (form == null) {
      throw new InvalidFields("Send the entry.", List.of(new FieldError("title", "is required")));
    }
    checkVersion(e, form.version());
    EntryForm complete =
        new EntryForm(
            e.type(),
            form.title(),
            form.description(),
            form.area(),
            form.priority(),
            form.likelihood(),
            form.impact(),
            form.owner(),
            form.dueDate(),
            List.of(),
            form.version());
    if (!Objects.equals(EntryRules.blankToNull(form.owner()), e.owner())
        && !GovernanceRules.mayReassign(actor)) {
      throw ProblemException.forbidden("Only the BPO lead gives an entry to someone else.");
    }
    List<FieldError> errors = EntryRules.validate(complete, people());
    if (!errors.isEmpty()) {
      throw new InvalidFields("The entry cannot be saved as it is.", errors);
    }
    EntryQueries.Fields fields = EntryRules.fields(complete);
    Map<String, String[]> changes = EntryRules.changes(e, fields);
    if (changes.isEmpty()) {
      return detail(e, actor);
    }
    if (!entries.update(id, e.version(), fields)) {
      throw conflict(id);
    }
    changes.forEach((field, values) -> record(id, "CHANGED", field, values[0], values[1], null));
    return find(id).orElseThrow();
  }

  /**
   * Takes a workflow step. A manual escalation needs a reason and rises one level of the matrix.
   */
  public EntryDetail transition(long id, StepRequest step) {
    Actor actor = actor();
    StoredEntry e = require(id, actor);
    if (step == null || step.action() == null) {
      throw new InvalidFields(
          "Say what to do.",
          List.of(new FieldError("action", "must be one of " + List.of(EntryAction.values()))));
    }
    checkVersion(e, step.version());
    EntryStatus to = EntryWorkflow.next(e.status(), step.action(), actor, owns(e));
    String note = EntryRules.text(step.note());
    if (step.action() == EntryAction.ESCALATE && note.isEmpty()) {
      throw new InvalidFields(
          "Say why you escalate.", List.of(new FieldError("note", "is required: the reason")));
    }
    if (note.length() > EntryRules.MAX_TEXT) {
      throw new InvalidFields(
          "The note is too long.",
          List.of(
              new FieldError("note", "must be at most " + EntryRules.MAX_TEXT + " characters")));
    }
    int level = e.level();
    Optional<EscalationMatrix.Level> raised = Optional.empty();
    if (step.action() == EntryAction.ESCALATE) {
      raised = settings.current().matrix().above(e.level());
      level = raised.map(EscalationMatrix.Level::level).orElse(e.level());
    }
    // a lead taking a proposed action in hand adopts it
    boolean proposed = e.proposed() && actor != Actor.LEAD;
    if (!entries.move(e.id(), e.version(), to, level, proposed)) {
      throw conflict(e.id());
    }
    record(
        id,
        step.action().name(),
        "status",
        e.status().name(),
        to.name(),
        note.isEmpty() ? null : note);
    if (level != e.level()) {
      record(
          id, "LEVEL", "escalationLevel", String.valueOf(e.level()), String.valueOf(level), null);
    }
    raised.ifPresent(l -> mail.escalatedByHand(e, l, username(), note));
    return find(id).orElseThrow();
  }

  public EntryDetail comment(long id, String body) {
    Actor actor = actor();
    StoredEntry e = require(id, actor);
    if (!GovernanceRules.mayComment(actor, owns(e))) {
      throw ProblemException.forbidden("Your role cannot comment on this entry.");
    }
    String text = EntryRules.text(body);
    if (text.isEmpty() || text.length() > EntryRules.MAX_TEXT) {
      throw new InvalidFields(
          "The comment cannot be posted as it is.",
          List.of(new FieldError("body", "must be 1 to " + EntryRules.MAX_TEXT + " characters")));
    }
    entries.insertComment(id, username(), text);
    entries.touch(id);
    record(id, "COMMENTED", null, null, null, null);
    if (e.owner() != null && !owns(e)) {
      mail.commented(e, username(), text);
    }
    return find(id).orElseThrow();
  }

  public EntryDetail link(long id, EntryForm.NewLink link) {
    Actor actor = actor();
    StoredEntry e = require(id, actor);
    if (!GovernanceRules.mayEdit(actor, owns(e))) {
      throw ProblemException.forbidden("Your role cannot link this entry.");
    }
    List<FieldError> errors = new ArrayList<>();
    EntryForm.NewLink resolved = resolve(link);
    checkLink(resolved, id, "link", errors);
    if (!errors.isEmpty()) {
      throw new InvalidFields("The link cannot be made.", errors);
    }
    insertLink(id, resolved.kind(), resolved.targetId());
    return find(id).orElseThrow();
  }

  public EntryDetail unlink(long id, LinkKind kind, long targetId) {
    Actor actor = actor();
    StoredEntry e = require(id, actor);
    if (!GovernanceRules.mayEdit(actor, owns(e))) {
      throw ProblemException.forbidden("Your role cannot unlink this entry.");
    }
    if (!entries.deleteLink(id, kind, targetId)) {
      throw ProblemException.notFound("Link to " + kind + " " + targetId);
    }
    record(id, "UNLINKED", "link", kind + " " + targetId, null, null);
    return find(id).orElseThrow();
  }

  private void insertLink(long entryId, LinkKind kind, long targetId) {
    if (entries.insertLink(entryId, kind, targetId, username())) {
      record(entryId, "LINKED", "link", null, kind + " " + targetId, null);
    }
  }

  /**
   * The link with its target id, read from the typed reference when only that was given; the id
   * stays empty when the reference names nothing the caller may see.
   */
  private EntryForm.NewLink resolve(EntryForm.NewLink link) {
    if (link == null
        || link.kind() == null
        || link.targetId() != null
        || link.reference() == null) {
      return link;
    }
    Optional<Long> id =
        link.kind() == LinkKind.INVOICE
            ? LinkReference.invoiceNumber(link.reference())
                .flatMap(invoices::findByNumber)
                .map(InvoiceSummary::id)
            : LinkReference.id(link.kind(), link.reference());
    return new EntryForm.NewLink(link.kind(), id.orElse(null), link.reference());
  }

  /** A link's target must exist in the tenant and be visible to the caller. */
  private void checkLink(EntryForm.NewLink link, Long self, String field, List<FieldError> errors) {
    if (link != null
        && link.kind() != null
        && link.targetId() == null
        && link.reference() != null) {
      errors.add(
          new FieldError(
              field + ".reference",
              "names no " + link.kind().name().toLowerCase() + " here: " + link.reference()));
      return;
    }
    if (link == null || link.kind() == null || link.targetId() == null) {
      errors.add(
          new FieldError(
              field,
              "needs a kind ("
                  + List.of(LinkKind.values())
                  + ") and a targetId or a reference such as D-1952"));
      return;
    }
    boolean exists =
        switch (link.kind()) {
          case INVOICE -> invoices.find(link.targetId()).isPresent();
          case DISPUTE -> disputes.find(link.targetId()).isPresent();
          case ENTRY -> !link.targetId().equals(self) && find(link.targetId()).isPresent();
          case PROCEDURE -> procedures.find(link.targetId()).isPresent();
        };
    if (!exists) {
      errors.add(
          new FieldError(field + ".targetId", "no such " + link.kind().name().toLowerCase()));
    }
  }

  // ---------------------------------------------------------------- saved views

  public List<SavedView> views() {
    actor();
    return savedViews.of(username());
  }

  /** Saves the filter under a name for the caller; the same name again replaces it. */
  public SavedView saveView(String name, EntryFilter filter) {
    actor();
    String label = EntryRules.text(name);
    if (label.isEmpty() || label.length() > 60) {
      throw new InvalidFields(
          "The view needs a name.", List.of(new FieldError("name", "must be 1 to 60 characters")));
    }
    String query = filter.toQuery();
    return new SavedView(savedViews.save(username(), label, query), label, query);
  }

  public void deleteView(long id) {
    actor();
    if (!savedViews.delete(username(), id)) {
      throw ProblemException.notFound("Saved view " + id);
    }
  }

  // ---------------------------------------------------------------- helpers

  private void record(
      long entryId, String action, String field, String before, String after, String note) {
    entries.event(entryId, username(), action, field, before, after, note);
  }

  private Set<String> people() {
    return entries.staff().stream().map(StaffMember::username).collect(Collectors.toSet());
  }

  private void checkVersion(StoredEntry e, Long version) {
    if (version == null) {
      throw new InvalidFields(
          "Send the version you last saw.",
          List.of(
              new FieldError(
                  "version", "is required, so that no change silently overwrites another")));
    }
    if (version != e.version()) {
      throw new ProblemException(
          "conflict",
          "Changed meanwhile",
          409,
          "Log entry "
              + EntrySummary.number(e.id())
              + " was changed by someone else (version "
              + e.version()
              + ", you sent "
              + version
              + "). Reload it and try again.");
    }
  }

  static ProblemException conflict(long id) {
    return new ProblemException(
        "conflict",
        "Changed meanwhile",
        409,
        "Log entry "
            + EntrySummary.number(id)
            + " was changed by someone else while you worked on it. Reload it and try again.");
  }

  private ZoneId zone() {
    return ZoneId.of(context.requireTenant().timeZone());
  }

  private String username() {
    return context.requireUser().username();
  }
}
