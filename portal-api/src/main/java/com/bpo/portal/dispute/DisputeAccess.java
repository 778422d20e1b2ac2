package com.bpo.portal.dispute;

import com.bpo.portal.invoice.CustomerScope;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dispute as the caller reaches it: found within their scope (any of the tenant's for staff,
 * their account's for a customer; anything else is "not found"), read as the detail their party may
 * see, its history written and its version checked. Shared by the service's workflow and the
 * thread.
 */
@TenantService
public class DisputeAccess {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;
  @Inject CustomerScope scope;
  @Inject DisputeQueries queries;
  @Inject DisputeDesk desk;

  /** The dispute if the caller may see it. */
  Optional<Dispute> visible(long id) {
    return Optional.ofNullable(em.find(Dispute.class, id))
        .filter(d -> scope.current().sees(d.customerAccountId()));
  }

  Dispute require(long id) {
    return visible(id).orElseThrow(() -> ProblemException.notFound("Dispute " + id));
  }

  /**
   * The dispute as the caller's party sees it: a customer gets neither the internal SLA figures nor
   * the notes in its history, and messages are narrowed to what the party reads.
   */
  DisputeDetail detail(Dispute d) {
    Party party = Party.of(context.requireUser());
    Instant now = Instant.now();
    DisputeSummary summary = queries.summary(d.id(), now).orElseThrow();
    if (party == Party.CUSTOMER) {
      summary = summary.forCustomer();
    }
    String currency = d.currency();
    Set<DisputeAction> actions =
        DisputeWorkflow.available(
            d.status(), party, instant(d.resolvedAt()), desk.settings().reopenDays(), now);
    // a customer sees what happened and when; the reasons written for the BPO and the client stay
    // with them
    return new DisputeDetail(
        summary,
        desk.label(d.reasonCode()),
        d.description(),
        queries.items(d.id(), currency),
        queries.messages(d.id(), party.sees()),
        queries.attachments(d.id()),
        queries.events(d.id(), party != Party.CUSTOMER),
        actions,
        party.sees());
  }

  void record(Dispute dispute, String action, DisputeStatus from, DisputeStatus to, String note) {
    queries.insertEvent(dispute.id(), context.requireUser().username(), action, from, to, note);
  }

  /** Records that these disputes were raised, each with its action, in one statement. */
  void recordRaised(List<Dispute> disputes, List<String> actions) {
    queries.insertRaisedEvents(
        disputes.stream().map(Dispute::id).toList(), context.requireUser().username(), actions);
  }

  void checkVersion(Dispute dispute, Long version) {
    if (version == null) {
      throw new InvalidFields(
          "Send the version you last saw.",
          List.of(
              new FieldError(
                  "version", "is required, so that no change silently overwrites another")));
    }
    if (version != dispute.version()) {
      throw new ProblemException(
          "conflict",
          "Changed meanwhile",
          409,
          "Dispute "
              + DisputeSummary.number(dispute.id())
              + " was changed by someone else (version "
              + dispute.version()
              + ", you sent "
              + version
              + "). Reload it and try again.");
    }
  }

  /**
   * Writes now, so that a concurrent change (the version moved under us) is refused as a conflict.
   */
  void flush() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ProblemException(
          "conflict",
          "Changed meanwhile",
          409,
          "The dispute was changed by someone else while you worked on it. Reload it and try again.");
    }
  }

  static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
