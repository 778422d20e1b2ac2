package com.bpo.portal.scorecard;

import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of KPIs: the versioned definitions of the tenant's SLA contract, and the aggregates
 * {@link KpiCalculator} computes them from. The aggregates read the invoice, payment, credit note
 * and dispute tables of other features (reads for a report, never writes); each is one statement
 * over indexed columns (see docs/KPIS.md and docs/PERFORMANCE.md).
 */
@ApplicationScoped
public class KpiQueries {
  /**
   * The standard KPIs in the order a scorecard shows them: the computed ones, then the satisfaction
   * score entered by hand; a tenant's own codes come after.
   */
  static final List<String> ORDER =
      java.util.stream.Stream.concat(
              KpiCalculator.IN_CONTRACT_ORDER.stream(), java.util.stream.Stream.of("CSAT"))
          .toList();

  static final Comparator<Scorecard.Kpi> CONTRACT_ORDER_OF_KPIS =
      Comparator.comparing(k -> position(k.code()));
  private static final List<String> BILLING_ERRORS =
      List.of("PRICING", "QUANTITY", "DUPLICATE_BILLING", "TAX");
  private static final String DEFINITION =
      "code, version, name, unit, direction, target, warning, weight, "
          + "at_risk_pct, computed, active, changed_by, changed_at";

  @Inject TenantSql sql;

  /** For CDI. */
  KpiQueries() {}

  /** Over a connection outside the container (see {@link TenantSql#on}). */
  public KpiQueries(TenantSql sql) {
    this.sql = sql;
  }

  static int position(String code) {
    int at = ORDER.indexOf(code);
    return at < 0 ? 99 : at;
  }

  // ---------------------------------------------------------------- definitions

  /** The current (latest) version of each KPI of the contract, in contract order. */
  List<KpiDefinition> currentDefinitions() {
    List<KpiDefinition> result =
        new ArrayList<>(
            sql.sql(
                    "select distinct on (code) "
                        + DEFINITION
                        + " from kpi_definition where tenant_id = :tenant order by code, version desc")
                .list(KpiQueries::definition));
    result.sort(Comparator.comparing(d -> position(d.code())));
    return result;
  }

  /** Every version of one KPI, newest first. */
  List<KpiDefinition> history(String code) {
    return sql.sql(
            "select "
                + DEFINITION
                + " from kpi_definition where tenant_id = :tenant and code = :code"
                + " order by version desc")
        .bind("code", code)
        .list(KpiQueries::definition);
  }

  void insertDefinition(KpiDefinition d) {
    sql.sql(
            """
            insert into kpi_definition (tenant_id, code, version, name, unit, direction, target, warning, weight,
                                        at_risk_pct, computed, active, changed_by)
            values (:tenant, :code, :version, :name, :unit, :direction, :target, :warning, :weight, :atRisk,
                    :computed, :active, :changedBy)""")
        .bind("code", d.code())
        .bind("version", d.version())
        .bind("name", d.name())
        .bind("unit", d.unit())
        .bind("direction", d.direction())
        .bind("target", d.target())
        .bind("warning", d.warning())
        .bind("weight", d.weight())
        .bind("atRisk", d.atRiskPct())
        .bind("computed", d.computed())
        .bind("active", d.active())
        .bind("changedBy", d.changedBy())
        .update();
  }

  private static KpiDefinition definition(Row r) {
    return new KpiDefinition(
        r.string("code"),
        r.intValue("version"),
        r.string("name"),
        r.enumValue("unit", KpiDefinition.Unit.class),
        r.enumValue("direction", Rag.Direction.class),
        r.decimal("target"),
        r.decimal("warning"),
        r.decimal("weight"),
        r.decimal("at_risk_pct"),
        r.bool("computed"),
        r.bool("active"),
        r.string("changed_by"),
        r.timestamp("changed_at"));
  }

  // ---------------------------------------------------------------- aggregates the calculator
  // reads

  /** Receivables on a date: total, the part not yet due, the part more than 90 days past due. */
  record Receivables(BigDecimal total, BigDecimal current, BigDecimal over90) {}

  /**
   * The receivables on {@code opening} and on {@code closing}, in one pass (see {@link
   * KpiCalculator}): the open invoices issued by then, plus what was paid on them since, read from
   * the allocations summed per day received and invoice dates (V103's allocation_day, a few hundred
   * rows, not every allocation since the month before), plus what was credited since.
   */
  List<Receivables> receivablesAround(LocalDate opening, LocalDate closing, String currency) {
    return sql.sql(
            """
        with amounts as (
          select issue_date, due_date, open_amount as at_closing, open_amount as at_opening
          from invoice where tenant_id = :tenant and open_amount > 0 and issue_date <= :close and currency = :currency
          union all
          select invoice_issue_date, invoice_due_date, case when received_on > :close then amount else 0 end, amount
          from allocation_day
          where tenant_id = :tenant and received_on > :open and invoice_issue_date <= :close
            and currency = :currency
          union all
          select i.issue_date, i.due_date, case when c.issued_on > :close then c.amount else 0 end, c.amount
          from credit_note c join invoice i on i.tenant_id = c.tenant_id and i.id = c.invoice_id
          where c.tenant_id = :tenant and c.issued_on > :open and i.issue_date <= :close and i.currency = :currency
        )
        select coalesce(sum(at_closing), 0) as closing_total,
               coalesce(sum(at_closing) filter (where due_date >= :close), 0) as closing_current,
               coalesce(sum(at_closing) filter (where :close - due_date > 90), 0) as closing_over90,
               coalesce(sum(at_opening) filter (where issue_date <= :open), 0) as opening_total,
               coalesce(sum(at_opening) filter (where issue_date <= :open and due_date >= :open), 0)
                 as opening_current,
               coalesce(sum(at_opening) filter (where issue_date <= :open and :open - due_date > 90), 0)
                 as opening_over90
        from amounts""")
        .bind("open", opening)
        .bind("close", closing)
        .bind("currency", currency)
        .one(
            r ->
                List.of(
                    new Receivables(
                        r.decimal("opening_total"),
                        r.decimal("opening_current"),
                        r.decimal("opening_over90")),
                    new Receivables(
                        r.decimal("closing_total"),
                        r.decimal("closing_current"),
                        r.decimal("closing_over90"))));
  }

  /**
   * Sales per month: read from the invoices' totals kept per issue date (V92's invoice_sales_day,
   * about 30 rows a month), not from the month's invoices (130,000 on the benchmark's tenant).
   */
  Map<YearMonth, BigDecimal> monthlySales(YearMonth from, YearMonth to, String currency) {
    Map<YearMonth, BigDecimal> sales = new LinkedHashMap<>();
    sql.sql(
            """
        select to_char(issue_date, 'YYYY-MM') as month, sum(total_amount) as sales from invoice_sales_day
        where tenant_id = :tenant and issue_date between :from and :to and currency = :currency group by 1""")
        .bind("from", from.atDay(1))
        .bind("to", to.atEndOfMonth())
        .bind("currency", currency)
        .forEach(r -> sales.put(YearMonth.parse(r.string("month")), r.decimal("sales")));
    return sales;
  }

  /**
   * Mean and 90th percentile of the days from raised to resolved, of the disputes resolved in the
   * range.
   */
  record Cycle(BigDecimal mean, BigDecimal p90) {}

  Cycle disputeCycle(OffsetDateTime from, OffsetDateTime to) {
    return sql.sql(
            """
        select round(avg(extract(epoch from resolved_at - raised_at) / 86400)::numeric, 2) as mean,
               round((percentile_cont(0.9) within group (order by extract(epoch from resolved_at - raised_at) / 86400))::numeric, 2) as p90
        from dispute where tenant_id = :tenant and resolved_at >= :from and resolved_at < :to""")
        .bind("from", from)
        .bind("to", to)
        .one(r -> new Cycle(r.decimal("mean"), r.decimal("p90")));
  }

  /** Of a count, how many met their target. */
  record Share(long met, long all) {}

  /**
   * The disputes whose first-response target fell in the range and is decided (passed, or met
   * early); met = done at or before the target. A month computed before it ends does not count
   * targets still ahead.
   */
  Share responseTargets(OffsetDateTime from, OffsetDateTime to) {
    return sql.sql(
            """
        select count(*) filter (where first_response_at <= first_response_due) as met, count(*) as all_ from dispute
        where tenant_id = :tenant and first_response_due >= :from and first_response_due < :to
          and (first_response_due < now() or first_response_at is not null)""")
        .bind("from", from)
        .bind("to", to)
        .one(KpiQueries::share);
  }

  /** As {@link #responseTargets}, for the resolution target. */
  Share resolutionTargets(OffsetDateTime from, OffsetDateTime to) {
    return sql.sql(
            """
        select count(*) filter (where resolved_at <= resolution_due) as met, count(*) as all_ from dispute
        where tenant_id = :tenant and resolution_due >= :from and resolution_due < :to
          and (resolution_due < now() or resolved_at is not null)""")
        .bind("from", from)
        .bind("to", to)
        .one(KpiQueries::share);
  }

  /**
   * The month's invoices ({@code all}), and how many of them were credited for a billing error
   * (pricing, quantity, duplicate, tax), found from the disputes side; the month's invoices are
   * counted from the counts kept per issue date (V92's invoice_sales_day), never probed one by one.
   */
  Share invoicesCreditedForBillingErrors(LocalDate start, LocalDate end) {
    return sql.sql(
            """
        select (select coalesce(sum(invoice_count), 0) from invoice_sales_day
                where tenant_id = :tenant and issue_date between :start and :end) as all_,
               (select count(distinct di.invoice_id)
                from dispute d
                join dispute_item di on di.tenant_id = d.tenant_id and di.dispute_id = d.id and di.settled > 0
                join invoice i on i.tenant_id = di.tenant_id and i.id = di.invoice_id
                where d.tenant_id = :tenant and d.outcome in ('ACCEPTED', 'PARTLY_ACCEPTED')
                  and d.reason_code = any(:reasons) and i.issue_date between :start and :end) as met""")
        .bind("start", start)
        .bind("end", end)
        .bind("reasons", BILLING_ERRORS)
        .one(KpiQueries::share);
  }

  /**
   * Promises to pay that fell due in the range and have been decided: how many were kept in full
   * (met) of all decided (kept, partly kept or broken); the same as the collections metrics.
   */
  Share promisesKept(LocalDate start, LocalDate end) {
    return sql.sql(
            """
        select count(*) filter (where status = 'KEPT') as met,
               count(*) filter (where status in ('KEPT', 'PARTLY_KEPT', 'BROKEN')) as all_
        from promise_to_pay where tenant_id = :tenant and promised_on between :start and :end""")
        .bind("start", start)
        .bind("end", end)
        .one(KpiQueries::share);
  }

  /**
   * Invoices more than {@code graceDays} overdue on {@code end} with something still open then
   * (rebuilt like {@link #receivablesAround}), and how many of them a dunning run dated by then had
   * reached: listed on a notice that went out, or left out for a reason (disputed, promised, on
   * hold).
   */
  Share dunningCoverage(LocalDate end, int graceDays) {
    return sql.sql(
            """
        with open_then as (
          select id from invoice
          where tenant_id = :tenant and open_amount > 0 and due_date < cast(:end as date) - :grace
          union
          select invoice_id from payment_allocation
          where tenant_id = :tenant and received_on > :end and invoice_due_date < cast(:end as date) - :grace
          union
          select c.invoice_id from credit_note c join invoice i on i.tenant_id = c.tenant_id and i.id = c.invoice_id
          where c.tenant_id = :tenant and c.issued_on > :end and i.due_date < cast(:end as date) - :grace
        )
        select count(*) as all_,
               count(*) filter (where exists (
                 select 1 from dunning_notice_invoice ni
                 join dunning_notice n on n.tenant_id = ni.tenant_id and n.id = ni.notice_id
                 join dunning_run r on r.tenant_id = n.tenant_id and r.id = n.run_id
                 where ni.tenant_id = :tenant and ni.invoice_id = o.id and r.run_date <= :end
                   and (ni.exclusion is not null or n.status in ('SENT', 'DONE')))) as met
        from open_then o""")
        .bind("end", end)
        .bind("grace", graceDays)
        .one(KpiQueries::share);
  }

  /** Bank statement lines booked in the range: how many the matcher applied by itself, of all. */
  Share linesAppliedAutomatically(LocalDate start, LocalDate end, String matcher) {
    return sql.sql(
            """
        select count(*) filter (where status = 'APPLIED' and applied_by = :matcher) as met, count(*) as all_
        from bank_statement_line where tenant_id = :tenant and booking_date between :start and :end""")
        .bind("start", start)
        .bind("end", end)
        .bind("matcher", matcher)
        .one(KpiQueries::share);
  }

  /** Amounts of money: of {@code all}, the part that {@code met}. */
  record Amounts(BigDecimal met, BigDecimal all) {}

  /**
   * Bank lines booked in the range in the currency: the amount the matcher applied by itself, of
   * the amount of all.
   */
  Amounts amountAppliedAutomatically(
      LocalDate start, LocalDate end, String matcher, String currency) {
    return sql.sql(
            """
        select coalesce(sum(amount) filter (where status = 'APPLIED' and applied_by = :matcher), 0) as met,
               coalesce(sum(amount), 0) as all_
        from bank_statement_line
        where tenant_id = :tenant and booking_date between :start and :end and currency = :currency""")
        .bind("start", start)
        .bind("end", end)
        .bind("matcher", matcher)
        .bind("currency", currency)
        .one(r -> new Amounts(r.decimal("met"), r.decimal("all_")));
  }

  /**
   * Unapplied cash on a day: how many lines, their amount and their mean age in days (null when no
   * line was waiting); {@code anyBooked} is whether any line in the currency was booked by then.
   */
  record Unapplied(boolean anyBooked, long lines, BigDecimal amount, BigDecimal meanAgeDays) {}

  /**
   * The bank lines in the currency booked on or before {@code day} that were still waiting for a
   * decision at its end: those in the queue today, and those decided from {@code dayEnds} on (the
   * next day's start in the tenant's zone), whose whole amount was waiting then.
   */
  Unapplied unappliedOn(LocalDate day, OffsetDateTime dayEnds, String currency) {
    return sql.sql(
            """
        select count(*) as lines, coalesce(sum(waiting), 0) as amount,
               round(avg(cast(:day as date) - booking_date)::numeric, 2) as age,
               exists (select 1 from bank_statement_line
                       where tenant_id = :tenant and booking_date <= :day and currency = :currency) as any_booked
        from (select booking_date, amount - applied_amount - on_account_amount as waiting
              from bank_statement_line
              where tenant_id = :tenant and status in ('SUGGESTED', 'UNAPPLIED')
                and booking_date <= :day and currency = :currency
              union all
              select booking_date, amount
              from bank_statement_line
              where tenant_id = :tenant and applied_at >= :dayEnds
                and booking_date <= :day and currency = :currency) waiting""")
        .bind("day", day)
        .bind("dayEnds", dayEnds)
        .bind("currency", currency)
        .one(
            r ->
                new Unapplied(
                    r.bool("any_booked"),
                    r.longValue("lines"),
                    r.decimal("amount"),
                    r.decimal("age")));
  }

  /**
   * The mean time, in days, from a bank line's booking (the start of its day in {@code zone}) to
   * its decision (applied, put on account or marked for refund), over the lines decided in the
   * range; null when none was. A decision taken before the booking day began counts as none.
   */
  BigDecimal meanDaysToApply(OffsetDateTime from, OffsetDateTime to, String zone) {
    return sql.sql(
            """
        select round(avg(greatest(0, extract(epoch from applied_at - (booking_date::timestamp at time zone :zone)))
                         / 86400)::numeric, 2) as days
        from bank_statement_line
        where tenant_id = :tenant and applied_at >= :from and applied_at < :to""")
        .bind("from", from)
        .bind("to", to)
        .bind("zone", zone)
        .one(r -> Optional.ofNullable(r.decimal("days")))
        .orElse(null);
  }

  private static Share share(Row r) {
    return new Share(r.longValue("met"), r.longValue("all_"));
  }
}
