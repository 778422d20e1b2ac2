package com.bpo.portal.scorecard;

import com.bpo.portal.shared.sql.TenantSql;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The computed KPIs of one month (formulas and a worked example in docs/KPIS.md): the arithmetic
 * here, each aggregate one statement of {@link KpiQueries}, on the caller's transaction (bound to
 * the tenant, row-level security on) and, in tests, directly against a fixture tenant.
 *
 * <p>Receivables on a past date are rebuilt from today's open amounts plus what was paid or
 * credited after that date; only those later rows and the open invoices are read, never the whole
 * history.
 */
public final class KpiCalculator {
  /**
   * The codes this calculator computes, in the order a scorecard shows them; any other KPI is
   * entered by hand.
   */
  static final List<String> IN_CONTRACT_ORDER =
      List.of(
          "DSO",
          "DSO_COUNTBACK",
          "BEST_DSO",
          "ADD",
          "CEI",
          "PCT_CURRENT",
          "PCT_OVER_90",
          "DISPUTE_CYCLE_MEAN",
          "DISPUTE_CYCLE_P90",
          "DISPUTE_RESPONSE_SLA",
          "DISPUTE_RESOLUTION_SLA",
          "INVOICE_ACCURACY",
          "PROMISES_KEPT",
          "DUNNING_COVERAGE",
          "CASH_AUTO_APPLIED",
          "CASH_AUTO_APPLIED_AMOUNT",
          "CASH_UNAPPLIED_AMOUNT",
          "CASH_UNAPPLIED_AGE",
          "CASH_TIME_TO_APPLY");

  /** The codes this calculator computes; any other KPI is entered by hand. */
  public static final java.util.Set<String> COMPUTED = java.util.Set.copyOf(IN_CONTRACT_ORDER);

  /** The KPIs of the receivables and sales statements. */
  private static final java.util.Set<String> RECEIVABLES_KPIS =
      java.util.Set.of(
          "DSO", "DSO_COUNTBACK", "BEST_DSO", "ADD", "CEI", "PCT_CURRENT", "PCT_OVER_90");

  /** The KPIs of the dispute statements. */
  private static final java.util.Set<String> DISPUTE_KPIS =
      java.util.Set.of(
          "DISPUTE_CYCLE_MEAN",
          "DISPUTE_CYCLE_P90",
          "DISPUTE_RESPONSE_SLA",
          "DISPUTE_RESOLUTION_SLA");

  /**
   * Days past due after which an open invoice should have been reached by a dunning run (a first
   * reminder step usually falls within them).
   */
  static final int DUNNING_GRACE_DAYS = 15;

  /** Who the cash feature records as the one who applied a line by itself. */
  static final String CASH_MATCHER = com.bpo.portal.cash.CashService.AUTO;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final KpiQueries queries;
  private final String currency;
  private final ZoneId zone;

  /**
   * Money KPIs count the invoices in the tenant's {@code currency} only: amounts in different
   * currencies are never added together (the disputes and accuracy KPIs are counts, in any
   * currency).
   */
  public KpiCalculator(KpiQueries queries, String currency, ZoneId zone) {
    this.queries = queries;
    this.currency = currency;
    this.zone = zone;
  }

  /** On a connection already bound to {@code tenant}, outside the container (fixture tests). */
  public KpiCalculator(Connection db, String tenant, String currency, ZoneId zone) {
    this(new KpiQueries(TenantSql.on(db, tenant)), currency, zone);
  }

  /**
   * Every computed KPI of {@code month}, by code; a value is null when it is undefined (nothing to
   * measure).
   */
  public Map<String, BigDecimal> compute(YearMonth month) {
    return compute(month, COMPUTED);
  }

  /**
   * The KPIs of {@code month} among {@code wanted} (a tenant's active computed KPIs), with any
   * others the same statements give: a statement whose KPIs nobody shows is not run (the
   * operational KPIs read the collections and cash tables, a few hundred milliseconds at a million
   * invoices).
   */
  public Map<String, BigDecimal> compute(YearMonth month, java.util.Set<String> wanted) {
    LocalDate start = month.atDay(1);
    LocalDate end = month.atEndOfMonth();
    Map<String, BigDecimal> kpis = new LinkedHashMap<>();
    if (wanted.stream().anyMatch(RECEIVABLES_KPIS::contains)) {
      receivablesKpis(month, kpis);
    }
    if (wanted.stream().anyMatch(DISPUTE_KPIS::contains)) {
      disputeKpis(start, end, kpis);
    }
    if (wanted.contains("INVOICE_ACCURACY")) {
      KpiQueries.Share credited = queries.invoicesCreditedForBillingErrors(start, end);
      kpis.put(
          "INVOICE_ACCURACY",
          percent(
              BigDecimal.valueOf(credited.all() - credited.met()),
              BigDecimal.valueOf(credited.all())));
    }
    if (wanted.contains("PROMISES_KEPT")) {
      kpis.put("PROMISES_KEPT", share(queries.promisesKept(start, end)));
    }
    if (wanted.contains("DUNNING_COVERAGE")) {
      kpis.put("DUNNING_COVERAGE", share(queries.dunningCoverage(end, DUNNING_GRACE_DAYS)));
    }
    if (wanted.contains("CASH_AUTO_APPLIED")) {
      kpis.put(
          "CASH_AUTO_APPLIED", share(queries.linesAppliedAutomatically(start, end, CASH_MATCHER)));
    }
    cashKpis(start, end, wanted, kpis);
    return kpis;
  }

  private void receivablesKpis(YearMonth month, Map<String, BigDecimal> kpis) {
    LocalDate start = month.atDay(1);
    LocalDate end = month.atEndOfMonth();
    int days = month.lengthOfMonth();
    List<KpiQueries.Receivables> around =
        queries.receivablesAround(start.minusDays(1), end, currency);
    KpiQueries.Receivables opening = around.get(0);
    KpiQueries.Receivables closing = around.get(1);
    // four months of sales settle the countback of most tenants; twelve are read only when they do
    // not
    Map<YearMonth, BigDecimal> sales = queries.monthlySales(month.minusMonths(3), month, currency);
    BigDecimal countback = countbackWithin(closing.total(), sales, month, 4);
    if (countback == null) {
      sales = queries.monthlySales(month.minusMonths(11), month, currency);
      countback = countback(closing.total(), sales, month);
    }
    BigDecimal periodSales = sales.getOrDefault(month, BigDecimal.ZERO);

    BigDecimal dso = ratio(closing.total(), periodSales, days);
    BigDecimal best = ratio(closing.current(), periodSales, days);
    kpis.put("DSO", dso);
    kpis.put("DSO_COUNTBACK", countback);
    kpis.put("BEST_DSO", best);
    kpis.put("ADD", dso == null || best == null ? null : dso.subtract(best));
    BigDecimal collectible = opening.total().add(periodSales);
    kpis.put(
        "CEI",
        percent(collectible.subtract(closing.total()), collectible.subtract(closing.current())));
    kpis.put("PCT_CURRENT", percent(closing.current(), closing.total()));
    kpis.put("PCT_OVER_90", percent(closing.over90(), closing.total()));
  }

  /**
   * Countback DSO: the receivables are matched against each month's sales, newest first; every
   * month fully absorbed counts all its days, the month where they run out counts its share.
   */
  static BigDecimal countback(
      BigDecimal receivables, Map<YearMonth, BigDecimal> sales, YearMonth month) {
    BigDecimal within = countbackWithin(receivables, sales, month, 12);
    return within != null
        ? within
        : BigDecimal.valueOf(
                java.util.stream.IntStream.range(0, 12)
                    .map(back -> month.minusMonths(back).lengthOfMonth())
                    .sum())
            .setScale(2, RoundingMode.UNNECESSARY);
  }

  /** The countback if the receivables run out within {@code months} months of sales, else null. */
  static BigDecimal countbackWithin(
      BigDecimal receivables, Map<YearMonth, BigDecimal> sales, YearMonth month, int months) {
    if (receivables.signum() == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal left = receivables;
    BigDecimal days = BigDecimal.ZERO;
    for (int back = 0; back < months; back++) {
      YearMonth m = month.minusMonths(back);
      BigDecimal s = sales.getOrDefault(m, BigDecimal.ZERO);
      BigDecimal length = BigDecimal.valueOf(m.lengthOfMonth());
      if (s.signum() > 0 && left.compareTo(s) <= 0) {
        return days.add(left.multiply(length).divide(s, 2, RoundingMode.HALF_UP));
      }
      left = left.subtract(s);
      days = days.add(length);
    }
    return null;
  }

  private void disputeKpis(LocalDate start, LocalDate end, Map<String, BigDecimal> kpis) {
    OffsetDateTime from = start.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime to = end.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    KpiQueries.Cycle cycle = queries.disputeCycle(from, to);
    kpis.put("DISPUTE_CYCLE_MEAN", cycle.mean());
    kpis.put("DISPUTE_CYCLE_P90", cycle.p90());
    kpis.put("DISPUTE_RESPONSE_SLA", share(queries.responseTargets(from, to)));
    kpis.put("DISPUTE_RESOLUTION_SLA", share(queries.resolutionTargets(from, to)));
  }

  /**
   * The cash application KPIs beyond the count of lines applied automatically: the amount so
   * applied, the cash still unapplied at the month's end (amount in the tenant's currency, mean
   * age) and the mean time to a decision on a line.
   */
  private void cashKpis(
      LocalDate start, LocalDate end, java.util.Set<String> wanted, Map<String, BigDecimal> kpis) {
    if (wanted.contains("CASH_AUTO_APPLIED_AMOUNT")) {
      KpiQueries.Amounts applied =
          queries.amountAppliedAutomatically(start, end, CASH_MATCHER, currency);
      kpis.put("CASH_AUTO_APPLIED_AMOUNT", percent(applied.met(), applied.all()));
    }
    OffsetDateTime from = start.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime to = end.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    if (wanted.contains("CASH_UNAPPLIED_AMOUNT") || wanted.contains("CASH_UNAPPLIED_AGE")) {
      KpiQueries.Unapplied unapplied = queries.unappliedOn(end, to, currency);
      // nothing to measure before the tenant's first bank line; none waiting after it is 0.00
      kpis.put(
          "CASH_UNAPPLIED_AMOUNT",
          unapplied.anyBooked() ? unapplied.amount().setScale(2, RoundingMode.HALF_UP) : null);
      kpis.put("CASH_UNAPPLIED_AGE", unapplied.meanAgeDays());
    }
    if (wanted.contains("CASH_TIME_TO_APPLY")) {
      kpis.put("CASH_TIME_TO_APPLY", queries.meanDaysToApply(from, to, zone.getId()));
    }
  }

  private static BigDecimal share(KpiQueries.Share share) {
    return percent(BigDecimal.valueOf(share.met()), BigDecimal.valueOf(share.all()));
  }

  /** part ÷ sales × days, to two decimals; null without sales. */
  static BigDecimal ratio(BigDecimal part, BigDecimal sales, int days) {
    return sales.signum() == 0
        ? null
        : part.multiply(BigDecimal.valueOf(days)).divide(sales, 2, RoundingMode.HALF_UP);
  }

  /** part ÷ whole × 100, to two decimals; null when the whole is zero. */
  static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0
        ? null
        : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
  }
}
