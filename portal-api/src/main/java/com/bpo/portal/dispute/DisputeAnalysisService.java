package com.bpo.portal.dispute;

import com.bpo.portal.shared.CsvOut;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import com.bpo.portal.audit.AuditTrail;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

/** The root-cause figures of {@link DisputeAnalysis}, each one aggregate in SQL over the period's disputes. */
@TenantService
public class DisputeAnalysisService {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;
  @Inject AuditTrail audit;

  /** Disputes raised from {@code from} to {@code to} inclusive, in the tenant's time zone. */
  @SuppressWarnings("unchecked")
  public DisputeAnalysis analyse(LocalDate from, LocalDate to) {
    if (to.isBefore(from) || from.plusYears(5).isBefore(to)) {
      throw new InvalidFields("The period is not valid.",
          List.of(new FieldError("to", "must be on or after 'from', and at most five years later")));
    }
    Tenant tenant = context.requireTenant();
    ZoneId zone = ZoneId.of(tenant.timeZone());
    OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    String currency = tenant.currency();

    List<Object[]> reasonRows = em.createNativeQuery("""
            select d.reason_code, coalesce(r.label, d.reason_code), count(*),
                   coalesce(sum(d.disputed_amount) filter (where d.currency = ?4), 0)
            from dispute d left join dispute_reason r on r.tenant_id = d.tenant_id and r.code = d.reason_code
            where d.tenant_id = ?1 and d.raised_at >= ?2 and d.raised_at < ?3
            group by d.reason_code, r.label order by count(*) desc, d.reason_code""")
        .setParameter(1, tenant.id()).setParameter(2, start).setParameter(3, end).setParameter(4, currency)
        .getResultList();
    int total = reasonRows.stream().mapToInt(r -> ((Number) r[2]).intValue()).sum();
    List<DisputeAnalysis.ByReason> reasons = new ArrayList<>();
    int running = 0;
    for (Object[] r : reasonRows) {
      int count = ((Number) r[2]).intValue();
      running += count;
      reasons.add(new DisputeAnalysis.ByReason((String) r[0], (String) r[1], count,
          new Money((BigDecimal) r[3], currency), share(running, total)));
    }

    List<DisputeAnalysis.ByMonth> months = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select to_char(d.raised_at at time zone ?4, 'YYYY-MM'), count(*),
                   count(*) filter (where d.resolved_at is not null),
                   coalesce(sum(d.disputed_amount) filter (where d.currency = ?5), 0),
                   round(avg(extract(epoch from d.resolved_at - d.raised_at) / 86400)::numeric, 1)
            from dispute d where d.tenant_id = ?1 and d.raised_at >= ?2 and d.raised_at < ?3
            group by 1 order by 1""")
        .setParameter(1, tenant.id()).setParameter(2, start).setParameter(3, end).setParameter(4, zone.getId())
        .setParameter(5, currency).getResultList()) {
      months.add(new DisputeAnalysis.ByMonth((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
          new Money((BigDecimal) r[3], currency), (BigDecimal) r[4]));
    }

    List<DisputeAnalysis.ByCustomer> customers = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select c.id, c.number, c.name, count(*), coalesce(sum(d.disputed_amount) filter (where d.currency = ?4), 0)
            from dispute d join customer_account c on c.tenant_id = d.tenant_id and c.id = d.customer_account_id
            where d.tenant_id = ?1 and d.raised_at >= ?2 and d.raised_at < ?3
            group by c.id, c.number, c.name order by count(*) desc, c.number limit 10""")
        .setParameter(1, tenant.id()).setParameter(2, start).setParameter(3, end).setParameter(4, currency)
        .getResultList()) {
      customers.add(new DisputeAnalysis.ByCustomer(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
          ((Number) r[3]).intValue(), new Money((BigDecimal) r[4], currency)));
    }

    Object[] cycle = (Object[]) em.createNativeQuery("""
            select count(*),
                   round(avg(days)::numeric, 1),
                   round((percentile_cont(0.9) within group (order by days))::numeric, 1)
            from (select extract(epoch from resolved_at - raised_at) / 86400 as days from dispute
                  where tenant_id = ?1 and raised_at >= ?2 and raised_at < ?3 and resolved_at is not null) r""")
        .setParameter(1, tenant.id()).setParameter(2, start).setParameter(3, end).getSingleResult();
    return new DisputeAnalysis(from, to, total, reasons, months, customers,
        new DisputeAnalysis.CycleTime(((Number) cycle[0]).intValue(), (BigDecimal) cycle[1], (BigDecimal) cycle[2]));
  }

  private static BigDecimal share(int part, int whole) {
    return whole == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  /** The analysis as one CSV table: dimension, key, label, count, amount, share or cycle days. */
  public void csv(DisputeAnalysis analysis, OutputStream out) throws IOException {
    audit.record(AuditTrail.EXPORT, "dispute_analysis", null, Map.of("format", "csv"));
    try (CsvOut csv = CsvOut.to(out, "dimension", "key", "label", "count", "amount", "currency",
        "cumulative_share_pct", "mean_cycle_days")) {
      for (DisputeAnalysis.ByReason r : analysis.reasons()) {
        csv.row("reason", r.code(), r.label(), r.count(), r.amount().amount().toPlainString(),
            r.amount().currency(), r.cumulativeShare().toPlainString(), "");
      }
      for (DisputeAnalysis.ByMonth m : analysis.months()) {
        csv.row("month", m.month(), "", m.raised(), m.amount().amount().toPlainString(),
            m.amount().currency(), "", m.meanCycleDays() == null ? "" : m.meanCycleDays().toPlainString());
      }
      for (DisputeAnalysis.ByCustomer c : analysis.customers()) {
        csv.row("customer", c.number(), c.name(), c.count(), c.amount().amount().toPlainString(),
            c.amount().currency(), "", "");
      }
      DisputeAnalysis.CycleTime cycle = analysis.cycleTime();
      csv.row("cycle_time", "resolved", "", cycle.resolved(), "", "", "",
          cycle.meanDays() == null ? "" : cycle.meanDays().toPlainString());
    }
  }
}
