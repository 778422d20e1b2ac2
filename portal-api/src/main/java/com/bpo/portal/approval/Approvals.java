package com.bpo.portal.approval;

import com.bpo.portal.approval.AuthorityMatrix.Band;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.sql.SqlFailure;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Four eyes on money and limits. A feature asks before it applies a change ({@link
 * #requireOrRecord} when the change is made in one step, {@link #record} when the feature keeps its
 * own pending request); a different person with the authority the tenant's matrix gives for the
 * amount approves or refuses; the owning feature applies the change when it hears {@link
 * ApprovalDecided}. The maker can never decide: refused here, and by the database's CHECK.
 */
@TenantService
public class Approvals {
  static final int MAX_NOTE = 2000;

  @Inject ApprovalQueries queries;
  @Inject ApprovalRecorder recorder;
  @Inject TenantContext context;
  @Inject Event<ApprovalDecided> decided;

  /** The tenant's matrix for a kind, or the defaults if it has not saved one. */
  public AuthorityMatrix matrix(ApprovalKind kind) {
    List<Band> bands = queries.bands(kind);
    return bands.isEmpty() ? AuthorityMatrix.defaults(kind) : new AuthorityMatrix(kind, bands);
  }

  /**
   * The one call a feature makes where a change would move money: returns if the change may go
   * ahead now (under the tenant's threshold, or approved earlier and now applied), otherwise
   * records a pending approval (kept even though the caller's transaction rolls back) and throws
   * {@link ApprovalRequired}, so that nothing is changed. A second request for the same thing while
   * one waits answers 409.
   */
  public void requireOrRecord(ApprovalRequest request) {
    Optional<ApprovalSummary> open = queries.open(request.payloadRef());
    if (open.isPresent()) {
      ApprovalSummary approval = open.get();
      if (approval.status() == ApprovalStatus.APPROVED
          && approval.kind() == request.kind()
          && approval.amount().amount().compareTo(request.amount().amount()) == 0) {
        queries.moveTo(approval.id(), ApprovalStatus.APPLIED, approval.version());
        return;
      }
      throw new ProblemException(
          "approval-pending",
          "Already waiting for approval",
          409,
          "Approval " + approval.id() + " for this already waits for a decision.");
    }
    Band band = matrix(request.kind()).bandFor(request.amount().amount());
    if (!band.needsApproval()) {
      return;
    }
    long id = recorder.record(request, context.requireUser().username(), band);
    throw new ApprovalRequired(id, words(request.kind()));
  }

  /**
   * Records a pending approval in the caller's transaction, for a feature that keeps its own
   * pending request (limit requests, refunds); empty if the amount needs no approval.
   */
  public Optional<Long> record(ApprovalRequest request) {
    Band band = matrix(request.kind()).bandFor(request.amount().amount());
    if (!band.needsApproval()) {
      return Optional.empty();
    }
    return Optional.of(
        queries.insert(
            request.kind(),
            context.requireUser().username(),
            request.amount(),
            request.customerAccountId(),
            request.payloadRef(),
            request.payload(),
            request.reason(),
            band));
  }

  /**
   * Replaces the tenant's matrix for one kind; approvals already asked keep the bands they were
   * asked under.
   */
  public void saveMatrix(AuthorityMatrix matrix) {
    if (!context.requireUser().hasRole(com.bpo.portal.shared.Roles.BPO_LEAD)) {
      throw ProblemException.forbidden("Only a lead changes the authority matrix.");
    }
    queries.replaceBands(matrix.kind(), matrix.bands());
  }

  public Optional<ApprovalDetail> find(long id) {
    return queries.find(id).map(this::detail);
  }

  /** The reader's inbox (what waits for them), or with {@code mine} what they asked for. */
  public Page<ApprovalSummary> inbox(
      boolean mine, Optional<ApprovalStatus> status, PageRequest page) {
    PortalUser user = context.requireUser();
    return queries.inbox(user.username(), user.roles(), mine, status, page);
  }

  public ApprovalDetail approve(long id, Long version, String note) {
    return decide(id, version, note, true);
  }

  public ApprovalDetail refuse(long id, Long version, String note) {
    return decide(id, version, note, false);
  }

  private ApprovalDetail decide(long id, Long version, String note, boolean approve) {
    PortalUser user = context.requireUser();
    String text = note == null ? "" : note.strip();
    if (!approve && text.isEmpty()) {
      throw new com.bpo.portal.shared.InvalidFields(
          "Say why you refuse.",
          List.of(new com.bpo.portal.shared.Problem.FieldError("note", "is required to refuse")));
    }
    if (text.length() > MAX_NOTE) {
      throw new com.bpo.portal.shared.InvalidFields(
          "The note is too long.",
          List.of(
              new com.bpo.portal.shared.Problem.FieldError(
                  "note", "must be at most " + MAX_NOTE + " characters")));
    }
    ApprovalSummary approval =
        queries.lock(id).orElseThrow(() -> ProblemException.notFound("Approval " + id));
    if (version != null && version != approval.version()) {
      throw new ProblemException(
          "stale",
          "Changed meanwhile",
          409,
          "Approval "
              + id
              + " changed since you read it (version "
              + approval.version()
              + " now); read it again.");
    }
    if (approval.status() != ApprovalStatus.PENDING) {
      throw new ProblemException(
          "already-decided",
          "Already decided",
          409,
          "Approval " + id + " is " + approval.status().name().toLowerCase(Locale.ROOT) + ".");
    }
    Band band = band(approval);
    List<ApprovalDetail.Decision> decisions = queries.decisions(id);
    Optional<String> refusal =
        AuthorityMatrix.refusal(
            band,
            approval.maker(),
            user.username(),
            user.roles(),
            decisions.stream().map(ApprovalDetail.Decision::approver).toList());
    if (refusal.isPresent()) {
      throw ProblemException.forbidden(refusal.get());
    }
    String role = band.roles().stream().filter(user::hasRole).sorted().findFirst().orElseThrow();
    try {
      queries.decide(
          id,
          approval.maker(),
          user.username(),
          role,
          approve ? "APPROVE" : "REFUSE",
          text.isEmpty() ? null : text);
    } catch (SqlFailure e) {
      if ("23514".equals(e.sqlState())) { // the CHECK: the database's own four-eyes rule
        throw ProblemException.forbidden(
            "The person who asked cannot decide on their own request.");
      }
      throw e;
    }
    long approvals =
        decisions.stream().filter(d -> d.decision().equals("APPROVE")).count() + (approve ? 1 : 0);
    if (!approve) {
      queries.moveTo(id, ApprovalStatus.REFUSED, approval.version());
      decided.fire(new ApprovalDecided(queries.find(id).orElseThrow(), queries.payload(id), false));
    } else if (AuthorityMatrix.complete(band, (int) approvals)) {
      queries.moveTo(id, ApprovalStatus.APPROVED, approval.version());
      ApprovalDecided event =
          new ApprovalDecided(queries.find(id).orElseThrow(), queries.payload(id), true);
      decided.fire(event);
      ApprovalSummary now = queries.find(id).orElseThrow();
      if (event.wasApplied() && now.status() == ApprovalStatus.APPROVED) {
        queries.moveTo(id, ApprovalStatus.APPLIED, now.version());
      }
    } else {
      queries.moveTo(
          id, ApprovalStatus.PENDING, approval.version()); // one more decision: a new version
    }
    return find(id).orElseThrow();
  }

  private ApprovalDetail detail(ApprovalSummary approval) {
    PortalUser user = context.requireUser();
    List<ApprovalDetail.Decision> decisions = queries.decisions(approval.id());
    String whyNot;
    if (approval.status() != ApprovalStatus.PENDING) {
      whyNot = "Decided.";
    } else {
      whyNot =
          AuthorityMatrix.refusal(
                  band(approval),
                  approval.maker(),
                  user.username(),
                  user.roles(),
                  decisions.stream().map(ApprovalDetail.Decision::approver).toList())
              .orElse(null);
    }
    return new ApprovalDetail(approval, decisions, whyNot == null, whyNot);
  }

  private static Band band(ApprovalSummary approval) {
    return new Band(null, approval.approversRequired(), Set.copyOf(approval.approverRoles()));
  }

  private static String words(ApprovalKind kind) {
    String w = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
