package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The receivables figures' SQL, for the active tenant: aging buckets and DSO over the invoices
 * (served by the partial index of open invoices), and a customer's dated movements for the
 * statement of account (invoices, payments and credit notes, read together).
 */
@ApplicationScoped
public class ReceivablesQueries {
  // Disputed amounts are kept out of the buckets (collectors do not chase what is under dispute)
  // and
  // shown in their own column; current + buckets + disputed = total.
  private static final String BUCKETS =
      """
      coalesce(sum(greatest(i.open_amount - i.disputed_amount, 0)) filter (where i.due_date >= :asOf), 0) as current,
      coalesce(sum(greatest(i.open_amount - i.disputed_amount, 0)) filter (where :asOf - i.due_date between 1 and 30), 0) as d1_30,
      coalesce(sum(greatest(i.open_amount - i.disputed_amount, 0)) filter (where :asOf - i.due_date between 31 and 60), 0) as d31_60,
      coalesce(sum(greatest(i.open_amount - i.disputed_amount, 0)) filter (where :asOf - i.due_date between 61 and 90), 0) as d61_90,
      coalesce(sum(greatest(i.open_amount - i.disputed_amount, 0)) filter (where :asOf - i.due_date > 90), 0) as over90,
      coalesce(sum(least(i.disputed_amount, i.open_amount)), 0) as disputed,
      sum(i.open_amount) as total""";

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

  /** The customers owing most (at most {@code limit}), then the totals per currency. */
  Aging aging(LocalDate asOf, Optional<Long> onlyCustomer, int limit) {
    // After five executions of a prepared statement PostgreSQL may settle on a generic plan, which
    // for
    // this aggregate drops the parallel workers (measured 294 ms against 166 ms): plan it for its
    // values.
    sql.global("select set_config('plan_cache_mode', 'force_custom_plan', true) as mode")
        .one(r -> r.string("mode"));
    List<Aging.Row> customers =
        sql.sql(
                "select c.id as customer_id, c.number, c.name, c.currency, "
                    + BUCKETS
                    + " from invoice i join customer_account c on c.tenant_id = i.tenant_id and c.id = i.customer_account_id"
                    + " where i.tenant_id = :tenant and i.open_amount > 0")
            .bind("asOf", asOf)
            .andIf(onlyCustomer, "i.customer_account_id = :customer", "customer")
            .append(
                "group by c.id, c.number, c.name, c.currency order by sum(i.open_amount) desc, c.number limit :limit")
            .bind("limit", limit)
            .list(ReceivablesQueries::agingRow);
    List<Aging.Row> totals =
        sql.sql(
                "select null::bigint as customer_id, null as number, null as name, i.currency, "
                    + BUCKETS
                    + " from invoice i where i.tenant_id = :tenant and i.open_amount > 0")
            .bind("asOf", asOf)
            .andIf(onlyCustomer, "i.customer_account_id = :customer", "customer")
            .append("group by i.currency order by i.currency")
            .list(ReceivablesQueries::agingRow);
    return new Aging(asOf, customers, totals);
  }

  private static Aging.Row agingRow(Row r) {
    String currency = r.string("currency").trim();
    return new Aging.Row(
        r.longOrNull("customer_id"),
        r.string("number"),
        r.string("name"),
        new Money(r.decimal("current"), currency),
        new Money(r.decimal("d1_30"), currency),
        new Money(r.decimal("d31_60"), currency),
        new Money(r.decimal("d61_90"), currency),
        new Money(r.decimal("over90"), currency),
        new Money(r.decimal("disputed"), currency),
        new Money(r.decimal("total"), currency));
  }

  /**
   * Per currency: open receivables, sales of the {@code days} up to {@code asOf}, overdue and not
   * disputed.
   */
  List<DsoSums> dso(LocalDate asOf, int days, Optional<Long> onlyCustomer) {
    return sql.sql(
            """
            select currency,
                   coalesce(sum(open_amount) filter (where open_amount > 0), 0) as receivables,
                   coalesce(sum(total_amount) filter (where issue_date > cast(:asOf as date) - :days
                                                      and issue_date <= :asOf), 0) as sales,
                   coalesce(sum(greatest(open_amount - disputed_amount, 0))
                            filter (where open_amount > 0 and due_date < :asOf), 0) as overdue
            from invoice where tenant_id = :tenant""")
        .bind("asOf", asOf)
        .bind("days", days)
        .andIf(onlyCustomer, "customer_account_id = :customer", "customer")
        .append("group by currency order by currency")
        .list(
            r ->
                new DsoSums(
                    r.string("currency").trim(),
                    r.decimal("receivables"),
                    r.decimal("sales"),
                    r.decimal("overdue")));
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
}
