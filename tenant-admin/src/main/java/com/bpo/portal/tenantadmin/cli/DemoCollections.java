package com.bpo.portal.tenantadmin.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo tenants' collections: a standard strategy and one for key accounts, each customer's
 * profile (risk, type, letter language from its country), a few weeks of calls, mails and notes,
 * promises kept, broken, open and one proposed by the demo customer, and last week's released
 * dunning run with its letters. Written in SQL as the collections feature would write it; runs once
 * per tenant (when it has no strategy).
 */
final class DemoCollections {
  private static final String[][] STANDARD = {
    // day, level, action, template, needs release
    {"-5", "0", "MAIL", "friendly", "false"}, {"1", "1", "MAIL", "first_reminder", "true"},
    {"15", "2", "LETTER", "second_reminder", "true"}, {"30", "3", "CALL_TASK", "call", "false"},
    {"45", "4", "LETTER", "final_notice", "true"}, {"60", "5", "ESCALATION", "escalation", "true"}
  };
  private static final String[][] KEY_ACCOUNTS = {
    {"3", "1", "CALL_TASK", "call", "false"},
    {"20", "2", "MAIL", "first_reminder", "true"},
    {"45", "3", "LETTER", "final_notice", "true"}
  };
  private static final String[][] CALLS = {
    // days ago, kind, outcome, note
    {"26", "CALL", "LEFT_MESSAGE", "Voicemail; asked for a call back about the overdue invoices."},
    {"24", "CALL", "REACHED", "Spoke to accounts payable: payment run next week."},
    {"19", "MAIL", null, "Sent the statement of account."},
    {"12", "CALL", "PROMISED", "Promised to pay the oldest invoices."},
    {"8", "NOTE", null, "Customer changed their AP contact."},
    {"3", "CALL", "DISPUTED", "Says one invoice is priced wrong; asked them to raise a dispute."}
  };

  private final Connection db;

  DemoCollections(Connection db) {
    this.db = db;
  }

  /** Seeds the tenant (bound by the caller) unless it has a strategy already. */
  void seed(String tenant, ZoneId zone, String lead, String agent, String customerLogin)
      throws SQLException {
    if (exists("select exists (select 1 from collection_strategy)")) {
      return;
    }
    LocalDate today = LocalDate.now(zone);
    long standard =
        strategy(
            tenant,
            "STANDARD",
            "Standard reminders",
            100,
            null,
            today.minusYears(1),
            lead,
            STANDARD);
    strategy(
        tenant,
        "KEY_ACCOUNTS",
        "Key accounts: call first",
        10,
        "{KEY_ACCOUNT}",
        today.minusYears(1),
        lead,
        KEY_ACCOUNTS);
    execute(
        "insert into collection_settings (tenant_id) values (?) on conflict do nothing", tenant);

    List<Long> accounts = new ArrayList<>();
    List<String> currencies = new ArrayList<>();
    try (PreparedStatement q =
        db.prepareStatement(
            "select id, currency from customer_account where tenant_id = ? " + "order by number")) {
      q.setString(1, tenant);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          accounts.add(rs.getLong(1));
          currencies.add(rs.getString(2));
        }
      }
    }
    String[] risks = {"MEDIUM", "HIGH", "LOW", "MEDIUM", "HIGH", "LOW"};
    for (int i = 0; i < accounts.size(); i++) {
      execute(
          "insert into collection_account (tenant_id, customer_account_id, risk_class, customer_type, language) "
              + "select c.tenant_id, c.id, ?, ?, case when c.country in ('FR', 'BE', 'LU', 'MC') then 'fr' else 'en' end "
              + "from customer_account c where c.tenant_id = ? and c.id = ? on conflict do nothing",
          risks[i % risks.length],
          i == 1 ? "KEY_ACCOUNT" : i == 4 ? "PUBLIC_SECTOR" : "BUSINESS",
          tenant,
          accounts.get(i));
      for (int k = 0; k < CALLS.length; k++) {
        if ((k + i) % 3 == 2) {
          continue; // not every account had every contact
        }
        String[] call = CALLS[k];
        execute(
            "insert into collection_activity (tenant_id, customer_account_id, kind, contact, outcome, note, "
                + "created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, now() - make_interval(days => ?, hours => ?))",
            tenant,
            accounts.get(i),
            call[1],
            call[1].equals("NOTE") ? null : "Accounts payable",
            call[2],
            call[3],
            agent,
            Integer.parseInt(call[0]) + i,
            2 + k);
      }
    }
    // promises: kept and broken in the past weeks, one open for next week, one proposed by the
    // customer
    for (int i = 0; i < accounts.size(); i++) {
      long account = accounts.get(i);
      String currency = currencies.get(i);
      switch (i % 3) {
        case 0 ->
            promise(
                tenant,
                account,
                currency,
                "2500.00",
                today.minusDays(18),
                today.minusDays(25),
                "KEPT",
                "2500.00",
                today.minusDays(17),
                agent);
        case 1 ->
            promise(
                tenant,
                account,
                currency,
                "4000.00",
                today.minusDays(6),
                today.minusDays(14),
                "BROKEN",
                "0.00",
                today.minusDays(3),
                agent);
        default ->
            promise(
                tenant,
                account,
                currency,
                "1200.00",
                today.minusDays(10),
                today.minusDays(20),
                "PARTLY_KEPT",
                "700.00",
                today.minusDays(7),
                agent);
      }
    }
    if (!accounts.isEmpty()) {
      promise(
          tenant,
          accounts.get(accounts.size() - 1),
          currencies.get(accounts.size() - 1),
          "1800.00",
          today.plusDays(6),
          today.minusDays(1),
          "OPEN",
          "0.00",
          null,
          agent);
    }
    try (PreparedStatement q =
        db.prepareStatement(
            "select customer_account_id from customer_portal_user "
                + "where tenant_id = ? and username = ?")) {
      q.setString(1, tenant);
      q.setString(2, customerLogin);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          long account = rs.getLong(1);
          String currency = currencies.get(Math.max(0, accounts.indexOf(account)));
          long id =
              promise(
                  tenant,
                  account,
                  currency,
                  "900.00",
                  today.plusDays(9),
                  today,
                  "PROPOSED",
                  "0.00",
                  null,
                  customerLogin);
          execute(
              "update promise_to_pay set proposed_by_customer = true, note = 'We can pay this at our next payment run.' "
                  + "where tenant_id = ? and id = ?",
              tenant,
              id);
        }
      }
    }
    releasedRun(tenant, today.minusDays(7), standard, lead);
  }

  /**
   * Last week's run: a first reminder to the first three accounts with overdue invoices, released
   * and sent.
   */
  private void releasedRun(String tenant, LocalDate day, long strategy, String lead)
      throws SQLException {
    long run;
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into dunning_run (tenant_id, run_date, status, created_by, "
                + "created_at, released_by, released_at) values (?, ?, 'RELEASED', 'system', ?::date + time '06:00', ?, "
                + "?::date + time '09:30') on conflict (tenant_id, run_date) do nothing returning id")) {
      insert.setString(1, tenant);
      insert.setObject(2, day);
      insert.setObject(3, day);
      insert.setString(4, lead);
      insert.setObject(5, day);
      try (ResultSet rs = insert.executeQuery()) {
        if (!rs.next()) {
          return;
        }
        run = rs.getLong(1);
      }
    }
    try (PreparedStatement accounts =
        db.prepareStatement(
            """
        select c.id, c.currency, coalesce(p.language, 'en') as language,
               (select e.email from customer_contact e where e.tenant_id = c.tenant_id and e.customer_account_id = c.id
                  and e.is_primary) as recipient
        from customer_account c
        left join collection_account p on p.tenant_id = c.tenant_id and p.customer_account_id = c.id
        where c.tenant_id = ? and exists (select 1 from invoice i where i.tenant_id = c.tenant_id
          and i.customer_account_id = c.id and i.open_amount > i.disputed_amount and i.due_date <= ?::date - 1)
        order by c.number limit 3""")) {
      accounts.setString(1, tenant);
      accounts.setObject(2, day);
      try (ResultSet rs = accounts.executeQuery()) {
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)});
        }
        for (Object[] row : rows) {
          long notice;
          try (PreparedStatement insert =
              db.prepareStatement(
                  """
              insert into dunning_notice (tenant_id, run_id, customer_account_id, level, strategy_id, step_no, action,
                                          template_key, needs_release, language, currency, total, status, recipient, sent_at)
              values (?, ?, ?, 1, ?, 2, 'MAIL', 'first_reminder', true, ?, ?, 0, 'SENT', ?, ?::date + time '09:30')
              returning id""")) {
            insert.setString(1, tenant);
            insert.setLong(2, run);
            insert.setLong(3, (Long) row[0]);
            insert.setLong(4, strategy);
            insert.setString(5, (String) row[2]);
            insert.setString(6, (String) row[1]);
            insert.setString(7, (String) row[3]);
            insert.setObject(8, day);
            try (ResultSet n = insert.executeQuery()) {
              n.next();
              notice = n.getLong(1);
            }
          }
          execute(
              """
              insert into dunning_notice_invoice (tenant_id, notice_id, invoice_id, level, amount, days_overdue)
              select i.tenant_id, ?, i.id, 1, i.open_amount - i.disputed_amount, ?::date - i.due_date
              from invoice i where i.tenant_id = ? and i.customer_account_id = ? and i.open_amount > i.disputed_amount
                and i.due_date <= ?::date - 1
              order by i.due_date limit 3
              on conflict do nothing""",
              notice,
              day,
              tenant,
              row[0],
              day);
          execute(
              "update dunning_notice n set total = (select coalesce(sum(amount), 0) from dunning_notice_invoice l "
                  + "where l.tenant_id = n.tenant_id and l.notice_id = n.id) where n.tenant_id = ? and n.id = ?",
              tenant,
              notice);
          execute(
              "insert into collection_activity (tenant_id, customer_account_id, kind, contact, note, created_by, "
                  + "created_at) values (?, ?, 'MAIL', ?, 'Payment reminder (level 1)', 'system', ?::date + time '09:30')",
              tenant,
              row[0],
              row[3],
              day);
        }
      }
    }
  }

  private long strategy(
      String tenant,
      String code,
      String name,
      int rank,
      String types,
      LocalDate from,
      String by,
      String[][] steps)
      throws SQLException {
    long id;
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into collection_strategy (tenant_id, code, version_no, "
                + "name, rank, customer_types, effective_from, created_by) values (?, ?, 1, ?, ?, ?::text[], ?, ?) returning id")) {
      insert.setString(1, tenant);
      insert.setString(2, code);
      insert.setString(3, name);
      insert.setInt(4, rank);
      insert.setString(5, types);
      insert.setObject(6, from);
      insert.setString(7, by);
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    for (int i = 0; i < steps.length; i++) {
      execute(
          "insert into collection_strategy_step (tenant_id, strategy_id, step_no, day_offset, level, action, "
              + "template_key, needs_release) values (?, ?, ?, ?, ?, ?, ?, ?)",
          tenant,
          id,
          i + 1,
          Integer.parseInt(steps[i][0]),
          Integer.parseInt(steps[i][1]),
          steps[i][2],
          steps[i][3],
          Boolean.parseBoolean(steps[i][4]));
    }
    return id;
  }

  private long promise(
      String tenant,
      long account,
      String currency,
      String amount,
      LocalDate promisedOn,
      LocalDate madeOn,
      String status,
      String paid,
      LocalDate decidedOn,
      String by)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into promise_to_pay (tenant_id, customer_account_id, "
                + "currency, amount, promised_on, status, paid_amount, made_on, decided_on, created_by, created_at) "
                + "values (?, ?, ?, ?::numeric, ?, ?, ?::numeric, ?, ?, ?, ?::date + time '10:00') returning id")) {
      insert.setString(1, tenant);
      insert.setLong(2, account);
      insert.setString(3, currency);
      insert.setString(4, amount);
      insert.setObject(5, promisedOn);
      insert.setString(6, status);
      insert.setString(7, paid);
      insert.setObject(8, madeOn);
      insert.setObject(9, decidedOn);
      insert.setString(10, by);
      insert.setObject(11, madeOn);
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private boolean exists(String sql) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private void execute(String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      statement.executeUpdate();
    }
  }
}
