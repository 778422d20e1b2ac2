package com.bpo.portal.dispute;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The root-cause figures' SQL, for the active tenant: each one aggregate over the disputes raised
 * in {@code [start, end)}, amounts summed in the tenant's currency only. Reads customers' numbers
 * and names beside them.
 */
@ApplicationScoped
public class DisputeAnalysisQueries {
  /** A reason's count and amount, before the cumulative share is worked out. */
  record ReasonCount(String code, String label, int count, BigDecimal amount) {}

  @Inject TenantSql sql;

  List<ReasonCount> byReason(OffsetDateTime start, OffsetDateTime end, String currency) {
    return sql.sql(
            """
            select d.reason_code, coalesce(r.label, d.reason_code) as label, count(*) as disputes,
                   coalesce(sum(d.disputed_amount) filter (where d.currency = :currency), 0) as amount
            from dispute d left join dispute_reason r on r.tenant_id = d.tenant_id and r.code = d.reason_code
            where d.tenant_id = :tenant and d.raised_at >= :start and d.raised_at < :end
            group by d.reason_code, r.label order by count(*) desc, d.reason_code""")
        .bind("start", start)
        .bind("end", end)
        .bind("currency", currency)
        .list(
            r ->
                new ReasonCount(
                    r.string("reason_code"),
                    r.string("label"),
                    r.intValue("disputes"),
                    r.decimal("amount")));
  }

  List<DisputeAnalysis.ByMonth> byMonth(
      OffsetDateTime start, OffsetDateTime end, String zone, String currency) {
    return sql.sql(
            """
            select to_char(d.raised_at at time zone :zone, 'YYYY-MM') as month, count(*) as raised,
                   count(*) filter (where d.resolved_at is not null) as resolved,
                   coalesce(sum(d.disputed_amount) filter (where d.currency = :currency), 0) as amount,
                   round(avg(extract(epoch from d.resolved_at - d.raised_at) / 86400)::numeric, 1) as mean_days
            from dispute d where d.tenant_id = :tenant and d.raised_at >= :start and d.raised_at < :end
            group by 1 order by 1""")
        .bind("zone", zone)
        .bind("currency", currency)
        .bind("start", start)
        .bind("end", end)
        .list(
            r ->
                new DisputeAnalysis.ByMonth(
                    r.string("month"),
                    r.intValue("raised"),
                    r.intValue("resolved"),
                    new Money(r.decimal("amount"), currency),
                    r.decimal("mean_days")));
  }

  /** The ten customers with most disputes. */
  List<DisputeAnalysis.ByCustomer> byCustomer(
      OffsetDateTime start, OffsetDateTime end, String currency) {
    return sql.sql(
            """
            select c.id, c.number, c.name, count(*) as disputes,
                   coalesce(sum(d.disputed_amount) filter (where d.currency = :currency), 0) as amount
            from dispute d join customer_account c on c.tenant_id = d.tenant_id and c.id = d.customer_account_id
            where d.tenant_id = :tenant and d.raised_at >= :start and d.raised_at < :end
            group by c.id, c.number, c.name order by count(*) desc, c.number limit 10""")
        .bind("currency", currency)
        .bind("start", start)
        .bind("end", end)
        .list(
            r ->
                new DisputeAnalysis.ByCustomer(
                    r.longValue("id"),
                    r.string("number"),
                    r.string("name"),
                    r.intValue("disputes"),
                    new Money(r.decimal("amount"), currency)));
  }

  DisputeAnalysis.CycleTime cycleTime(OffsetDateTime start, OffsetDateTime end) {
    return sql.sql(
            """
            select count(*) as resolved,
                   round(avg(days)::numeric, 1) as mean_days,
                   round((percentile_cont(0.9) within group (order by days))::numeric, 1) as p90_days
            from (select extract(epoch from resolved_at - raised_at) / 86400 as days from dispute
                  where tenant_id = :tenant and raised_at >= :start and raised_at < :end
                    and resolved_at is not null) r""")
        .bind("start", start)
        .bind("end", end)
        .one(
            r ->
                new DisputeAnalysis.CycleTime(
                    r.intValue("resolved"), r.decimal("mean_days"), r.decimal("p90_days")));
  }
}
