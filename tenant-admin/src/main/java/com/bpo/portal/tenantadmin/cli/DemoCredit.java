package com.bpo.portal.tenantadmin.cli;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo tenants' credit: a profile per account with its onboarding limit in the history, risk
 * classes whose reviews are overdue, due and later, one hold, limit requests approved, refused and
 * waiting, a pending write-off of an open dispute waiting for a second person, and the client's
 * bank account for refund files. Runs once per tenant (when it has no credit profile).
 */
final class DemoCredit {
  private static final String[] RISK = {"HIGH", "MEDIUM", "LOW"};

  private final Connection db;

  DemoCredit(Connection db) {
    this.db = db;
  }

  /** Seeds the tenant (bound by the caller) unless it has credit profiles already. */
  void seed(
      String tenant,
      String tenantName,
      ZoneId zone,
      String lead,
      String agent,
      String stakeholder,
      String iban)
      throws SQLException {
    try (PreparedStatement q = db.prepareStatement("select exists (select 1 from credit_profile)");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      if (rs.getBoolean(1)) {
        return;
      }
    }
    LocalDate today = LocalDate.now(zone);
    List<long[]> accounts = new ArrayList<>();
    List<BigDecimal> limits = new ArrayList<>();
    try (PreparedStatement q =
            db.prepareStatement("select id, credit_limit from customer_account order by number");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        accounts.add(new long[] {rs.getLong(1)});
        limits.add(rs.getBigDecimal(2));
      }
    }
    for (int i = 0; i < accounts.size(); i++) {
      long account = accounts.get(i)[0];
      String risk = RISK[i % RISK.length];
      // the first account's review is overdue, the second's due within the month, the rest later
      LocalDate next =
          i == 0 ? today.minusDays(12) : i == 1 ? today.plusDays(9) : today.plusMonths(2 + i);
      LocalDate last = next.minusMonths(risk.equals("HIGH") ? 3 : risk.equals("MEDIUM") ? 6 : 12);
      execute(
          "insert into credit_profile (tenant_id, customer_account_id, credit_limit, risk_class, last_reviewed_on, "
              + "next_review_on) values (?, ?, ?, ?, ?, ?)",
          tenant,
          account,
          limits.get(i),
          risk,
          Date.valueOf(last),
          Date.valueOf(next));
      execute(
          "insert into credit_limit_change (tenant_id, customer_account_id, old_limit, new_limit, changed_by, reason, "
              + "changed_at) values (?, ?, null, ?, ?, 'Limit at onboarding', now() - interval '400 days')",
          tenant,
          account,
          limits.get(i),
          lead);
    }
    if (accounts.size() < 4) {
      return;
    }
    List<String[]> people =
        List.of(new String[] {lead, "bpo-lead"}, new String[] {stakeholder, "client-stakeholder"});
    // approved: an increase on the second account
    long second = accounts.get(1)[0];
    BigDecimal raised = limits.get(1).add(new BigDecimal("5000.00"));
    Long approved =
        request(
            tenant,
            second,
            agent,
            "Seasonal volume doubles in Q4; paid on time all year",
            limits.get(1),
            raised,
            "APPROVED",
            people,
            21);
    if (approved != null) {
      execute(
          "update credit_profile set credit_limit = ? where tenant_id = ? and customer_account_id = ?",
          raised,
          tenant,
          second);
      execute(
          "insert into credit_limit_change (tenant_id, customer_account_id, old_limit, new_limit, limit_request_id, "
              + "changed_by, reason, changed_at) values (?, ?, ?, ?, ?, ?, ?, now() - interval '20 days')",
          tenant,
          second,
          limits.get(1),
          raised,
          approved,
          stakeholder,
          "Seasonal volume doubles in Q4; paid on time all year");
    }
    // refused: an increase on the third account
    request(
        tenant,
        accounts.get(2)[0],
        agent,
        "Customer asks for more room for a one-off order",
        limits.get(2),
        limits.get(2).add(new BigDecimal("5000.00")),
        "REFUSED",
        people,
        9);
    // waiting: an increase on the first account
    request(
        tenant,
        accounts.get(0)[0],
        agent,
        "Two invoices paid early; asks for a higher limit",
        limits.get(0),
        limits.get(0).add(new BigDecimal("15000.00")),
        "REQUESTED",
        people,
        2);
    // one hold, on the fourth account
    execute(
        "insert into credit_hold (tenant_id, customer_account_id, reason, set_by, set_at) "
            + "values (?, ?, 'Cheque returned unpaid; no new orders until it is replaced', ?, now() - interval '3 days')",
        tenant,
        accounts.get(3)[0],
        lead);
    pendingWriteOff(tenant, agent);
    execute(
        "insert into credit_settings (tenant_id, debtor_name, debtor_iban) values (?, ?, ?) "
            + "on conflict (tenant_id) do nothing",
        tenant,
        tenantName,
        iban);
  }

  /**
   * A limit request with its approval judged by the default matrix (up to 10,000 a lead, up to
   * 100,000 the stakeholder, above that two of either), decided by people other than the maker;
   * null if the demo's people cannot decide it.
   */
  private Long request(
      String tenant,
      long account,
      String maker,
      String reason,
      BigDecimal current,
      BigDecimal requested,
      String status,
      List<String[]> people,
      int daysAgo)
      throws SQLException {
    boolean twoBand = requested.compareTo(new BigDecimal("100000.00")) > 0;
    boolean stakeholderBand = requested.compareTo(new BigDecimal("10000.00")) > 0;
    List<String> roles =
        twoBand
            ? List.of("bpo-lead", "client-stakeholder")
            : stakeholderBand ? List.of("client-stakeholder") : List.of("bpo-lead");
    int required = twoBand ? 2 : 1;
    List<String[]> deciders =
        people.stream()
            .filter(p -> !p[0].equals(maker) && roles.contains(p[1]))
            .limit(status.equals("APPROVED") ? required : 1)
            .toList();
    if (!status.equals("REQUESTED")
        && deciders.size() < (status.equals("APPROVED") ? required : 1)) {
      return null;
    }
    String approvalStatus =
        switch (status) {
          case "APPROVED" -> "APPLIED";
          case "REFUSED" -> "REFUSED";
          default -> "PENDING";
        };
    long approval =
        insertApproval(
            tenant,
            "CREDIT_LIMIT",
            maker,
            requested,
            account,
            null,
            null,
            reason,
            required,
            "{" + String.join(",", roles) + "}",
            approvalStatus,
            daysAgo);
    long id;
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into credit_limit_request (tenant_id, customer_account_id, raised_by, raised_role, reason, current_limit, "
                + "requested_limit, status, approval_id, raised_at, decided_at) values (?, ?, ?, "
                + "(select role from tenant_staff where tenant_id = ? and username = ?), ?, ?, ?, ?, ?, "
                + "now() - make_interval(days => ?), case when ? = 'REQUESTED' then null else now() - make_interval(days => ?) "
                + "+ interval '1 day' end) returning id")) {
      Object[] values = {
        tenant, account, maker, tenant, maker, reason, current, requested, status, approval,
        daysAgo, status, daysAgo
      };
      for (int i = 0; i < values.length; i++) {
        insert.setObject(i + 1, values[i]);
      }
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    execute(
        "update approval set payload_ref = ? where tenant_id = ? and id = ?",
        "limit-request:" + id,
        tenant,
        approval);
    if (!status.equals("REQUESTED")) {
      for (String[] person : deciders) {
        boolean refuse = status.equals("REFUSED");
        execute(
            "insert into approval_decision (tenant_id, approval_id, maker, approver, approver_role, decision, note, "
                + "decided_at) values (?, ?, ?, ?, ?, ?, ?, now() - make_interval(days => ?) + interval '1 day')",
            tenant,
            approval,
            maker,
            person[0],
            person[1],
            refuse ? "REFUSE" : "APPROVE",
            refuse ? "Exposure already near the limit; revisit after the next review" : null,
            daysAgo);
      }
    }
    return id;
  }

  /**
   * A write-off of a dispute under review, above the threshold, waiting for a lead who is not its
   * maker.
   */
  private void pendingWriteOff(String tenant, String agent) throws SQLException {
    try (PreparedStatement q =
            db.prepareStatement(
                """
            select id, customer_account_id, currency, disputed_amount, version from dispute
            where status in ('IN_REVIEW', 'AWAITING_CUSTOMER') and disputed_amount > 1000
              and disputed_amount <= 100000 order by id limit 1""");
        ResultSet rs = q.executeQuery()) {
      if (!rs.next()) {
        return;
      }
      long dispute = rs.getLong(1);
      String note =
          "Goodwill write-off agreed on the account review call; the customer keeps paying on time";
      String payload =
          "{\"version\":"
              + rs.getLong(5)
              + ",\"outcome\":\"WRITTEN_OFF\",\"note\":\""
              + note
              + "\"}";
      long approval =
          insertApproval(
              tenant,
              "WRITE_OFF",
              agent,
              rs.getBigDecimal(4),
              rs.getLong(2),
              payload,
              "dispute:" + dispute,
              note,
              1,
              "{bpo-lead}",
              "PENDING",
              1);
      execute(
          "update approval set currency = ? where tenant_id = ? and id = ?",
          rs.getString(3),
          tenant,
          approval);
    }
  }

  private long insertApproval(
      String tenant,
      String kind,
      String maker,
      BigDecimal amount,
      long account,
      String payload,
      String ref,
      String reason,
      int required,
      String roles,
      String status,
      int daysAgo)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into approval (tenant_id, kind, maker, amount, currency, customer_account_id, payload_ref, payload, "
                + "reason, approvers_required, approver_roles, status, created_at, decided_at) "
                + "select ?, ?, ?, ?, c.currency, c.id, ?, ?, ?, ?, ?::text[], ?, now() - make_interval(days => ?), "
                + "case when ? = 'PENDING' then null else now() - make_interval(days => ?) + interval '1 day' end "
                + "from customer_account c where c.tenant_id = ? and c.id = ? returning id")) {
      Object[] values = {
        tenant,
        kind,
        maker,
        amount,
        ref == null ? "limit-request:0" : ref,
        payload,
        reason,
        required,
        roles,
        status,
        daysAgo,
        status,
        daysAgo,
        tenant,
        account
      };
      for (int i = 0; i < values.length; i++) {
        insert.setObject(i + 1, values[i]);
      }
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void execute(String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }
}
