package com.bpo.portal.governance;

import com.bpo.portal.dispute.DisputeAnalysis;
import com.bpo.portal.dispute.DisputeAnalysisService;
import com.bpo.portal.dispute.DisputeFilter;
import com.bpo.portal.dispute.DisputeService;
import com.bpo.portal.dispute.DisputeSort;
import com.bpo.portal.dispute.DisputeSummary;
import com.bpo.portal.procedure.ProcedureService;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.ProcessArea;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The root-cause loop: a dispute reason that recurs beyond the tenant's threshold in a month
 * becomes a proposed action in the log, linked to those disputes and to the procedure of the
 * process area the reason points to ({@link RootCause}), so that the fix is tracked through to a
 * new version.
 */
@TenantService
public class RootCauseLoop {
  @Inject TenantContext context;
  @Inject GovernanceService log;
  @Inject GovernanceSettingsQueries settings;
  @Inject EntryQueries entries;
  @Inject DisputeService disputes;
  @Inject DisputeAnalysisService disputeAnalysis;
  @Inject ProcedureService procedures;

  /**
   * Proposes one action per dispute reason and month (this month and the last, as of {@code today})
   * whose disputes exceed the tenant's threshold, linked to those disputes and filed under the
   * process area the reason points to. Idempotent: the reason and month are the proposal's key.
   */
  public int proposeRootCauseActions(LocalDate today) {
    Actor actor = log.actor();
    if (actor != Actor.SYSTEM && actor != Actor.LEAD) {
      throw ProblemException.forbidden("Only the BPO lead runs the root-cause loop.");
    }
    int threshold = settings.current().rootCauseThreshold();
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

  private boolean propose(
      DisputeAnalysis.ByReason reason, YearMonth month, int threshold, LocalDate today) {
    String key = RootCause.key(reason.code(), month);
    ProcessArea area = RootCause.areaOf(reason.code());
    Optional<Long> created =
        entries.insertProposal(
            "Root cause: "
                + reason.label()
                + " disputes recur ("
                + reason.count()
                + " in "
                + month
                + ")",
            reason.count()
                + " disputes with reason "
                + reason.label()
                + " were raised in "
                + month
                + ", more than the threshold of "
                + threshold
                + ". Find the cause in the "
                + area.name().toLowerCase()
                + " process, fix it, and record the fix in a new version of its procedure.",
            area,
            today.plusDays(14),
            key,
            Actor.SYSTEM_USER);
    if (created.isEmpty()) {
      return false;
    }
    long entryId = created.get();
    entries.event(entryId, Actor.SYSTEM_USER, "PROPOSED", null, null, null, "root cause " + key);
    // the fix is tracked through to a new version of the area's procedure
    procedures
        .procedureOfArea(area)
        .ifPresent(
            procedure ->
                entries.insertLink(entryId, LinkKind.PROCEDURE, procedure, Actor.SYSTEM_USER));
    ZoneId zone = ZoneId.of(context.requireTenant().timeZone());
    OffsetDateTime from = month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
    DisputeFilter filter = DisputeFilter.ofReason(reason.code());
    String cursor = null;
    int linked = 0;
    do {
      Page<DisputeSummary> page =
          disputes.list(filter, DisputeSort.DEFAULT, PageRequest.of(200, cursor));
      for (DisputeSummary d : page.items()) {
        if (!d.raisedAt().isBefore(from) && d.raisedAt().isBefore(to)) {
          entries.insertLink(entryId, LinkKind.DISPUTE, d.id(), Actor.SYSTEM_USER);
          linked++;
        }
      }
      boolean older =
          page.items().isEmpty()
              || page.items().get(page.items().size() - 1).raisedAt().isBefore(from);
      cursor = older ? null : page.next();
    } while (cursor != null && linked < 1000);
    return true;
  }
}
