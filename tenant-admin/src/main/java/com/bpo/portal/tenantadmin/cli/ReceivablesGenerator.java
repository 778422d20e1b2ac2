package com.bpo.portal.tenantadmin.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Makes realistic receivables for one tenant in a few set-based statements: customers with a spread
 * of payment terms, invoices issued over the last 240 days with one to three lines, paid the way a
 * mostly healthy client's customers pay: four in ten of the recent ones early, nearly all the old
 * ones, a few half, and a thin tail open at every overdue age, so that DSO sits near a 45-day
 * target with something to talk about (about 41 days for acme and 47 for globex). Deterministic for
 * a given tenant and size, and fast enough for a million invoices in minutes. Runs in a transaction
 * bound to the tenant, so it goes through the same row-level policies as the application.
 */
final class ReceivablesGenerator {
  private final Connection connection;

  ReceivablesGenerator(Connection connection) {
    this.connection = connection;
  }

  /**
   * Adds {@code customers} customer accounts and {@code invoices} invoices (numbers continue after
   * existing ones).
   */
  void generate(String tenant, String currency, int customers, long invoices, LocalDate asOf)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      bind(tenant);
      addCustomers(tenant, currency, customers);
      long first =
          count(
                  "select coalesce(max(substring(number from 5)::bigint), 0) from invoice where number like 'INV-%'")
              + 1;
      addInvoices(tenant, first, invoices, asOf);
      addPayments(tenant, first, asOf);
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private void bind(String tenant) throws SQLException {
    // generated volume is not anyone's change: no per-row audit records (V13) for it
    try (PreparedStatement s =
        connection.prepareStatement(
            "select set_config('app.tenant_id', ?, true), set_config('portal.audit', 'summary', true)")) {
      s.setString(1, tenant);
      s.execute();
    }
  }

  private void addCustomers(String tenant, String currency, int customers) throws SQLException {
    if (customers <= 0) {
      return;
    }
    long first = count("select count(*) from customer_account where number like 'C-%'") + 1;
    try (PreparedStatement s =
        connection.prepareStatement(
            """
        insert into customer_account (tenant_id, number, name, country, currency, payment_terms_days, credit_limit, collector)
        select ?, 'C-' || lpad(g::text, 6, '0'),
               (array['Northwind','Contoso','Fabrikam','Tailspin','Litware','Proseware','Adatum','Wingtip'])[1 + g % 8]
                 || ' ' || (array['Trading','Foods','Retail','Logistics','Industries','Health','Energy'])[1 + (g / 8) % 7]
                 || ' ' || g,
               (array['US','FR','DE','GB','BE','CA','ES','IT'])[1 + g % 8], ?,
               (array[15, 30, 30, 45, 60, 30])[1 + g % 6],
               (10000 + (g * 7919) % 190000)::numeric(19,2),
               (array['agent.acme','ops.lead'])[1 + g % 2]
        from generate_series(?::bigint, ?::bigint) g
        on conflict (tenant_id, number) do nothing""")) {
      s.setString(1, tenant);
      s.setString(2, currency);
      s.setLong(3, first);
      s.setLong(4, first + customers - 1);
      s.executeUpdate();
    }
  }

  /**
   * Line nets split the invoice net evenly (the last line takes the rounding rest); each line's tax
   * is rounded on its own and the invoice tax is their sum, as a billing system would print it.
   */
  private void addInvoices(String tenant, long first, long invoices, LocalDate asOf)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            """
        with customers as (
          select array_agg(id order by id) ids, array_agg(payment_terms_days order by id) terms,
                 array_agg(currency order by id) currencies, count(*) n
          from customer_account),
        drafts as (
          select g, c.ids[1 + (g * 31) % c.n] customer, c.terms[1 + (g * 31) % c.n] terms,
                 c.currencies[1 + (g * 31) % c.n] currency,
                 ?::date - ((g * 7919) % 240)::int issue,
                 (100 + ((g * 104729) % 990000) / 100.0)::numeric(19,2) net,
                 1 + (g % 3)::int lines
          from generate_series(?::bigint, ?::bigint) g, customers c),
        priced as (
          select *, trunc(net / lines, 2) part, net - (lines - 1) * trunc(net / lines, 2) last_part from drafts),
        taxed as (
          select *, (lines - 1) * round(part * 0.2, 2) + round(last_part * 0.2, 2) tax from priced),
        totalled as (
          select *, net + tax total from taxed)
        -- not yet two weeks overdue: four in ten issued at least 12 days ago are paid early;
        -- 14 to 30 days overdue: eight in ten paid, one half, one open;
        -- 30 to 90 days overdue: 23 in 25 paid, one half, one open; beyond 90 days: 49 in 50 paid
        insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date, currency,
                             net_amount, tax_amount, total_amount, paid_amount)
        select ?, 'INV-' || lpad(g::text, 8, '0'), customer, issue, issue + terms, currency, net, tax, total,
               case when issue + terms >= ?::date - 14 then
                         case when g % 10 < 4 and issue <= ?::date - 12 then total else 0 end
                    when issue + terms < ?::date - 90 then case when g % 50 = 0 then 0 else total end
                    when issue + terms < ?::date - 30 then
                         case when g % 25 = 0 then 0 when g % 25 = 1 then round(total / 2, 2) else total end
                    else case when g % 10 = 0 then 0 when g % 10 = 1 then round(total / 2, 2) else total end
               end
        from totalled""")) {
      s.setObject(1, asOf);
      s.setLong(2, first);
      s.setLong(3, first + invoices - 1);
      s.setString(4, tenant);
      for (int p = 5; p <= 8; p++) {
        s.setObject(p, asOf);
      }
      s.executeUpdate();
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            """
        insert into invoice_line (tenant_id, invoice_id, line_no, description, quantity, unit_price, tax_rate,
                                  net_amount, tax_amount)
        select i.tenant_id, i.id, l, (array['Order processing','Freight','Consulting hours','Licence fee','Spare parts'])[1 + (i.id + l) % 5],
               1, case when l < k then trunc(i.net_amount / k, 2) else i.net_amount - (k - 1) * trunc(i.net_amount / k, 2) end,
               0.2,
               case when l < k then trunc(i.net_amount / k, 2) else i.net_amount - (k - 1) * trunc(i.net_amount / k, 2) end,
               round(case when l < k then trunc(i.net_amount / k, 2) else i.net_amount - (k - 1) * trunc(i.net_amount / k, 2) end * 0.2, 2)
        from (select *, 1 + (substring(number from 5)::bigint % 3)::int k from invoice
              where number like 'INV-%' and substring(number from 5)::bigint >= ?) i,
             generate_series(1, i.k) l""")) {
      s.setLong(1, first);
      s.executeUpdate();
    }
  }

  /**
   * One payment per paid invoice, applied to it in full; the paid amounts were set with the
   * invoices. An invoice paid early was paid five to eleven days after its issue; the others from
   * five days before their due date to fourteen after; never after {@code asOf}.
   */
  private void addPayments(String tenant, long first, LocalDate asOf) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            """
        with paying as (
          -- the payment id is drawn here, so that payment and allocation need no join to find each other
          select id, number, customer_account_id, currency, issue_date, due_date, paid_amount,
                 least(case when due_date >= ?::date - 14 then issue_date + 5 + (id % 7)::int
                            else due_date - 5 + (id % 20)::int end, ?::date) received_on,
                 nextval('payment_id_seq') payment_id
          from invoice where number like 'INV-%' and substring(number from 5)::bigint >= ? and paid_amount > 0),
        payments as (
          insert into payment (tenant_id, id, reference, customer_account_id, received_on, currency, amount)
          select ?, payment_id, 'PAY-' || number, customer_account_id, received_on, currency, paid_amount
          from paying)
        -- the allocation's facts are given here: the payment row of this same statement is not visible to
        -- the trigger that would look them up (V12)
        insert into payment_allocation (tenant_id, payment_id, invoice_id, amount, received_on,
                                        invoice_issue_date, invoice_due_date, invoice_currency)
        select ?, payment_id, id, paid_amount, received_on, issue_date, due_date, currency from paying""")) {
      s.setObject(1, asOf);
      s.setObject(2, asOf);
      s.setLong(3, first);
      s.setString(4, tenant);
      s.setString(5, tenant);
      s.executeUpdate();
    }
  }

  private long count(String sql) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
