package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The receivables figures' SQL, for the active tenant: aging buckets and DSO over the balances kept
 * by V92's triggers (receivable_balance, invoice_sales_day; docs/BALANCES.md) and the check that
 * recomputes them from the invoices, and a customer's dated movements for the statement of account
 * (invoices, payments and credit notes, read together).
 */
@ApplicationScoped
public class ReceivablesQueries {
  // Read from receivable_balance (V92): the open invoices summed per customer, currency and due
  // date by triggers in the transaction of every change, so the aging reads a row per key, not one
  // per invoice. Disputed amounts are kept out of the buckets (collectors do not chase what is
  // under dispute) and shown in their own column; current + buckets + disputed = total. Per
  // invoice the undisputed part is greatest(open - disputed, 0) = open - least(disputed, open),
  // summed per key as open_amount - disputed_open.
  private static final String BUCKETS =
      """
      coalesce(sum(b.open_amount - b.disputed_open) filter (where b.due_date >= :asOf), 0) as current,
      coalesce(sum(b.open_amount - b.disputed_open) filter (where :asOf - b.due_date between 1 and 30), 0) as d1_30,
      coalesce(sum(b.open_amount - b.disputed_open) filter (where :asOf - b.due_date between 31 and 60), 0) as d31_60,
      coalesce(sum(b.open_amount - b.disputed_open) filter (where :asOf - b.due_date between 61 and 90), 0) as d61_90,
      coalesce(sum(b.open_amount - b.disputed_open) filter (where :asOf - b.due_date > 90), 0) as over90,
      coalesce(sum(b.disputed_open), 0) as disputed,
      sum(b.open_amount) as total""";

  private static final String MOVEMENTS =
      """
      with movements as (
        select issue_date d, 'INVOICE' kind, number ref, total_amount amount
          from invoice where tenant_id = :tenant and customer_account_id = :customer
        union all
        select received_on, 'PAYMENT', reference, -amount
          from payment where tenant_id = :tenant and customer_account_id = :customer
        union all
        select c.issued_on, 'CREDIT_NOTE', c.number, -c.amount
          from credit_note c join invoice i on i.tenant_id = c.tenant_id and i.id = c.invoice_id
          where c.tenant_id = :tenant and i.customer_account_id = :customer)
      """;

  /** A dated movement of a customer's account: positive raises the balance. */
  record Movement(LocalDate date, Statement.Kind kind, String reference, BigDecimal amount) {}

  /** A DSO figure's sums in one currency. */
  record DsoSums(String currency, BigDecimal receivables, BigDecimal sales, BigDecimal overdue) {}

  @Inject TenantSql sql;

  /**
   * From now until {@link #foldDeferredBalances}, the receivable balances and sales days take this
   * transaction's invoice changes into a temporary table instead of once per statement (V106); the
   * commit is refused without the fold. The invoice import and a bank statement's import defer.
   */
  public void deferBalances() {
    sql.global("select begin_deferred_balances()::text as deferred").one(r -> r.string("deferred"));
  }

  /** Adds the changes deferred since {@link #deferBalances} to the balances, once. */
  public void foldDeferredBalances() {
    sql.global("select fold_deferred_balances()::text as folded").one(r -> r.string("folded"));
  }

  /** The customers owing most (at most {@code limit}), then the totals per currency. */
  Aging aging(LocalDate asOf, Optional<Long> onlyCustomer, int limit) {
    List<Aging.Row> customers =
        sql.sql(
                "select c.id as customer_id, c.number, c.name, c.currency, "
                    + BUCKETS
                    + " from receivable_balance b join customer_account c"
                    + " on c.tenant_id = b.tenant_id and c.id = b.customer_account_id"
                    + " where b.tenant_id = :tenant")
            .bind("asOf", asOf)
            .andIf(onlyCustomer, "b.customer_account_id = :customer", "customer")
            .append(
                "group by c.id, c.number, c.name, c.currency order by sum(b.open_amount) desc, c.number limit :limit")
            .bind("limit", limit)
            .list(ReceivablesQueries::agingRow);
    List<Aging.Row> totals =
        sql.sql(
                "select null::bigint as customer_id, null as number, null as name, b.currency, "
                    + BUCKETS
                    + " from receivable_balance b where b.tenant_id = :tenant")
            .bind("asOf", asOf)
            .andIf(onlyCustomer, "b.customer_account_id = :customer", "customer")
            .append("group by b.currency order by b.currency")
            .list(ReceivablesQueries::agingRow);
    return new Aging(asOf, customers, totals);
  }

  private static Aging.Row agingRow(Row r) {
    String currency = r.string("currency").trim();
    return new Aging.Row(
        r.longOrNull("customer_id"),
        r.string("number"),
        r.string("name"),
        new Money(cents(r.decimal("current")), currency),
        new Money(cents(r.decimal("d1_30")), currency),
        new Money(cents(r.decimal("d31_60")), currency),
        new Money(cents(r.decimal("d61_90")), currency),
        new Money(cents(r.decimal("over90")), currency),
        new Money(cents(r.decimal("disputed")), currency),
        new Money(cents(r.decimal("total")), currency));
  }

  /**
   * Per currency: open receivables, sales of the {@code days} up to {@code asOf}, overdue and not
   * disputed. Receivables and overdue come from receivable_balance; the tenant's sales from
   * invoice_sales_day (V92), one customer's from their own invoices (a few thousand at most,
   * through the customer's index), since a per-customer daily table would hold about one row per
   * invoice.
   */
  List<DsoSums> dso(LocalDate asOf, int days, Optional<Long> onlyCustomer) {
    String sales =
        onlyCustomer.isPresent()
            ? """
              select currency, sum(total_amount) as sales from invoice
               where tenant_id = :tenant and customer_account_id = :customer
                 and issue_date > cast(:asOf as date) - :days and issue_date <= :asOf
               group by currency"""
            : """
              select currency, sum(total_amount) as sales from invoice_sales_day
               where tenant_id = :tenant and issue_date > cast(:asOf as date) - :days and issue_date <= :asOf
               group by currency""";
    String open =
        """
        select currency, sum(open_amount) as receivables,
               coalesce(sum(open_amount - disputed_open) filter (where due_date < :asOf), 0) as overdue
          from receivable_balance where tenant_id = :tenant"""
            + (onlyCustomer.isPresent() ? " and customer_account_id = :customer" : "")
            + " group by currency";
    var query =
        sql.sql(
                "with balances as ("
                    + open
                    + "), sales as ("
                    + sales
                    + ") select coalesce(o.currency, s.currency) as currency,"
                    + " coalesce(o.receivables, 0) as receivables, coalesce(s.sales, 0) as sales,"
                    + " coalesce(o.overdue, 0) as overdue"
                    + " from balances o full join sales s on s.currency = o.currency"
                    + " order by 1")
            .bind("asOf", asOf)
            .bind("days", days);
    if (onlyCustomer.isPresent()) {
      query = query.bind("customer", onlyCustomer.get());
    }
    return query.list(
        r ->
            new DsoSums(
                r.string("currency").trim(),
                r.decimal("receivables"),
                r.decimal("sales"),
                r.decimal("overdue")));
  }

  /**
   * Claims the tenant's nightly balance check for the day (V101): true for the first caller, false
   * when another server has already claimed it (waiting for that server's transaction to end).
   */
  /**
   * Folds the tenant's allocation days into one row per key (V103's allocation_day_compact);
   * answers the rows folded.
   */
  long compactAllocationDays() {
    return sql.sql("select allocation_day_compact(:tenant) as folded")
        .one(r -> r.longValue("folded"));
  }

  boolean claimCheck(java.time.LocalDate day) {
    return sql.sql(
                """
            insert into balance_check_day (tenant_id, check_day) values (:tenant, :day)
            on conflict do nothing""")
            .bind("day", day)
            .update()
        == 1;
  }

  /**
   * The keys where the kept summaries (receivable_balance, invoice_sales_day, unapplied_payment,
   * allocation_day) differ from the invoices and payments recomputed now; empty when they agree
   * ({@code balance_drift}: V92's receivable balances, V102's unapplied payments, V103's allocation
   * days).
   */
  List<BalanceDrift> drift() {
    return sql.sql(
            "select summary, customer_account_id, currency, day, expected::text as expected,"
                + " actual::text as actual from balance_drift(:tenant)")
        .list(
            r ->
                new BalanceDrift(
                    r.string("summary"),
                    r.longOrNull("customer_account_id"),
                    r.string("currency").trim(),
                    r.date("day"),
                    r.string("expected"),
                    r.string("actual")));
  }

  /** The balance of a customer's movements before {@code from}. */
  BigDecimal balanceBefore(long customerId, LocalDate from) {
    return sql.sql(
            MOVEMENTS + "select coalesce(sum(amount), 0) as balance from movements where d < :from")
        .bind("customer", customerId)
        .bind("from", from)
        .one(r -> r.decimal("balance"));
  }

  /** A customer's movements from {@code from} to {@code to}, in statement order. */
  List<Movement> movements(long customerId, LocalDate from, LocalDate to) {
    return sql.sql(
            MOVEMENTS
                + "select d, kind, ref, amount from movements where d between :from and :to "
                + "order by d, kind desc, ref")
        .bind("customer", customerId)
        .bind("from", from)
        .bind("to", to)
        .list(
            r ->
                new Movement(
                    r.date("d"),
                    r.enumValue("kind", Statement.Kind.class),
                    r.string("ref"),
                    r.decimal("amount")));
  }

  /** An amount in cents as the API writes money ("0.00", not "0", for a bucket left empty). */
  private static BigDecimal cents(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
  }
}
