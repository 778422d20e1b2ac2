package com.bpo.portal.collection;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.sql.Keyset;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.Statement;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The worklist, ranked in SQL: per account of the collector, the overdue open invoices (the invoice
 * feature's covering index {@code invoice_open_idx}, read across features), the promises holding
 * and those broken lately that nobody has followed up with a contact since, and the priority key of
 * {@link WorklistPriority}; keyset-paged on (priority, id). Also the figures of one account.
 */
@ApplicationScoped
public class WorklistQueries {
  @Inject TenantSql sql;

  private static final String ACCOUNTS =
      """
      with acc as (
        select c.id, c.number, c.name, c.currency, c.collector,
               coalesce(p.risk_class, 'MEDIUM') as risk_class, coalesce(p.on_hold, false) as on_hold,
               p.next_action_on, p.last_contact_at
        from customer_account c
        left join collection_account p on p.tenant_id = c.tenant_id and p.customer_account_id = c.id
        where c.tenant_id = :tenant %s
      ), inv as (
        select i.customer_account_id as account_id, sum(i.open_amount) as overdue,
               sum(least(i.disputed_amount, i.open_amount)) as disputed, max(cast(:today as date) - i.due_date) as days
        from invoice i
        where i.tenant_id = :tenant and i.open_amount > 0 and i.due_date < cast(:today as date)
          and i.customer_account_id in (select id from acc)
        group by i.customer_account_id
      ), prom as (
        select t.customer_account_id as account_id,
               sum(t.amount - least(t.paid_amount, t.amount)) filter (where t.status in ('OPEN', 'PROPOSED')) as promised,
               bool_or(t.status in ('OPEN', 'PROPOSED') and t.promised_on = cast(:today as date)) as due_today,
               max(t.decided_on) filter (where t.status = 'BROKEN') as broken_on
        from promise_to_pay t
        where t.tenant_id = :tenant and t.customer_account_id in (select id from acc)
          and (t.status in ('OPEN', 'PROPOSED') or (t.status = 'BROKEN' and t.decided_on >= cast(:brokenSince as date)))
        group by t.customer_account_id
      ), figures as (
        select acc.*, coalesce(inv.overdue, 0) as overdue, coalesce(inv.disputed, 0) as disputed,
               coalesce(inv.days, 0) as days, coalesce(prom.promised, 0) as promised,
               coalesce(prom.due_today, false) as due_today,
               (prom.broken_on is not null and (acc.last_contact_at is null or acc.last_contact_at < prom.broken_on))
                 as broken,
               greatest(coalesce(inv.overdue, 0) - coalesce(inv.disputed, 0) - coalesce(prom.promised, 0), 0) as net
        from acc
        left join inv on inv.account_id = acc.id
        left join prom on prom.account_id = acc.id
      ), ranked as (
        select figures.*, %s as priority from figures
      )
      select * from ranked where (net > 0 or due_today or broken)""";

  public Page<WorklistItem> worklist(WorklistFilter filter, LocalDate today, PageRequest page) {
    StringBuilder accounts = new StringBuilder();
    filter.collector().ifPresent(c -> accounts.append(" and c.collector = :collector"));
    if (!filter.riskClasses().isEmpty()) {
      accounts.append(" and coalesce(p.risk_class, 'MEDIUM') = any(:risks)");
    }
    String text =
        ACCOUNTS.formatted(
            accounts, WorklistPriority.sql("broken", "due_today", "net", "days", "risk_class"));
    Statement statement =
        sql.sql(text)
            .bind("today", today)
            .bind("brokenSince", today.minusDays(WorklistPriority.BROKEN_WINDOW_DAYS));
    filter.collector().ifPresent(c -> statement.bind("collector", c));
    if (!filter.riskClasses().isEmpty()) {
      statement.bind("risks", filter.riskClasses().stream().map(Enum::name).toList());
    }
    statement.andIf(filter.minAmount(), "net >= :minAmount", "minAmount");
    if (filter.dueOnly()) {
      statement.and(
          "(next_action_on is null or next_action_on <= cast(:today as date) or due_today or broken)");
    }
    return statement
        .keyset(Keyset.descending("priority", "id", BigDecimal::new), page)
        .page(WorklistQueries::item, WorklistItem::key);
  }

  private static WorklistItem item(Row row) {
    String currency = row.string("currency");
    return new WorklistItem(
        row.longValue("id"),
        row.string("number"),
        row.string("name"),
        row.string("collector"),
        row.enumValue("risk_class", RiskClass.class),
        money(row, "overdue", currency),
        money(row, "disputed", currency),
        money(row, "promised", currency),
        money(row, "net", currency),
        row.intValue("days"),
        row.bool("broken"),
        row.bool("due_today"),
        row.bool("on_hold"),
        row.date("next_action_on"),
        row.decimal("priority"));
  }

  /** One account's profile and figures, or empty when the account does not exist in the tenant. */
  public Optional<AccountProfile> profile(long accountId, LocalDate today) {
    return sql.sql(
            """
        select c.id, c.number, c.name, c.currency, c.collector,
               coalesce(p.risk_class, 'MEDIUM') as risk_class, coalesce(p.customer_type, 'BUSINESS') as customer_type,
               coalesce(p.language, (select t.locale from tenant t where t.id = :tenant)) as language,
               coalesce(p.on_hold, false) as on_hold, p.hold_reason, p.next_action_on, coalesce(p.version, 0) as version,
               coalesce(o.open, 0) as open, coalesce(o.overdue, 0) as overdue, coalesce(o.disputed, 0) as disputed,
               coalesce(o.days, 0) as days,
               coalesce((select sum(t.amount - least(t.paid_amount, t.amount)) from promise_to_pay t
                         where t.tenant_id = c.tenant_id and t.customer_account_id = c.id
                           and t.status in ('OPEN', 'PROPOSED')), 0) as promised
        from customer_account c
        left join collection_account p on p.tenant_id = c.tenant_id and p.customer_account_id = c.id
        left join lateral (
          select sum(i.open_amount) as open,
                 sum(i.open_amount) filter (where i.due_date < cast(:today as date)) as overdue,
                 sum(least(i.disputed_amount, i.open_amount)) as disputed,
                 max(cast(:today as date) - i.due_date) filter (where i.due_date < cast(:today as date)) as days
          from invoice i
          where i.tenant_id = c.tenant_id and i.customer_account_id = c.id and i.open_amount > 0) o on true
        where c.tenant_id = :tenant and c.id = :id""")
        .bind("id", accountId)
        .bind("today", today)
        .optional(
            row -> {
              String currency = row.string("currency");
              return new AccountProfile(
                  row.longValue("id"),
                  row.string("number"),
                  row.string("name"),
                  row.string("collector"),
                  row.enumValue("risk_class", RiskClass.class),
                  row.enumValue("customer_type", CustomerType.class),
                  row.string("language"),
                  row.bool("on_hold"),
                  row.string("hold_reason"),
                  row.date("next_action_on"),
                  money(row, "open", currency),
                  money(row, "overdue", currency),
                  money(row, "disputed", currency),
                  money(row, "promised", currency),
                  row.intValue("days"),
                  row.longValue("version"));
            });
  }

  static Money money(Row row, String column, String currency) {
    BigDecimal amount = row.decimal(column);
    return new Money(
        amount == null
            ? BigDecimal.ZERO.setScale(2)
            : amount.setScale(2, java.math.RoundingMode.HALF_UP),
        currency);
  }
}
