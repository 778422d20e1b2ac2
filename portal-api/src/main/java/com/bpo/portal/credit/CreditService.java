package com.bpo.portal.credit;

import com.bpo.portal.approval.ApprovalDecided;
import com.bpo.portal.approval.ApprovalKind;
import com.bpo.portal.approval.ApprovalRequest;
import com.bpo.portal.approval.Approvals;
import com.bpo.portal.invoice.CustomerAccountService;
import com.bpo.portal.shared.Decimals;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.shared.sql.SqlFailure;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Credit management: an account's profile (limit, exposure, score, risk, reviews, holds), limit
 * requests decided through four-eyes approvals by the tenant's authority matrix, periodic reviews,
 * holds, and refunds of unapplied credit exported as pain.001 once approved. Customers have no
 * access; the resources refuse them.
 */
@TenantService
public class CreditService {
  static final int MAX_TEXT = 2000;
  static final int HISTORY = 20;

  @Inject CreditQueries queries;
  @Inject CustomerAccountService accounts;
  @Inject Approvals approvals;
  @Inject TenantContext context;

  // ---------------------------------------------------------------- profile

  public Optional<CreditProfile> profile(long accountId) {
    return queries.account(accountId).map(this::profile);
  }

  private CreditProfile profile(CreditQueries.Account account) {
    LocalDate today = context.today();
    Optional<CreditQueries.ProfileRow> row = queries.profile(account.id(), false);
    String currency = account.currency();
    BigDecimal limit =
        row.map(CreditQueries.ProfileRow::limit).orElseGet(() -> legacyLimit(account.id()));
    CreditQueries.Exposure exposure = queries.exposure(account.id());
    BigDecimal net = exposure.openReceivables().subtract(exposure.unappliedCredit());
    CreditQueries.Behaviour facts = queries.behaviour(account.id(), today);
    BehaviourScore parts =
        BehaviourScore.of(
            facts.averageDaysLate(), facts.brokenPromises(), facts.disputeRate(), net, limit);
    CreditProfile.Score score =
        new CreditProfile.Score(
            parts.score(),
            facts.averageDaysLate().setScale(1, java.math.RoundingMode.HALF_UP),
            facts.brokenPromises(),
            facts.disputeRate().setScale(3, java.math.RoundingMode.HALF_UP),
            facts.invoices(),
            parts);
    Optional<CreditProfile.Hold> hold = queries.activeHold(account.id());
    LocalDate next = row.map(CreditQueries.ProfileRow::nextReviewOn).orElse(null);
    ReviewState state = next == null ? null : ReviewState.of(next, today);
    List<String> flags = new ArrayList<>();
    if (net.compareTo(limit) > 0) {
      flags.add("OVER_LIMIT");
    }
    if (facts.averageDaysLate().compareTo(BigDecimal.valueOf(60)) >= 0) {
      flags.add("SERIOUSLY_OVERDUE");
    }
    hold.ifPresent(h -> flags.add("ON_HOLD"));
    if (state == ReviewState.OVERDUE) {
      flags.add("REVIEW_OVERDUE");
    }
    return new CreditProfile(
        account.id(),
        account.number(),
        account.name(),
        new Money(limit, currency),
        new Money(exposure.openReceivables(), currency),
        new Money(exposure.unappliedCredit().negate(), currency),
        new Money(net, currency),
        score,
        row.map(CreditQueries.ProfileRow::riskClass).orElse(RiskClass.MEDIUM),
        row.map(CreditQueries.ProfileRow::lastReviewedOn).orElse(null),
        next,
        state,
        hold.orElse(null),
        List.copyOf(flags),
        queries.history(account.id(), currency, HISTORY),
        queries.recentRequests(account.id(), HISTORY),
        row.map(CreditQueries.ProfileRow::version).orElse(0L));
  }

  private BigDecimal legacyLimit(long accountId) {
    // no profile yet: the limit the invoice feature imported is the starting value
    return queries.legacyLimit(accountId);
  }

  private CreditQueries.ProfileRow lockedProfile(long accountId) {
    queries.ensureProfile(accountId, RiskClass.MEDIUM.nextReview(context.today()));
    return queries.profile(accountId, true).orElseThrow();
  }

  private CreditQueries.Account requireAccount(Long accountId) {
    if (accountId == null) {
      throw invalid("customerAccountId", "is required");
    }
    return queries
        .account(accountId)
        .orElseThrow(() -> ProblemException.notFound("Customer account " + accountId));
  }

  // ---------------------------------------------------------------- limit requests

  public record NewLimitRequest(Long customerAccountId, String requestedLimit, String reason) {}

  /**
   * Raised by an agent, a lead or the client's stakeholder; judged by the authority matrix on the
   * requested limit. If the matrix needs nobody it takes effect at once; otherwise it waits.
   */
  public LimitRequest raise(NewLimitRequest request) {
    PortalUser user = requireStaff();
    List<FieldError> errors = new ArrayList<>();
    Optional<BigDecimal> requested = amount(request.requestedLimit()).filter(a -> a.signum() >= 0);
    if (requested.isEmpty()) {
      errors.add(
          new FieldError("requestedLimit", "must be an amount of 0 or more, at most 2 decimals"));
    }
    String reason = text(request.reason(), "reason", errors);
    if (!errors.isEmpty()) {
      throw new InvalidFields("The limit request cannot be taken as it is.", errors);
    }
    CreditQueries.Account account = requireAccount(request.customerAccountId());
    CreditQueries.ProfileRow profile = lockedProfile(account.id());
    if (requested.get().compareTo(profile.limit()) == 0) {
      throw invalid("requestedLimit", "is the limit in force already");
    }
    if (queries.hasOpenRequest(account.id())) {
      throw new ProblemException(
          "request-open",
          "A request is open",
          409,
          "This account has a limit request waiting for a decision; decide that one first.");
    }
    String role = user.primaryRole().orElse(Roles.BPO_AGENT);
    long id =
        queries.insertRequest(
            account.id(), user.username(), role, reason, profile.limit(), requested.get());
    Optional<Long> approval =
        approvals.record(
            new ApprovalRequest(
                ApprovalKind.CREDIT_LIMIT,
                new Money(requested.get(), account.currency()),
                account.id(),
                "limit-request:" + id,
                null,
                reason));
    if (approval.isPresent()) {
      queries.linkApproval(id, approval.get());
    } else {
      applyLimit(id, user.username());
    }
    return queries.request(id).orElseThrow();
  }

  public Optional<LimitRequest> request(long id) {
    return queries.request(id);
  }

  public Page<LimitRequest> requests(
      Optional<Long> accountId, Optional<LimitRequestStatus> status, PageRequest page) {
    return queries.requests(accountId, status, page);
  }

  /** Applies or drops what an approval decided, in the decision's transaction. */
  void onDecided(@Observes ApprovalDecided decided) {
    long requestId = decided.idFor("limit-request");
    if (requestId > 0 && decided.approval().kind() == ApprovalKind.CREDIT_LIMIT) {
      if (decided.granted()) {
        applyLimit(requestId, context.requireUser().username());
        decided.applied();
      } else {
        queries.decideRequest(requestId, LimitRequestStatus.REFUSED);
      }
    }
    long refundId = decided.idFor("refund");
    if (refundId > 0 && decided.approval().kind() == ApprovalKind.REFUND) {
      queries.decideRefund(
          refundId, decided.granted() ? RefundStatus.APPROVED : RefundStatus.REFUSED);
      if (decided.granted()) {
        decided.applied();
      }
    }
  }

  private void applyLimit(long requestId, String decidedBy) {
    LimitRequest request = queries.request(requestId).orElseThrow();
    CreditQueries.ProfileRow profile = lockedProfile(request.customerAccountId());
    queries.setLimit(request.customerAccountId(), request.requestedLimit().amount());
    accounts.creditLimitApproved(request.customerAccountId(), request.requestedLimit().amount());
    queries.insertChange(
        request.customerAccountId(),
        profile.limit(),
        request.requestedLimit().amount(),
        requestId,
        decidedBy,
        request.reason());
    queries.decideRequest(requestId, LimitRequestStatus.APPROVED);
  }

  // ---------------------------------------------------------------- reviews

  public record ReviewRecord(RiskClass riskClass, String note, Long version) {}

  /** A lead records the periodic review: the risk class it found, and so the next review's date. */
  public CreditProfile review(long accountId, ReviewRecord review) {
    PortalUser user = context.requireUser();
    if (!user.hasRole(Roles.BPO_LEAD)) {
      throw ProblemException.forbidden("A lead records credit reviews.");
    }
    CreditQueries.Account account = requireAccount(accountId);
    List<FieldError> errors = new ArrayList<>();
    if (review.riskClass() == null) {
      errors.add(new FieldError("riskClass", "must be one of " + List.of(RiskClass.values())));
    }
    String note = text(review.note(), "note", errors);
    if (!errors.isEmpty()) {
      throw new InvalidFields("The review cannot be recorded as it is.", errors);
    }
    CreditQueries.ProfileRow profile = lockedProfile(accountId);
    if (review.version() != null && review.version() != profile.version()) {
      throw stale("The credit profile", profile.version());
    }
    LocalDate today = context.today();
    queries.reviewed(
        accountId,
        review.riskClass(),
        today,
        review.riskClass().nextReview(today),
        profile.version());
    queries.insertReview(accountId, user.username(), today, review.riskClass(), note);
    return profile(account);
  }

  /** Reviews overdue or due within {@link ReviewState#NOTICE_DAYS} days, soonest first. */
  public Page<ReviewDue> reviewsDue(PageRequest page) {
    LocalDate today = context.today();
    return queries.reviewsDue(today.plusDays(ReviewState.NOTICE_DAYS), today, page);
  }

  // ---------------------------------------------------------------- holds

  public record HoldChange(Long customerAccountId, String reason, Long version) {}

  public CreditProfile.Hold setHold(HoldChange change) {
    PortalUser user = requireBpo();
    List<FieldError> errors = new ArrayList<>();
    String reason = text(change.reason(), "reason", errors);
    if (!errors.isEmpty()) {
      throw new InvalidFields("The hold needs a reason.", errors);
    }
    CreditQueries.Account account = requireAccount(change.customerAccountId());
    try {
      queries.insertHold(account.id(), reason, user.username());
    } catch (SqlFailure e) {
      if (e.isUniqueViolation()) {
        throw new ProblemException(
            "already-on-hold", "Already on hold", 409, "This account is on hold already.");
      }
      throw e;
    }
    return queries.activeHold(account.id()).orElseThrow();
  }

  public void releaseHold(long holdId, HoldChange change) {
    PortalUser user = requireBpo();
    CreditQueries.HoldRow hold =
        queries.hold(holdId).orElseThrow(() -> ProblemException.notFound("Hold " + holdId));
    List<FieldError> errors = new ArrayList<>();
    String reason = text(change.reason(), "reason", errors);
    if (!errors.isEmpty()) {
      throw new InvalidFields("Say why the hold is released.", errors);
    }
    if (hold.released()) {
      throw new ProblemException(
          "already-released", "Already released", 409, "This hold was released already.");
    }
    long version = change.version() == null ? hold.version() : change.version();
    if (!queries.release(holdId, reason, user.username(), version)) {
      throw stale("The hold", hold.version());
    }
  }

  // ---------------------------------------------------------------- refunds

  public record NewRefund(
      Long customerAccountId, String amount, String payeeName, String iban, String reason) {}

  /**
   * A refund of the account's unapplied credit, at most what is unapplied less refunds already
   * asked; four eyes by the REFUND matrix. It is paid by the client's bank from the pain.001 file.
   */
  public Refund requestRefund(NewRefund request) {
    PortalUser user = requireBpo();
    List<FieldError> errors = new ArrayList<>();
    Optional<BigDecimal> amount = amount(request.amount()).filter(a -> a.signum() > 0);
    if (amount.isEmpty()) {
      errors.add(new FieldError("amount", "must be an amount above 0, at most 2 decimals"));
    }
    Optional<Iban> iban = Iban.parse(request.iban());
    if (iban.isEmpty()) {
      errors.add(new FieldError("iban", "is not a valid IBAN (country, check digits, account)"));
    }
    String payee = text(request.payeeName(), "payeeName", errors);
    if (payee.length() > 70) {
      errors.add(new FieldError("payeeName", "must be at most 70 characters"));
    }
    String reason = text(request.reason(), "reason", errors);
    if (!errors.isEmpty()) {
      throw new InvalidFields("The refund cannot be asked as it is.", errors);
    }
    CreditQueries.Account account = requireAccount(request.customerAccountId());
    lockedProfile(account.id()); // serialises refunds of one account
    BigDecimal available =
        queries
            .exposure(account.id())
            .unappliedCredit()
            .subtract(queries.refundsInFlight(account.id()));
    if (amount.get().compareTo(available) > 0) {
      throw invalid(
          "amount",
          "must be at most the unapplied credit not yet refunded, " + available.toPlainString());
    }
    Money money = new Money(amount.get(), account.currency());
    long id = queries.insertRefund(account.id(), money, payee, iban.get(), reason, user.username());
    Optional<Long> approval =
        approvals.record(
            new ApprovalRequest(
                ApprovalKind.REFUND, money, account.id(), "refund:" + id, null, reason));
    if (approval.isPresent()) {
      queries.linkRefundApproval(id, approval.get());
    } else {
      queries.decideRefund(id, RefundStatus.APPROVED);
    }
    return queries.refund(id).orElseThrow();
  }

  public Optional<Refund> refund(long id) {
    return queries.refund(id);
  }

  public Page<Refund> refunds(Optional<Long> accountId, PageRequest page) {
    return queries.refunds(accountId, page);
  }

  /** The approved refund as a pain.001 file, checked against the schema before it is handed out. */
  public String creditTransferFile(long id) {
    Refund refund = queries.refund(id).orElseThrow(() -> ProblemException.notFound("Refund " + id));
    if (refund.status() != RefundStatus.APPROVED) {
      throw new ProblemException(
          "not-approved",
          "Not approved",
          409,
          "Refund "
              + id
              + " is "
              + refund.status().name().toLowerCase(java.util.Locale.ROOT)
              + "; only an approved refund is paid.");
    }
    CreditTransferFile.Debtor debtor =
        queries
            .debtor()
            .orElseThrow(
                () ->
                    new ProblemException(
                        "no-debtor-account",
                        "No bank account",
                        409,
                        "Record the client's bank account (credit settings) before exporting refunds."));
    String reference = "RF-" + id;
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    String xml =
        CreditTransferFile.pain001(
            reference + "-" + now.toEpochSecond(),
            now,
            context.today().plusDays(1),
            debtor,
            new CreditTransferFile.Transfer(
                reference,
                refund.payeeName(),
                new Iban(refund.iban()),
                refund.amount().amount(),
                refund.amount().currency(),
                "Refund " + reference + ": " + refund.reason()));
    CreditTransferSchema.problem(xml)
        .ifPresent(
            p -> {
              throw new IllegalStateException("The pain.001 file fails its schema: " + p);
            });
    return xml;
  }

  public record Settings(String debtorName, String debtorIban, String debtorBic) {}

  public Settings settings() {
    return queries
        .debtor()
        .map(d -> new Settings(d.name(), d.iban().value(), d.bic()))
        .orElse(new Settings(null, null, null));
  }

  public Settings saveSettings(Settings settings) {
    if (!context.requireUser().hasRole(Roles.BPO_LEAD)) {
      throw ProblemException.forbidden("A lead records the client's bank account.");
    }
    List<FieldError> errors = new ArrayList<>();
    String name = text(settings.debtorName(), "debtorName", errors);
    if (name.length() > 70) {
      errors.add(new FieldError("debtorName", "must be at most 70 characters"));
    }
    Optional<Iban> iban = Iban.parse(settings.debtorIban());
    if (iban.isEmpty()) {
      errors.add(new FieldError("debtorIban", "is not a valid IBAN"));
    }
    String bic =
        settings.debtorBic() == null || settings.debtorBic().isBlank()
            ? null
            : settings.debtorBic().strip().toUpperCase(java.util.Locale.ROOT);
    if (bic != null && !bic.matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
      errors.add(new FieldError("debtorBic", "is not a BIC"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The settings cannot be saved as they are.", errors);
    }
    queries.saveDebtor(new CreditTransferFile.Debtor(name, iban.get(), bic));
    return settings();
  }

  // ---------------------------------------------------------------- helpers

  private PortalUser requireStaff() {
    PortalUser user = context.requireUser();
    if (!(user.hasRole(Roles.BPO_AGENT)
        || user.hasRole(Roles.BPO_LEAD)
        || user.hasRole(Roles.CLIENT_STAKEHOLDER))) {
      throw ProblemException.forbidden(
          "Only the BPO's staff and the client's stakeholders ask for limits.");
    }
    return user;
  }

  private PortalUser requireBpo() {
    PortalUser user = context.requireUser();
    if (!(user.hasRole(Roles.BPO_AGENT) || user.hasRole(Roles.BPO_LEAD))) {
      throw ProblemException.forbidden("Only the BPO's staff do this.");
    }
    return user;
  }

  /** An amount typed by a person: at most 13 digits before the point and 2 after, to cents. */
  private static Optional<BigDecimal> amount(String text) {
    try {
      return Optional.of(Decimals.parse(text, 13, 2).setScale(2));
    } catch (Decimals.Invalid e) {
      return Optional.empty();
    }
  }

  private static String text(String value, String field, List<FieldError> errors) {
    String t = value == null ? "" : value.strip();
    if (t.isEmpty()) {
      errors.add(new FieldError(field, "is required"));
    } else if (t.length() > MAX_TEXT) {
      errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
    }
    return t;
  }

  private static InvalidFields invalid(String field, String message) {
    return new InvalidFields(
        "The request cannot be taken as it is.", List.of(new FieldError(field, message)));
  }

  private static ProblemException stale(String what, long version) {
    return new ProblemException(
        "stale",
        "Changed meanwhile",
        409,
        what + " changed since you read it (version " + version + " now); read it again.");
  }
}
