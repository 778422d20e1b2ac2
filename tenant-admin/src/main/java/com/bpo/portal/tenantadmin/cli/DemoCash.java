package com.bpo.portal.tenantadmin.cli;

import com.bpo.portal.cash.BankStatementFile.Line;
import com.bpo.portal.cash.CashMatcher;
import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.CashMatcher.Payer;
import com.bpo.portal.cash.CashMatcher.PayerSource;
import com.bpo.portal.cash.GroundTruth;
import com.bpo.portal.cash.Ledger;
import com.bpo.portal.cash.PayerKeys;
import com.bpo.portal.cash.Reason;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The demo tenants' cash: a bank account and two statements of generated lines (GroundTruth) run
 * through the real matching rules, so the queue shows applied, suggested and unapplied lines with
 * their reasons. An applied line has the money effects the application gives it (a payment, its
 * allocations, the invoices paid down); a short payment is left suggested, since its deduction is
 * the dispute feature's to open. Runs once per tenant (bound by the caller).
 */
final class DemoCash {
  private static final int LINES_PER_STATEMENT = 18;
  private final Connection connection;

  DemoCash(Connection connection) {
    this.connection = connection;
  }

  void seed(String tenant, String currency, LocalDate today) throws SQLException {
    if (exists("select 1 from bank_statement")) {
      return;
    }
    String account = "DEMO" + tenant.toUpperCase(java.util.Locale.ROOT) + "0000000001";
    long bankAccount =
        id(
            "insert into bank_account (tenant_id, account, currency, name) values (?, ?, ?, ?) returning id",
            tenant,
            account,
            currency,
            "Main collection account");
    List<GroundTruth.Customer> customers = new ArrayList<>();
    try (PreparedStatement q =
            connection.prepareStatement("select id, name from customer_account order by id");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        customers.add(
            new GroundTruth.Customer(rs.getLong(1), rs.getString(2), iban(tenant, rs.getLong(1))));
      }
    }
    // a payment history: every other customer has paid from their account before
    for (int i = 0; i < customers.size(); i += 2) {
      update(
          "insert into payer_identity (tenant_id, kind, key, customer_account_id) values (?, 'ACCOUNT', ?, ?) "
              + "on conflict do nothing",
          tenant,
          PayerKeys.account(customers.get(i).iban()),
          customers.get(i).id());
    }
    JdbcLedger ledger = new JdbcLedger();
    List<OpenInvoice> open =
        ledger.query(
            "select id, number, customer_account_id, currency, open_amount, due_date "
                + "from invoice where open_amount > 0 and not disputed order by due_date, id limit 400");
    List<GroundTruth.Case> cases =
        new GroundTruth(tenant.hashCode(), customers, open, today).lines(2 * LINES_PER_STATEMENT);
    for (int s = 0; s < 2; s++) {
      LocalDate booked = today.minusDays(s == 0 ? 12 : 1);
      List<GroundTruth.Case> part =
          cases.subList(
              Math.min(cases.size(), s * LINES_PER_STATEMENT),
              Math.min(cases.size(), (s + 1) * LINES_PER_STATEMENT));
      long statement =
          id(
              "insert into bank_statement (tenant_id, bank_account_id, statement_id, format, file_sha256, "
                  + "from_date, to_date, line_count, imported_by) values (?, ?, ?, 'CAMT053', ?, ?, ?, ?, 'ops.lead') "
                  + "returning id",
              tenant,
              bankAccount,
              "DEMO-" + booked,
              "demo-" + booked,
              booked,
              booked,
              part.size());
      for (GroundTruth.Case c : part) {
        Line l = c.line();
        Line line =
            new Line(
                l.entryRef(),
                booked,
                booked,
                l.amount(),
                l.currency(),
                l.payerName(),
                l.payerAccount(),
                l.reference());
        long lineId =
            id(
                "insert into bank_statement_line (tenant_id, statement_id, entry_ref, booking_date, value_date, "
                    + "amount, currency, payer_name, payer_account, reference) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "returning id",
                tenant,
                statement,
                line.entryRef(),
                booked,
                booked,
                line.amount(),
                line.currency(),
                line.payerName(),
                line.payerAccount(),
                line.reference());
        match(tenant, lineId, line, ledger);
      }
    }
  }

  private void match(String tenant, long lineId, Line line, JdbcLedger ledger) throws SQLException {
    CashMatcher.Evidence evidence = Ledger.evidence(ledger, line);
    CashMatcher.Decision d =
        CashMatcher.decide(
            new CashMatcher.LineFacts(line.amount(), line.currency()),
            evidence,
            CashMatcher.DEFAULT_SETTINGS);
    Optional<CashMatcher.Proposal> apply =
        d.apply().filter(p -> p.settlement() != CashMatcher.Settlement.SHORT_PAYMENT);
    if (apply.isPresent()) {
      CashMatcher.Proposal p = apply.get();
      long payment =
          id(
              "insert into payment (tenant_id, reference, customer_account_id, received_on, currency, amount) "
                  + "values (?, ?, ?, ?, ?, ?) returning id",
              tenant,
              "BANK-" + lineId,
              p.customerId(),
              line.bookingDate(),
              line.currency(),
              line.amount());
      BigDecimal writtenOff = BigDecimal.ZERO;
      for (CashMatcher.Allocation a : p.allocations()) {
        if (a.amount().signum() > 0) {
          update(
              "insert into payment_allocation (tenant_id, payment_id, invoice_id, amount) values (?, ?, ?, ?)",
              tenant,
              payment,
              a.invoiceId(),
              a.amount());
        }
        update(
            "update invoice set paid_amount = paid_amount + ?, written_off_amount = written_off_amount + ?, "
                + "version = version + 1 where id = ?",
            a.amount(),
            a.writeOff(),
            a.invoiceId());
        writtenOff = writtenOff.add(a.writeOff());
      }
      if (!PayerKeys.name(line.payerName()).isEmpty()) {
        update(
            "insert into payer_identity (tenant_id, kind, key, customer_account_id) values (?, 'NAME', ?, ?) "
                + "on conflict (tenant_id, kind, key) do nothing",
            tenant,
            PayerKeys.name(line.payerName()),
            p.customerId());
      }
      record(tenant, lineId, p, "APPLIED");
      update(
          "update bank_statement_line set status = 'APPLIED', customer_account_id = ?, applied_amount = ?, "
              + "written_off_amount = ?, on_account_amount = ?, payment_id = ?, applied_at = now(), "
              + "applied_by = 'cash-matcher', version = 1 where id = ?",
          p.customerId(),
          p.applied(),
          writtenOff,
          line.amount().subtract(p.applied()),
          payment,
          lineId);
      return;
    }
    for (CashMatcher.Proposal p : d.proposals().stream().limit(5).toList()) {
      record(tenant, lineId, p, "SUGGESTED");
    }
    if (d.proposals().isEmpty()) {
      Reason why =
          Reason.nothingFits(line.reference(), evidence.payer().isPresent(), line.amount());
      update(
          "insert into cash_match (tenant_id, line_id, rule, confidence, status, reason, reason_parts, "
              + "decided_by) values (?, ?, 'NONE', 0, 'UNAPPLIED', ?, ?::jsonb, 'cash-matcher')",
          tenant,
          lineId,
          why.english(),
          why.encoded());
    }
    Long customer =
        d.proposals().stream().findFirst().map(CashMatcher.Proposal::customerId).orElse(null);
    update(
        "update bank_statement_line set status = ?, customer_account_id = ?, version = 1 where id = ?",
        d.proposals().isEmpty() ? "UNAPPLIED" : "SUGGESTED",
        customer,
        lineId);
  }

  private void record(String tenant, long lineId, CashMatcher.Proposal p, String status)
      throws SQLException {
    long match =
        id(
            "insert into cash_match (tenant_id, line_id, rule, confidence, status, customer_account_id, "
                + "settlement, on_account, shortfall, reason, reason_parts, decided_by) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'cash-matcher') returning id",
            tenant,
            lineId,
            p.rule().name(),
            CashMatcher.rounded(p.confidence()),
            status,
            p.customerId(),
            p.settlement().name(),
            p.onAccount(),
            p.shortfall(),
            p.reason().english(),
            p.reason().encoded());
    for (CashMatcher.Allocation a : p.allocations()) {
      update(
          "insert into cash_match_item (tenant_id, match_id, invoice_id, amount, write_off, left_open) "
              + "values (?, ?, ?, ?, ?, ?)",
          tenant,
          match,
          a.invoiceId(),
          a.amount(),
          a.writeOff(),
          a.leftOpen());
    }
  }

  private static String iban(String tenant, long customerId) {
    return (tenant.equals("acme") ? "US" : "FR")
        + "76"
        + String.format("%020d", 30_000_000L + customerId * 7919);
  }

  /**
   * The receivables as the matcher asks for them, read over this connection (bound to the tenant).
   */
  private final class JdbcLedger implements Ledger {
    private static final String OPEN =
        "select id, number, customer_account_id, currency, open_amount, due_date "
            + "from invoice where open_amount > 0";

    List<OpenInvoice> query(String sql, Object... params) {
      List<OpenInvoice> out = new ArrayList<>();
      try (PreparedStatement q = prepare(sql, params);
          ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(
              new OpenInvoice(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getString(4).trim(),
                  rs.getBigDecimal(5),
                  rs.getObject(6, LocalDate.class)));
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return out;
    }

    @Override
    public List<OpenInvoice> openInvoicesByKey(Collection<String> keys) {
      return keys.isEmpty()
          ? List.of()
          : query(
              OPEN + " and number_key = any(?) limit 500", (Object) keys.toArray(String[]::new));
    }

    @Override
    public List<String> existingKeys(Collection<String> keys) {
      List<String> out = new ArrayList<>();
      if (keys.isEmpty()) {
        return out;
      }
      try (PreparedStatement q =
              prepare(
                  "select distinct number_key from invoice " + "where number_key = any(?)",
                  (Object) keys.toArray(String[]::new));
          ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return out;
    }

    /**
     * The portal's payer rule (Ledger.payerBy): an account, then a learned name, neither shared by
     * several customers, then the one customer of exactly that name.
     */
    @Override
    public Optional<Payer> payer(String accountKey, String nameKey, String rawName) {
      Optional<Long> byAccount =
          one(
              "select customer_account_id from payer_identity where kind = 'ACCOUNT' and key = ?"
                  + " and not shared",
              accountKey);
      if (byAccount.isPresent()) {
        return byAccount.map(c -> new Payer(c, PayerSource.ACCOUNT));
      }
      Optional<Long> byName =
          one(
              "select customer_account_id from payer_identity where kind = 'NAME' and key = ?"
                  + " and not shared",
              nameKey);
      if (byName.isPresent()) {
        return byName.map(c -> new Payer(c, PayerSource.LEARNED_NAME));
      }
      return one(
              "select min(id) from customer_account where lower(name) = lower(?) having count(*) = 1",
              rawName)
          .map(c -> new Payer(c, PayerSource.CUSTOMER_NAME));
    }

    @Override
    public List<OpenInvoice> openInvoicesOf(long customerId, String currency, int limit) {
      return query(
          OPEN + " and customer_account_id = ? and currency = ? order by due_date, id limit ?",
          customerId,
          currency,
          limit);
    }

    @Override
    public List<OpenInvoice> advisedInvoices(
        String reference, Optional<Long> payer, BigDecimal amount, String currency) {
      return List.of();
    }

    private Optional<Long> one(String sql, String value) {
      try (PreparedStatement q = prepare(sql, value);
          ResultSet rs = q.executeQuery()) {
        return rs.next() && rs.getObject(1) != null ? Optional.of(rs.getLong(1)) : Optional.empty();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement q = connection.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      if (params[i] instanceof String[] array) {
        q.setArray(i + 1, connection.createArrayOf("text", array));
      } else {
        q.setObject(i + 1, params[i]);
      }
    }
    return q;
  }

  private long id(String sql, Object... params) throws SQLException {
    try (PreparedStatement q = prepare(sql, params);
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void update(String sql, Object... params) throws SQLException {
    try (PreparedStatement q = prepare(sql, params)) {
      q.executeUpdate();
    }
  }

  private boolean exists(String sql) throws SQLException {
    try (PreparedStatement q = connection.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      return rs.next();
    }
  }
}
