package com.bpo.portal.invoice;

import com.bpo.portal.audit.AuditTrail;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check of the balances that V92's triggers keep (docs/BALANCES.md): recomputes them from the
 * invoices of the active tenant and answers the keys that differ. The nightly round records a drift
 * in the tenant's audit trail, where leads and auditors read, besides the server's log.
 */
@TenantService
public class ReceivableBalances {
  /** The audit action of a check that found drift. */
  public static final String DRIFT = "BALANCE_DRIFT";

  private static final int DETAIL_KEYS = 10;

  @Inject ReceivablesQueries queries;
  @Inject AuditTrail audit;

  /** The keys where the summaries differ from the invoices now; empty when they agree. */
  public List<BalanceDrift> drift() {
    return queries.drift();
  }

  /**
   * The nightly round's check: done by the first server that claims the tenant's day, in the same
   * transaction, after folding the tenant's allocation days (V103); empty when another server has
   * done (or is doing) it.
   */
  public Optional<List<BalanceDrift>> checkOnce(LocalDate day) {
    if (!queries.claimCheck(day)) {
      return Optional.empty();
    }
    // the day's allocation deltas folded first, so that the scorecard reads one row per key
    queries.compactAllocationDays();
    return Optional.of(checkAndRecord());
  }

  /** Checks and, when something differs, records it in the audit trail; answers the drift. */
  public List<BalanceDrift> checkAndRecord() {
    List<BalanceDrift> drift = queries.drift();
    if (!drift.isEmpty()) {
      audit.record(
          DRIFT,
          "receivable_balance",
          null,
          Map.of(
              "keys", Integer.toString(drift.size()),
              "first", describe(drift.subList(0, Math.min(DETAIL_KEYS, drift.size())))));
    }
    return drift;
  }

  static String describe(List<BalanceDrift> drift) {
    StringBuilder text = new StringBuilder();
    for (BalanceDrift d : drift) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append(d.summary())
          .append(" customer=")
          .append(d.customerId())
          .append(" currency=")
          .append(d.currency())
          .append(" day=")
          .append(d.day())
          .append(" invoices=")
          .append(d.expected())
          .append(" summary=")
          .append(d.actual());
    }
    return text.toString();
  }
}
