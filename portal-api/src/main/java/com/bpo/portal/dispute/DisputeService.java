package com.bpo.portal.dispute;

import com.bpo.portal.approval.Approvals;
import com.bpo.portal.approval.DisputeResolutionApprovals;
import com.bpo.portal.invoice.CustomerScope;
import com.bpo.portal.invoice.InvoiceLedger;
import com.bpo.portal.invoice.InvoiceSummary;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Raising, working and resolving disputes; the door every caller uses. Every change writes its
 * history event (and its notifications, through {@link DisputeNotices}) in the same transaction;
 * money moves on invoices only through {@link InvoiceLedger}. The desk's settings and catalogue
 * ({@link DisputeDesk}) and the conversation ({@link DisputeThread}) are answered here too, so that
 * callers keep one service. A customer reaches only disputes of their own account; an id outside it
 * answers "not found".
 */
@TenantService
public class DisputeService {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;
  @Inject CustomerScope scope;
  @Inject DisputeQueries queries;
  @Inject DisputeAccess access;
  @Inject DisputeDesk desk;
  @Inject DisputeThread thread;
  @Inject DisputeNotices notices;
  @Inject InvoiceLedger ledger;
  @Inject Approvals approvals;

  /**
   * How many disputes are open, and how many of those are past an SLA target (0 for a customer's
   * view).
   */
  public record Counts(long open, long breached) {}

  /**
   * The settings with the version an edit must send back (0 while the tenant still uses the
   * defaults).
   */
  public record VersionedSettings(DisputeSettings settings, long version) {}

  /** An attachment's bytes, if the caller may see its dispute. */
  public record AttachmentContent(String fileName, String mediaType, byte[] content) {}

  // ---------------------------------------------------------------- reading

  /**
   * A keyset page of the queue (for a customer: their own disputes, without internal SLA figures).
   */
  public Page<DisputeSummary> list(DisputeFilter filter, DisputeSort sort, PageRequest page) {
    CustomerScope.Visibility visibility = scope.current();
    if (visibility.seesNothing()) {
      return new Page<>(List.of(), null);
    }
    Optional<Long> own = visibility.all() ? Optional.empty() : visibility.account();
    Page<DisputeSummary> rows =
        queries.list(
            own,
            filter,
            sort,
            page,
            OffsetDateTime.now(ZoneOffset.UTC),
            filter.breachedOnly() && visibility.all());
    return visibility.all()
        ? rows
        : new Page<>(rows.items().stream().map(DisputeSummary::forCustomer).toList(), rows.next());
  }

  public Optional<DisputeDetail> find(long id) {
    return access.visible(id).map(access::detail);
  }

  public Counts openCounts() {
    CustomerScope.Visibility visibility = scope.current();
    if (visibility.seesNothing()) {
      return new Counts(0, 0);
    }
    Counts counts = queries.openCounts(visibility.all() ? Optional.empty() : visibility.account());
    return visibility.all() ? counts : new Counts(counts.open(), 0);
  }

  // ---------------------------------------------------------------- raising

  /**
   * Whether the caller may raise a dispute on this invoice (what the screens offer): customers on
   * their own invoices, the BPO for customers, the client's stakeholders never; only while
   * something is open on it.
   */
  public boolean mayRaiseOn(InvoiceSummary invoice) {
    return Party.of(context.requireUser()) != Party.CLIENT
        && invoice.open().amount().signum() > 0
        && scope.current().sees(invoice.customerId());
  }

  /**
   * Raises a dispute on invoices of one customer. Each amount is at most what is still open on its
   * invoice and not already under another open dispute; the invoices are locked while this is
   * checked, so two disputes raised at once cannot together exceed the open amount.
   */
  public DisputeDetail raise(NewDispute request) {
    return access.detail(open(request));
  }

  /**
   * Raises disputes as {@link #raise} does, one after the other, and answers their ids only, for a
   * caller that raises many and reads none back (a bank statement's short payments): the detail
   * {@code raise} answers with is six more queries a dispute, and disputes on different invoices
   * are written together (their invoices locked, held and their items and events inserted in one
   * statement each). A dispute on an invoice an earlier one of the list also names is checked
   * against what that one left, as if raised after it.
   */
  public List<Long> raiseAllForIds(List<NewDispute> requests) {
    List<Long> ids = new ArrayList<>();
    for (List<NewDispute> group : NewDisputeRules.onDifferentInvoices(requests)) {
      openAll(group).forEach(d -> ids.add(d.id()));
    }
    return ids;
  }

  private Dispute open(NewDispute request) {
    return openAll(List.of(request)).get(0);
  }

  /** Raises disputes none of which names an invoice another names. */
  private List<Dispute> openAll(List<NewDispute> requests) {
    if (requests.isEmpty()) {
      return List.of();
    }
    PortalUser user = context.requireUser();
    Party party = Party.of(user);
    if (party == Party.CLIENT) {
      throw ProblemException.forbidden(
          "Disputes are raised by customers or logged by the BPO for them.");
    }
    CustomerScope.Visibility visibility = scope.current();
    if (visibility.seesNothing()) {
      throw ProblemException.forbidden("Your sign-in is not bound to a customer account.");
    }
    Set<String> reasonCodes =
        new HashSet<>(desk.reasons(false).stream().map(DisputeReason::code).toList());
    List<NewDisputeRules.Checked> checked =
        requests.stream().map(r -> NewDisputeRules.check(r, party.isBpo(), reasonCodes)).toList();
    Map<Long, InvoiceLedger.OpenInvoice> invoices =
        ledger.lockOpen(checked.stream().flatMap(c -> c.amounts().keySet().stream()).toList());
    List<NewDisputeRules.Target> targets =
        checked.stream()
            .map(c -> NewDisputeRules.checkInvoices(c, invoices, visibility::sees, ledger::hasLine))
            .toList();

    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    DisputeSettings settings = desk.settings();
    List<Dispute> disputes = new ArrayList<>();
    for (int i = 0; i < checked.size(); i++) {
      NewDisputeRules.Checked c = checked.get(i);
      Dispute dispute =
          new Dispute(
              c.kind(),
              targets.get(i).customerId(),
              c.reasonCode(),
              targets.get(i).currency(),
              c.total(),
              c.description(),
              user.username(),
              now,
              SlaClock.targets(now.toInstant(), settings, zone()));
      em.persist(dispute);
      disputes.add(dispute);
    }
    em.flush();
    List<DisputeQueries.NewItem> items = new ArrayList<>();
    Map<Long, BigDecimal> held = new LinkedHashMap<>();
    for (int i = 0; i < checked.size(); i++) {
      NewDisputeRules.Checked c = checked.get(i);
      for (Map.Entry<Long, BigDecimal> item : c.amounts().entrySet()) {
        items.add(
            new DisputeQueries.NewItem(
                disputes.get(i).id(),
                item.getKey(),
                c.lines().get(item.getKey()),
                item.getValue()));
        held.put(item.getKey(), item.getValue());
      }
    }
    queries.insertItems(items);
    ledger.holdAll(held);
    access.recordRaised(
        disputes,
        checked.stream()
            .map(
                c ->
                    c.kind() == Dispute.Kind.DEDUCTION
                        ? "LOGGED_DEDUCTION"
                        : (party.isBpo() ? "LOGGED" : "RAISED"))
            .toList());
    disputes.forEach(d -> notices.raised(d, settings));
    return disputes;
  }

  // ---------------------------------------------------------------- working

  /** Takes one step of the workflow, if allowed from where the dispute stands and to the caller. */
  public DisputeDetail transition(long id, TransitionRequest request) {
    PortalUser user = context.requireUser();
    Party party = Party.of(user);
    Dispute dispute = access.require(id);
    if (request.action() == null) {
      throw new InvalidFields(
          "Say what to do.",
          List.of(new FieldError("action", "must be one of " + List.of(DisputeAction.values()))));
    }
    access.checkVersion(dispute, request.version());
    DisputeSettings settings = desk.settings();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    DisputeStatus from = dispute.status();
    DisputeStatus to =
        DisputeWorkflow.next(
            from,
            request.action(),
            party,
            DisputeAccess.instant(dispute.resolvedAt()),
            settings.reopenDays(),
            now.toInstant());
    String note = request.note() == null ? "" : request.note().strip();
    List<FieldError> errors = new ArrayList<>();
    EnumSet<DisputeAction> needNote =
        EnumSet.of(DisputeAction.ASK_CUSTOMER, DisputeAction.RESOLVE, DisputeAction.REOPEN);
    if (needNote.contains(request.action()) && note.isEmpty()) {
      errors.add(new FieldError("note", "is required: say why, in words the customer will read"));
    }
    if (note.length() > DisputeThread.MAX_MESSAGE) {
      errors.add(
          new FieldError("note", "must be at most " + DisputeThread.MAX_MESSAGE + " characters"));
    }
    BigDecimal accepted = BigDecimal.ZERO;
    if (request.action() == DisputeAction.RESOLVE) {
      if (request.outcome() == null) {
        errors.add(new FieldError("outcome", "must be one of " + List.of(Outcome.values())));
      } else if (request.outcome() == Outcome.PARTLY_ACCEPTED) {
        Optional<BigDecimal> amount = NewDisputeRules.positiveAmount(request.acceptedAmount());
        if (amount.isEmpty() || amount.get().compareTo(dispute.disputedAmount()) >= 0) {
          errors.add(
              new FieldError(
                  "acceptedAmount",
                  "must be more than 0 and less than the disputed "
                      + dispute.disputedAmount().toPlainString()));
        } else {
          accepted = amount.get();
        }
      } else if (request.outcome() != Outcome.REJECTED) {
        accepted = dispute.disputedAmount();
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The step cannot be taken as it is.", errors);
    }

    if (request.action() == DisputeAction.RESOLVE && accepted.signum() > 0) {
      // four eyes above the tenant's threshold: records a pending approval and stops (202), or lets
      // it apply
      approvals.requireOrRecord(
          DisputeResolutionApprovals.request(
              dispute.id(), dispute.customerAccountId(), dispute.currency(), request, accepted));
    }
    if (request.action() == DisputeAction.RESOLVE) {
      settle(dispute, request.outcome(), accepted, now);
    } else if (request.action() == DisputeAction.REOPEN) {
      for (DisputeSettlement.Hold hold : DisputeSettlement.reopen(lockedItems(dispute))) {
        ledger.hold(hold.invoiceId(), hold.amount());
      }
    }
    dispute.moveTo(to, request.outcome(), now);
    if (party.isBpo() && request.action() != DisputeAction.CLOSE) {
      dispute.respond(now);
    }
    if (!note.isEmpty()
        && request.action() != DisputeAction.START_REVIEW
        && request.action() != DisputeAction.RESUME_REVIEW) {
      // what the customer is asked, told as the resolution, or gives as the reason to reopen, they
      // also read
      thread.message(dispute, user, party, Visibility.CUSTOMER, note);
    }
    access.record(dispute, request.action().name(), from, to, note.isEmpty() ? null : note);
    access.flush();
    if (to == DisputeStatus.RESOLVED) {
      notices.resolved(dispute, note);
    } else if (to == DisputeStatus.AWAITING_CUSTOMER) {
      notices.askedCustomer(dispute, note);
    } else if (request.action() == DisputeAction.REOPEN && party == Party.CUSTOMER) {
      notices.reopenedByCustomer(dispute, settings, note);
    }
    return access.detail(dispute);
  }

  /**
   * The dispute's items in invoice order, their invoices locked, with what each has not settled.
   */
  private List<DisputeSettlement.Item> lockedItems(Dispute dispute) {
    List<DisputeQueries.OpenItem> items = queries.openItems(dispute.id());
    Map<Long, InvoiceLedger.OpenInvoice> invoices =
        ledger.lockOpen(items.stream().map(DisputeQueries.OpenItem::invoiceId).toList());
    return items.stream()
        .map(
            i -> {
              InvoiceLedger.OpenInvoice invoice = invoices.get(i.invoiceId());
              return new DisputeSettlement.Item(
                  i.invoiceId(), i.unsettled(), invoice.open(), invoice.disputed());
            })
        .toList();
  }

  /**
   * The money of a resolution ({@link DisputeSettlement}): accepted amounts become one credit note
   * per invoice, or a write-off; every item's unsettled amount leaves dispute, so a rejected amount
   * counts in the invoice's overdue figures again.
   */
  private void settle(Dispute dispute, Outcome outcome, BigDecimal accepted, OffsetDateTime now) {
    String number = DisputeSummary.number(dispute.id());
    for (DisputeSettlement.Share share : DisputeSettlement.spread(accepted, lockedItems(dispute))) {
      if (share.settled().signum() > 0) {
        if (outcome == Outcome.WRITTEN_OFF) {
          ledger.writeOff(share.invoiceId(), share.settled());
        } else {
          ledger.credit(
              share.invoiceId(),
              share.settled(),
              now.atZoneSameInstant(zone()).toLocalDate(),
              "Dispute " + number);
        }
        queries.settleItem(dispute.id(), share.invoiceId(), share.settled());
        dispute.settle(share.settled());
      }
      ledger.release(share.invoiceId(), share.released());
    }
  }

  /** Assigns one dispute, checking the version the caller saw. */
  public DisputeDetail assign(long id, String assignee, Long version) {
    Dispute dispute = access.require(id);
    requireBpo();
    access.checkVersion(dispute, version);
    assignOne(dispute, assignee, desk.assignableStaff());
    access.flush();
    return access.detail(dispute);
  }

  /**
   * Assigns many disputes at once. Each still gets its own history event and a new version, so an
   * edit made meanwhile with the old version is refused, not lost. Unknown ids fail the whole
   * batch.
   */
  public int assignAll(List<Long> ids, String assignee) {
    requireBpo();
    if (ids == null
        || ids.isEmpty()
        || ids.size() > 500
        || ids.stream().anyMatch(java.util.Objects::isNull)) {
      throw new InvalidFields(
          "Name the disputes to assign.", List.of(new FieldError("ids", "must hold 1 to 500 ids")));
    }
    List<StaffMember> staff = desk.assignableStaff(); // once for the batch, not once per dispute
    for (Long id : new LinkedHashSet<>(ids)) {
      assignOne(access.require(id), assignee, staff);
    }
    access.flush();
    return ids.size();
  }

  private void assignOne(Dispute dispute, String assignee, List<StaffMember> staff) {
    String target = assignee == null || assignee.isBlank() ? null : assignee.strip();
    if (target != null && staff.stream().noneMatch(s -> s.username().equals(target))) {
      throw new InvalidFields(
          "The dispute cannot be assigned to that person.",
          List.of(new FieldError("assignee", "is not one of this tenant's BPO staff")));
    }
    String before = dispute.assignee();
    dispute.assignTo(target);
    access.record(
        dispute,
        "ASSIGNED",
        dispute.status(),
        dispute.status(),
        (before == null ? "unassigned" : before)
            + " → "
            + (target == null ? "unassigned" : target));
  }

  private void requireBpo() {
    if (!Party.of(context.requireUser()).isBpo()) {
      throw ProblemException.forbidden("Only the BPO assigns disputes.");
    }
  }

  private ZoneId zone() {
    return ZoneId.of(context.requireTenant().timeZone());
  }

  // ---------------------------------------------------------------- the desk and the thread, for
  // callers

  public List<DisputeReason> reasons(boolean includeInactive) {
    return desk.reasons(includeInactive);
  }

  public DisputeReason saveReason(DisputeReason reason) {
    return desk.saveReason(reason);
  }

  public DisputeSettings settings() {
    return desk.settings();
  }

  public VersionedSettings versionedSettings() {
    return desk.versionedSettings();
  }

  public VersionedSettings saveSettings(DisputeSettings settings, long version) {
    return desk.saveSettings(settings, version);
  }

  public List<StaffMember> assignableStaff() {
    return desk.assignableStaff();
  }

  public DisputeDetail post(long id, String body, Visibility requested) {
    return thread.post(id, body, requested);
  }

  public DisputeDetail.Attachment attach(long id, String fileName, byte[] content) {
    return thread.attach(id, fileName, content);
  }

  public Optional<AttachmentContent> attachment(long disputeId, long attachmentId) {
    return thread.attachment(disputeId, attachmentId);
  }
}
