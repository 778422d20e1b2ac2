package com.bpo.portal.tenantadmin.cli;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo tenants' month-end closes: the journal rebuilt from the seeded history's own dates, the
 * standard provision policy, one specific provision (approved) and one waiting for a second pair of
 * eyes, and the last four months: two signed off, one published waiting for the client's sign-off,
 * last month a draft. Each month's ledger balance is the receivables plus the unapplied cash, which
 * a reconciling item explains, so every published month reconciles to the cent. Runs once per
 * tenant (bound by the caller).
 */
final class DemoClose {
  private final Connection db;

  DemoClose(Connection db) {
    this.db = db;
  }

  void seed(String tenant, ZoneId zone, String lead, String stakeholder) throws SQLException {
    if (exists("select exists (select 1 from month_close)")) {
      return;
    }
    // the seed loads months of history in one go: post it on the dates it carries, not today
    try (PreparedStatement q = db.prepareStatement("select ar_journal_rebuild(?)")) {
      q.setString(1, tenant);
      q.execute();
    }
    execute(
        "insert into provision_policy (tenant_id, version, rate_current, rate_1_30, rate_31_60, rate_61_90, "
            + "rate_91_180, rate_over_180, exclude_disputed, effective_from, changed_by) "
            + "values (?, 1, 0, 0.01, 0.05, 0.20, 0.50, 1, true, date '2000-01-01', ?)",
        tenant,
        lead);

    LocalDate today = LocalDate.now(zone);
    YearMonth last = YearMonth.from(today).minusMonths(1);
    List<Long> customers = new ArrayList<>();
    try (PreparedStatement q =
            db.prepareStatement("select id from customer_account order by number limit 3");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        customers.add(rs.getLong(1));
      }
    }
    String currency = single("select currency from tenant where id = ?", tenant);
    // a customer in difficulty, provided for case by case (approved by the client), and a proposal
    // waiting
    execute(
        "insert into specific_provision (tenant_id, customer_account_id, currency, amount, reason, effective_from, "
            + "status, proposed_by, decided_by, decided_at) values (?, ?, ?, 2500.00, ?, ?, 'APPROVED', ?, ?, now())",
        tenant,
        customers.get(customers.size() - 1),
        currency,
        "Customer in safeguard proceedings since the summer: half of the overdue balance is at risk.",
        last.minusMonths(3).atDay(1),
        lead,
        stakeholder);
    execute(
        "insert into specific_provision (tenant_id, customer_account_id, currency, amount, reason, effective_from, "
            + "proposed_by) values (?, ?, ?, 1200.00, ?, ?, ?)",
        tenant,
        customers.get(0),
        currency,
        "Two invoices contested in court; counsel expects to lose one.",
        today,
        lead);

    for (int back = 4; back >= 1; back--) {
      YearMonth month = last.minusMonths(back - 1L);
      LocalDate end = month.atEndOfMonth();
      String status = back >= 3 ? "SIGNED_OFF" : back == 2 ? "PUBLISHED" : "DRAFT";
      execute(
          "insert into month_close (tenant_id, period, period_end, status, prepared_by, published_by, published_at, "
              + "signed_off_by, signed_off_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          tenant,
          month.toString(),
          end,
          status,
          lead,
          status.equals("DRAFT") ? null : lead,
          status.equals("DRAFT")
              ? null
              : java.sql.Timestamp.valueOf(month.plusMonths(1).atDay(3).atTime(9, 0)),
          status.equals("SIGNED_OFF") ? stakeholder : null,
          status.equals("SIGNED_OFF")
              ? java.sql.Timestamp.valueOf(month.plusMonths(1).atDay(8).atTime(15, 30))
              : null);
      if (status.equals("DRAFT")) {
        continue; // last month's reconciliation is the lead's work in progress
      }
      BigDecimal receivables =
          amount("select coalesce(sum(amount), 0) from ar_posting where posted_on <= ?", end);
      BigDecimal unapplied =
          amount(
              """
          select coalesce(sum(p.amount - coalesce(a.applied, 0)), 0) from payment p
          left join (select payment_id, sum(amount) as applied from payment_allocation group by payment_id) a
            on a.payment_id = p.id
          where p.received_on <= ? and p.amount > coalesce(a.applied, 0)""",
              end);
      BigDecimal timing = back == 3 ? new BigDecimal("1250.00") : BigDecimal.ZERO;
      execute(
          "insert into ledger_balance (tenant_id, period, currency, amount, entered_by) values (?, ?, ?, ?, ?)",
          tenant,
          month.toString(),
          currency,
          receivables.add(unapplied).add(timing),
          lead);
      if (unapplied.signum() != 0) {
        execute(
            "insert into reconciling_item (tenant_id, period, currency, kind, amount, explanation, entered_by) "
                + "values (?, ?, ?, 'UNAPPLIED_CASH', ?, ?, ?)",
            tenant,
            month.toString(),
            currency,
            unapplied,
            "Cash received and booked in the ledger, not yet applied to invoices",
            lead);
      }
      if (timing.signum() != 0) {
        execute(
            "insert into reconciling_item (tenant_id, period, currency, kind, amount, explanation, entered_by) "
                + "values (?, ?, ?, 'TIMING', ?, ?, ?)",
            tenant,
            month.toString(),
            currency,
            timing,
            "Invoice posted in the ledger on the last day, loaded into the portal on the 1st",
            lead);
      }
    }
    execute(
        "insert into month_close_comment (tenant_id, period, author, body) values (?, ?, ?, ?)",
        tenant,
        last.minusMonths(1).toString(),
        stakeholder,
        "The provision on the largest account went up again: can we discuss the recovery plan at the meeting?");
  }

  private boolean exists(String sql) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private String single(String sql, String parameter) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(sql)) {
      q.setString(1, parameter);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getString(1).trim();
      }
    }
  }

  private BigDecimal amount(String sql, LocalDate end) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(sql)) {
      q.setObject(1, end);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getBigDecimal(1);
      }
    }
  }

  private void execute(String sql, Object... values) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        q.setObject(i + 1, values[i]);
      }
      q.executeUpdate();
    }
  }
}
