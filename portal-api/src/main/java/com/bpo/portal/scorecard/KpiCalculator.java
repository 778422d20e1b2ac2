package com.bpo.portal.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The computed KPIs of one month, each an aggregate in SQL (formulas and a worked example in
 * docs/KPIS.md). Plain JDBC on the caller's connection, so it runs inside the service's transaction
 * (bound to the tenant, row-level security on) and, in tests, directly against a fixture tenant.
 *
 * <p>Receivables on a past date are rebuilt from today's open amounts plus what was paid or credited
 * after that date; only those later rows and the open invoices are read, never the whole history.
 */
public final class KpiCalculator {
  /** The codes this calculator computes; any other KPI is entered by hand. */
  public static final java.util.Set<String> COMPUTED = java.util.Set.of("DSO", "DSO_COUNTBACK", "BEST_DSO", "ADD",
      "CEI", "PCT_CURRENT", "PCT_OVER_90", "DISPUTE_CYCLE_MEAN", "DISPUTE_CYCLE_P90", "DISPUTE_RESPONSE_SLA",
      "DISPUTE_RESOLUTION_SLA", "INVOICE_ACCURACY");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final String[] BILLING_ERRORS = {"PRICING", "QUANTITY", "DUPLICATE_BILLING", "TAX"};

  private final Connection db;
  private final String tenant;
  private final String currency;
  private final ZoneId zone;

  /**
   * Money KPIs count the invoices in the tenant's {@code currency} only: amounts in different
   * currencies are never added together (the disputes and accuracy KPIs are counts, in any currency).
   */
  public KpiCalculator(Connection db, String tenant, String currency, ZoneId zone) {
    this.db = db;
    this.tenant = tenant;
    this.currency = currency;
    this.zone = zone;
  }

  /** Receivables on a date: total, the part not yet due, the part more than 90 days past due. */
  record Receivables(BigDecimal total, BigDecimal current, BigDecimal over90) {}

  /** Every computed KPI of {@code month}, by code; a value is null when it is undefined (nothing to measure). */
  public Map<String, BigDecimal> compute(YearMonth month) throws SQLException {
    LocalDate start = month.atDay(1);
    LocalDate end = month.atEndOfMonth();
    int days = month.lengthOfMonth();
    Receivables[] around = receivablesAround(start.minusDays(1), end);
    Receivables opening = around[0];
    Receivables closing = around[1];
    // four months of sales settle the countback of most tenants; twelve are read only when they do not
    Map<YearMonth, BigDecimal> sales = monthlySales(month.minusMonths(3), month);
    BigDecimal countback = countbackWithin(closing.total(), sales, month, 4);
    if (countback == null) {
      sales = monthlySales(month.minusMonths(11), month);
      countback = countback(closing.total(), sales, month);
    }
    BigDecimal periodSales = sales.getOrDefault(month, BigDecimal.ZERO);

    Map<String, BigDecimal> kpis = new LinkedHashMap<>();
    BigDecimal dso = ratio(closing.total(), periodSales, days);
    BigDecimal best = ratio(closing.current(), periodSales, days);
    kpis.put("DSO", dso);
    kpis.put("DSO_COUNTBACK", countback);
    kpis.put("BEST_DSO", best);
    kpis.put("ADD", dso == null || best == null ? null : dso.subtract(best));
    BigDecimal collectible = opening.total().add(periodSales);
    kpis.put("CEI", percent(collectible.subtract(closing.total()), collectible.subtract(closing.current())));
    kpis.put("PCT_CURRENT", percent(closing.current(), closing.total()));
    kpis.put("PCT_OVER_90", percent(closing.over90(), closing.total()));
    disputeKpis(start, end, kpis);
    kpis.put("INVOICE_ACCURACY", invoiceAccuracy(start, end));
    return kpis;
  }

  /**
   * The receivables on the eve of the month ({@code opening}) and on its last day ({@code closing}),
   * in one pass. An invoice's balance on a day is what is open today plus what was paid or credited
   * after the day; summed, that is Σ open today + Σ paid after + Σ credited after, each row carrying
   * its invoice's dates. So no invoice is joined: the open ones come from a covering partial index,
   * the later payments from their own (each allocation carries its invoice's dates, V9), and the few
   * later credit notes join their invoice.
   */
  Receivables[] receivablesAround(LocalDate opening, LocalDate closing) throws SQLException {
    String sql = """
        with amounts as (
          select issue_date, due_date, open_amount as at_closing, open_amount as at_opening
          from invoice where tenant_id = ? and open_amount > 0 and issue_date <= ? and currency = ?
          union all
          select invoice_issue_date, invoice_due_date, case when received_on > ? then amount else 0 end, amount
          from payment_allocation
          where tenant_id = ? and received_on > ? and invoice_issue_date <= ? and invoice_currency = ?
          union all
          select i.issue_date, i.due_date, case when c.issued_on > ? then c.amount else 0 end, c.amount
          from credit_note c join invoice i on i.tenant_id = c.tenant_id and i.id = c.invoice_id
          where c.tenant_id = ? and c.issued_on > ? and i.issue_date <= ? and i.currency = ?
        )
        select coalesce(sum(at_closing), 0),
               coalesce(sum(at_closing) filter (where due_date >= ?), 0),
               coalesce(sum(at_closing) filter (where ? - due_date > 90), 0),
               coalesce(sum(at_opening) filter (where issue_date <= ?), 0),
               coalesce(sum(at_opening) filter (where issue_date <= ? and due_date >= ?), 0),
               coalesce(sum(at_opening) filter (where issue_date <= ? and ? - due_date > 90), 0)
        from amounts""";
    try (PreparedStatement q = db.prepareStatement(sql)) {
      Date open = Date.valueOf(opening);
      Date close = Date.valueOf(closing);
      Object[] values = {tenant, close, currency, close, tenant, open, close, currency, close, tenant, open, close,
          currency, close, close, open, open, open, open, open};
      for (int i = 0; i < values.length; i++) {
        q.setObject(i + 1, values[i]);
      }
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return new Receivables[] {
            new Receivables(rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)),
            new Receivables(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3))};
      }
    }
  }

  Map<YearMonth, BigDecimal> monthlySales(YearMonth from, YearMonth to) throws SQLException {
    Map<YearMonth, BigDecimal> sales = new LinkedHashMap<>();
    try (PreparedStatement q = db.prepareStatement("""
        select to_char(issue_date, 'YYYY-MM'), sum(total_amount) from invoice
        where tenant_id = ? and issue_date between ? and ? and currency = ? group by 1""")) {
      q.setString(1, tenant);
      q.setDate(2, Date.valueOf(from.atDay(1)));
      q.setDate(3, Date.valueOf(to.atEndOfMonth()));
      q.setString(4, currency);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          sales.put(YearMonth.parse(rs.getString(1)), rs.getBigDecimal(2));
        }
      }
    }
    return sales;
  }

  /**
   * Countback DSO: the receivables are matched against each month's sales, newest first; every
   * month fully absorbed counts all its days, the month where they run out counts its share.
   */
  static BigDecimal countback(BigDecimal receivables, Map<YearMonth, BigDecimal> sales, YearMonth month) {
    BigDecimal within = countbackWithin(receivables, sales, month, 12);
    return within != null ? within : BigDecimal.valueOf(java.util.stream.IntStream.range(0, 12)
        .map(back -> month.minusMonths(back).lengthOfMonth()).sum()).setScale(2, RoundingMode.UNNECESSARY);
  }

  /** The countback if the receivables run out within {@code months} months of sales, else null. */
  static BigDecimal countbackWithin(BigDecimal receivables, Map<YearMonth, BigDecimal> sales, YearMonth month,
                                    int months) {
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

  private void disputeKpis(LocalDate start, LocalDate end, Map<String, BigDecimal> kpis) throws SQLException {
    OffsetDateTime from = start.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime to = end.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    try (PreparedStatement q = db.prepareStatement("""
        select round(avg(extract(epoch from resolved_at - raised_at) / 86400)::numeric, 2),
               round((percentile_cont(0.9) within group (order by extract(epoch from resolved_at - raised_at) / 86400))::numeric, 2)
        from dispute where tenant_id = ? and resolved_at >= ? and resolved_at < ?""")) {
      q.setString(1, tenant);
      q.setObject(2, from);
      q.setObject(3, to);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        kpis.put("DISPUTE_CYCLE_MEAN", rs.getBigDecimal(1));
        kpis.put("DISPUTE_CYCLE_P90", rs.getBigDecimal(2));
      }
    }
    // the disputes whose target fell in the month and is decided (passed, or met early); met = done
    // at or before the target. A month computed before it ends does not count targets still ahead.
    kpis.put("DISPUTE_RESPONSE_SLA", share("""
        select count(*) filter (where first_response_at <= first_response_due), count(*) from dispute
        where tenant_id = ? and first_response_due >= ? and first_response_due < ?
          and (first_response_due < now() or first_response_at is not null)""", from, to));
    kpis.put("DISPUTE_RESOLUTION_SLA", share("""
        select count(*) filter (where resolved_at <= resolution_due), count(*) from dispute
        where tenant_id = ? and resolution_due >= ? and resolution_due < ?
          and (resolution_due < now() or resolved_at is not null)""", from, to));
  }

  private BigDecimal share(String sql, OffsetDateTime from, OffsetDateTime to) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(sql)) {
      q.setString(1, tenant);
      q.setObject(2, from);
      q.setObject(3, to);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return percent(BigDecimal.valueOf(rs.getLong(1)), BigDecimal.valueOf(rs.getLong(2)));
      }
    }
  }

  /**
   * Invoices of the month not credited for a billing error (pricing, quantity, duplicate, tax). The
   * few invoices with such a credit are found from the disputes side, then counted; the month's
   * invoices are only counted (an index-only range), never probed one by one.
   */
  private BigDecimal invoiceAccuracy(LocalDate start, LocalDate end) throws SQLException {
    try (PreparedStatement q = db.prepareStatement("""
        select (select count(*) from invoice where tenant_id = ? and issue_date between ? and ?),
               (select count(distinct di.invoice_id)
                from dispute d
                join dispute_item di on di.tenant_id = d.tenant_id and di.dispute_id = d.id and di.settled > 0
                join invoice i on i.tenant_id = di.tenant_id and i.id = di.invoice_id
                where d.tenant_id = ? and d.outcome in ('ACCEPTED', 'PARTLY_ACCEPTED') and d.reason_code = any(?)
                  and i.issue_date between ? and ?)""")) {
      q.setString(1, tenant);
      q.setDate(2, Date.valueOf(start));
      q.setDate(3, Date.valueOf(end));
      q.setString(4, tenant);
      q.setArray(5, db.createArrayOf("text", BILLING_ERRORS));
      q.setDate(6, Date.valueOf(start));
      q.setDate(7, Date.valueOf(end));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        long invoices = rs.getLong(1);
        return percent(BigDecimal.valueOf(invoices - rs.getLong(2)), BigDecimal.valueOf(invoices));
      }
    }
  }

  /** part ÷ sales × days, to two decimals; null without sales. */
  static BigDecimal ratio(BigDecimal part, BigDecimal sales, int days) {
    return sales.signum() == 0 ? null
        : part.multiply(BigDecimal.valueOf(days)).divide(sales, 2, RoundingMode.HALF_UP);
  }

  /** part ÷ whole × 100, to two decimals; null when the whole is zero. */
  static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
  }
}
