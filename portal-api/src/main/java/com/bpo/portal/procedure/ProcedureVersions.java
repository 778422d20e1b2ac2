package com.bpo.portal.procedure;

import com.bpo.portal.mail.MailOutbox;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.TransitionRefused;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The life of a procedure's versions: drafts and their text and attachments, the workflow's steps
 * ({@link ProcedureWorkflow}; the one-effective rule and its dates, {@link EffectiveDates}),
 * periodic reviews and acknowledgements. Every write locks the procedure's row first, so that two
 * steps on one procedure run one after the other; every change writes its history event (and its
 * mail, through the outbox) in the same transaction.
 */
@TenantService
public class ProcedureVersions {
  static final int MAX_CONTENT = 200_000;
  static final int MAX_NOTE = 4000;

  @Inject TenantContext context;
  @Inject ProcedureService procedures;
  @Inject ProcedureQueries queries;
  @Inject ProcedureSearchQueries searches;
  @Inject ReviewReminders reminders;
  @Inject MailOutbox outbox;

  /**
   * A new draft from the effective version (or the newest one), with its attachments. Leads only.
   */
  public VersionDetail newDraft(long id, String changeNote) {
    requireLead();
    ProcedureSummary p = procedures.lock(id);
    return procedures.versionDetail(
        procedures.require(id), queries.version(id, openDraft(p, changeNote)).orElseThrow());
  }

  private long openDraft(ProcedureSummary p, String changeNote) {
    if (p.openStatus() != null) {
      throw new ProblemException(
          "draft-exists",
          "A version is already being made",
          409,
          "Version "
              + p.openNumber()
              + " of this procedure is "
              + ProcedureWorkflow.words(p.openStatus())
              + "; finish it before opening another draft.");
    }
    List<VersionSummary> versions = queries.versions(p.id());
    VersionSummary base =
        ProcedureService.effective(versions).orElse(versions.isEmpty() ? null : versions.get(0));
    int number = versions.isEmpty() ? 1 : versions.get(0).number() + 1;
    long versionId =
        queries.insertVersion(
            p.id(),
            number,
            base == null ? "" : queries.content(base.id()),
            note(changeNote),
            username());
    if (base != null) {
      queries.copyAttachments(base.id(), versionId);
    }
    record(
        p.id(),
        versionId,
        "DRAFTED",
        null,
        VersionStatus.DRAFT,
        base == null ? null : "from version " + base.number());
    searches.refresh(p.id());
    return versionId;
  }

  /** Saves a draft's text. Leads only, drafts only, with the version's lock version last seen. */
  public VersionDetail editDraft(long id, long versionId, DraftChange change) {
    requireLead();
    procedures.lock(id);
    VersionSummary v = requireVersion(id, versionId);
    checkVersion("Version " + v.number(), v.version(), change.version());
    if (v.status() != VersionStatus.DRAFT) {
      throw new ProblemException(
          "not-a-draft",
          "Not a draft",
          409,
          "Version "
              + v.number()
              + " is "
              + ProcedureWorkflow.words(v.status())
              + "; only a draft can be edited.");
    }
    String content = change.content() == null ? "" : change.content();
    checkContent(content);
    queries.editDraft(
        versionId,
        content,
        change.changeNote() == null ? v.changeNote() : note(change.changeNote()));
    record(id, versionId, "EDITED", VersionStatus.DRAFT, VersionStatus.DRAFT, null);
    searches.refresh(id);
    return procedures.versionDetail(
        procedures.require(id), queries.version(id, versionId).orElseThrow());
  }

  /**
   * Takes a step on a version. Making a version effective supersedes the one in force in the same
   * transaction (under the procedure's row lock): the older one's range ends the day the new one's
   * begins, and the database's exclusion constraint refuses any overlap that would slip through.
   */
  public ProcedureDetail step(long id, long versionId, StepRequest request) {
    if (request == null || request.action() == null) {
      throw new InvalidFields(
          "Say which step to take.", List.of(new FieldError("action", "is required")));
    }
    Actor actor = ProcedureAccess.reader(context.requireUser());
    ProcedureSummary p = procedures.lock(id);
    VersionSummary v = requireVersion(id, versionId);
    if (request.action() == VersionAction.SUPERSEDE) {
      throw new TransitionRefused(
          403,
          v.status(),
          request.action(),
          "A version is superseded by making another one effective, never by itself.");
    }
    VersionStatus to =
        ProcedureWorkflow.next(v.status(), request.action(), actor, p.clientApprovalRequired());
    checkVersion("Version " + v.number(), v.version(), request.version());
    String note = request.note() == null ? null : request.note().strip();
    if (note != null && note.length() > MAX_NOTE) {
      throw new InvalidFields(
          "The note is too long.",
          List.of(new FieldError("note", "must be at most " + MAX_NOTE + " characters")));
    }
    switch (request.action()) {
      case SUBMIT -> {
        if (queries.content(versionId).isBlank()) {
          throw new InvalidFields(
              "Write the procedure before submitting it.",
              List.of(new FieldError("content", "must not be empty")));
        }
        queries.move(versionId, to);
      }
      case APPROVE -> queries.approve(versionId, username());
      case REJECT -> {
        if (note == null || note.isEmpty()) {
          throw new InvalidFields(
              "Say why the version goes back to draft.",
              List.of(new FieldError("note", "is required when sending a version back")));
        }
        queries.move(versionId, to);
      }
      case MAKE_EFFECTIVE ->
          makeEffective(
              p, v, request.effectiveFrom() == null ? context.today() : request.effectiveFrom());
      case RETIRE -> {
        queries.end(
            versionId,
            VersionStatus.RETIRED,
            EffectiveDates.retiredOn(context.today(), v.effectiveFrom()));
        queries.noReview(id);
        searches.refresh(id);
      }
      default -> throw new IllegalStateException("not a requested step: " + request.action());
    }
    record(id, versionId, request.action().name(), v.status(), to, note);
    return procedures.detail(procedures.require(id));
  }

  private void makeEffective(ProcedureSummary p, VersionSummary v, LocalDate from) {
    Optional<VersionSummary> current = ProcedureService.effective(queries.versions(p.id()));
    EffectiveDates.refuseStart(from, context.today(), current.map(VersionSummary::effectiveFrom))
        .ifPresent(
            e -> {
              throw new InvalidFields(
                  e.message().startsWith("must be today")
                      ? "A version cannot be made effective in the past."
                      : "The new version must start after the one in force.",
                  List.of(e));
            });
    if (current.isPresent()) {
      VersionSummary old = current.get();
      ProcedureWorkflow.next(
          old.status(), VersionAction.SUPERSEDE, Actor.SYSTEM, p.clientApprovalRequired());
      queries.end(old.id(), VersionStatus.SUPERSEDED, from);
      record(
          p.id(),
          old.id(),
          VersionAction.SUPERSEDE.name(),
          VersionStatus.EFFECTIVE,
          VersionStatus.SUPERSEDED,
          "by version " + v.number() + " from " + from);
    }
    queries.makeEffective(v.id(), from);
    queries.scheduleReview(p.id(), ReviewSchedule.nextReview(from, p.reviewIntervalMonths()));
    searches.refresh(p.id());
    // everyone on the BPO side of the tenant is asked to read it
    Tenant tenant = context.requireTenant();
    ProcedureMail.Text text = ProcedureMail.effective(tenant.locale(), p.title(), v.number(), from);
    for (String email : queries.bpoStaffEmails()) {
      outbox.enqueue(email, text.subject(), text.body());
    }
  }

  /**
   * The caller (BPO staff) has read the effective version. Acknowledging twice keeps the first
   * record.
   */
  public ProcedureDetail.Acknowledgement acknowledge(long id) {
    Actor actor = ProcedureAccess.reader(context.requireUser());
    if (!actor.isBpo()) {
      throw ProblemException.forbidden("Acknowledgements are for the BPO's staff.");
    }
    ProcedureSummary p = procedures.require(id);
    VersionSummary effective =
        requireEffective(
            id, "Procedure " + p.title() + " has no effective version to acknowledge.");
    String user = username();
    if (queries.acknowledge(effective.id(), user)) {
      record(id, effective.id(), "ACKNOWLEDGED", null, null, null);
    }
    // the stored record, with the name people read (the list's query, not the username twice)
    return queries.acknowledged(effective).stream()
        .filter(a -> a.username().equals(user))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Records a periodic review: the effective version confirmed as it stands (the next review is
   * counted from today), or a new draft opened from it (the review stays due until that draft is in
   * force). Leads only, with the procedure's lock version.
   */
  public ProcedureDetail review(long id, ReviewRequest request) {
    requireLead();
    if (request == null || request.outcome() == null) {
      throw new InvalidFields(
          "Say how the review ended.", List.of(new FieldError("outcome", "is required")));
    }
    ProcedureSummary p = procedures.lock(id);
    checkVersion("Procedure", p.version(), request.version());
    String comment = request.comment() == null ? null : request.comment().strip();
    if (comment != null && comment.length() > MAX_NOTE) {
      throw new InvalidFields(
          "The comment is too long.",
          List.of(new FieldError("comment", "must be at most " + MAX_NOTE + " characters")));
    }
    VersionSummary effective =
        requireEffective(id, "Only a procedure with an effective version is reviewed.");
    if (request.outcome() == ReviewRequest.Outcome.CONFIRMED) {
      queries.scheduleReview(
          id, ReviewSchedule.nextReview(context.today(), p.reviewIntervalMonths()));
    } else {
      openDraft(p, comment == null || comment.isEmpty() ? "Periodic review" : comment);
      queries.bump(id);
    }
    queries.insertReview(
        id, effective.id(), request.outcome(), username(), p.nextReviewOn(), comment);
    record(id, effective.id(), "REVIEWED_" + request.outcome().name(), null, null, comment);
    return procedures.detail(procedures.require(id));
  }

  /**
   * Queues the review reminders due today for this tenant now, rather than at the next round. Leads
   * only.
   */
  public int sendReviewReminders() {
    requireLead();
    return reminders.remind(context.today());
  }

  /** Stores an attachment on a draft after checking it by content. Leads only. */
  public VersionDetail.Attachment attach(long id, long versionId, String fileName, byte[] content) {
    requireLead();
    procedures.lock(id);
    VersionSummary v = requireVersion(id, versionId);
    if (v.status() != VersionStatus.DRAFT) {
      throw new ProblemException(
          "not-a-draft",
          "Not a draft",
          409,
          "Files are attached to a draft; version "
              + v.number()
              + " is "
              + ProcedureWorkflow.words(v.status())
              + ".");
    }
    ProcedureAttachmentCheck.Accepted file = ProcedureAttachmentCheck.check(fileName, content);
    String user = username();
    ProcedureQueries.StoredAttachment stored =
        queries.insertAttachment(versionId, file, content, user);
    record(id, versionId, "ATTACHED", v.status(), v.status(), file.fileName());
    return new VersionDetail.Attachment(
        stored.id(),
        file.fileName(),
        file.mediaType(),
        content.length,
        file.sha256(),
        user,
        stored.at());
  }

  // ---------------------------------------------------------------- helpers

  /** The version in force, or a 409 saying {@code detail} when there is none. */
  private VersionSummary requireEffective(long id, String detail) {
    return ProcedureService.effective(queries.versions(id))
        .orElseThrow(
            () -> new ProblemException("nothing-effective", "No effective version", 409, detail));
  }

  private VersionSummary requireVersion(long id, long versionId) {
    return queries
        .version(id, versionId)
        .orElseThrow(() -> ProblemException.notFound("Version " + versionId));
  }

  static void checkContent(String content) {
    if (content.length() > MAX_CONTENT) {
      throw new InvalidFields(
          "The text is too long.",
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

  static void checkVersion(String what, long current, Long sent) {
    if (sent == null) {
      throw new InvalidFields(
          "Send the version you last saw.",
          List.of(
              new FieldError(
                  "version", "is required, so that no change silently overwrites another")));
    }
    if (sent != current) {
      throw new ProblemException(
          "conflict",
          "Changed meanwhile",
          409,
          what
              + " was changed by someone else (version "
              + current
              + ", you sent "
              + sent
              + "). Reload it and try again.");
    }
  }

  private void record(
      long procedureId,
      Long versionId,
      String action,
      VersionStatus from,
      VersionStatus to,
      String note) {
    queries.event(procedureId, versionId, username(), action, from, to, note);
  }

  private String username() {
    return context.requireUser().username();
  }

  private void requireLead() {
    ProcedureAccess.lead(context.requireUser());
  }
}
