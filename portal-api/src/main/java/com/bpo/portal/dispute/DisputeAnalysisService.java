package com.bpo.portal.dispute;

import com.bpo.portal.audit.AuditTrail;
import com.bpo.portal.shared.CsvOut;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The root-cause figures of {@link DisputeAnalysis}, each one aggregate in SQL over the period's
 * disputes.
 */
@TenantService
public class DisputeAnalysisService {
  @Inject TenantContext context;
  @Inject AuditTrail audit;
  @Inject DisputeAnalysisQueries queries;

  /** Disputes raised from {@code from} to {@code to} inclusive, in the tenant's time zone. */
  public DisputeAnalysis analyse(LocalDate from, LocalDate to) {
    if (to.isBefore(from) || from.plusYears(5).isBefore(to)) {
      throw new InvalidFields(
          "The period is not valid.",
          List.of(
              new FieldError("to", "must be on or after 'from', and at most five years later")));
    }
    Tenant tenant = context.requireTenant();
    ZoneId zone = ZoneId.of(tenant.timeZone());
    OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    String currency = tenant.currency();

    List<DisputeAnalysisQueries.ReasonCount> counts = queries.byReason(start, end, currency);
    int total = counts.stream().mapToInt(DisputeAnalysisQueries.ReasonCount::count).sum();
    List<DisputeAnalysis.ByReason> reasons = new ArrayList<>();
    int running = 0;
    for (DisputeAnalysisQueries.ReasonCount r : counts) {
      running += r.count();
      reasons.add(
          new DisputeAnalysis.ByReason(
              r.code(),
              r.label(),
              r.count(),
              new Money(r.amount(), currency),
              share(running, total)));
    }
    return new DisputeAnalysis(
        from,
        to,
        total,
        reasons,
        queries.byMonth(start, end, zone.getId(), currency),
        queries.byCustomer(start, end, currency),
        queries.cycleTime(start, end));
  }

  private static BigDecimal share(int part, int whole) {
    return whole == 0
        ? BigDecimal.ZERO
        : BigDecimal.valueOf(part * 100L)
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  /** The analysis as one CSV table: dimension, key, label, count, amount, share or cycle days. */
  public void csv(DisputeAnalysis analysis, OutputStream out) throws IOException {
    audit.record(AuditTrail.EXPORT, "dispute_analysis", null, Map.of("format", "csv"));
    try (CsvOut csv =
        CsvOut.to(
            out,
            "dimension",
            "key",
            "label",
            "count",
            "amount",
            "currency",
            "cumulative_share_pct",
            "mean_cycle_days")) {
      for (DisputeAnalysis.ByReason r : analysis.reasons()) {
        csv.row(
            "reason",
            r.code(),
            r.label(),
            r.count(),
            r.amount().amount().toPlainString(),
            r.amount().currency(),
            r.cumulativeShare().toPlainString(),
            "");
      }
      for (DisputeAnalysis.ByMonth m : analysis.months()) {
        csv.row(
            "month",
            m.month(),
            "",
            m.raised(),
            m.amount().amount().toPlainString(),
            m.amount().currency(),
            "",
            m.meanCycleDays() == null ? "" : m.meanCycleDays().toPlainString());
      }
      for (DisputeAnalysis.ByCustomer c : analysis.customers()) {
        csv.row(
            "customer",
            c.number(),
            c.name(),
            c.count(),
            c.amount().amount().toPlainString(),
            c.amount().currency(),
            "",
            "");
      }
      DisputeAnalysis.CycleTime cycle = analysis.cycleTime();
      csv.row(
          "cycle_time",
          "resolved",
          "",
          cycle.resolved(),
          "",
          "",
          "",
          cycle.meanDays() == null ? "" : cycle.meanDays().toPlainString());
    }
  }
}
