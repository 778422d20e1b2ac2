package com.bpo.portal.collection;

import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Collections metrics in SQL: activities and promises (this feature's) per person who made them,
 * payments and overdue amounts (read from the invoice feature) per collector of the account.
 */
@ApplicationScoped
public class MetricsQueries {
  @Inject TenantSql sql;

  public List<CollectionMetrics.Row> perCollector(LocalDate from, LocalDate to, LocalDate today) {
    return sql.sql(
            """
        with worked as (
          select a.created_by as collector, count(distinct a.customer_account_id) as accounts_worked,
                 count(*) filter (where a.kind in ('CALL', 'MAIL', 'LETTER')) as contacts
          from collection_activity a
          where a.tenant_id = :tenant and a.created_by <> 'system'
            and a.created_at >= cast(:from as date) and a.created_at < cast(:to as date) + 1
          group by a.created_by
        ), promised as (
          select t.created_by as collector, count(*) as made, sum(t.amount) as made_amount,
                 count(*) filter (where t.status = 'KEPT') as kept,
                 coalesce(sum(t.amount) filter (where t.status = 'KEPT'), 0) as kept_amount,
                 count(*) filter (where t.status in ('KEPT', 'PARTLY_KEPT', 'BROKEN')) as decided
          from promise_to_pay t
          where t.tenant_id = :tenant and not t.proposed_by_customer
            and t.made_on between cast(:from as date) and cast(:to as date)
          group by t.created_by
        ), collected as (
          select c.collector, sum(p.amount) as collected
          from payment p join customer_account c on c.tenant_id = p.tenant_id and c.id = p.customer_account_id
          where p.tenant_id = :tenant and p.received_on between cast(:from as date) and cast(:to as date)
            and c.collector is not null
          group by c.collector
        ), overdue as (
          select c.collector, sum(i.open_amount - least(i.disputed_amount, i.open_amount)) as overdue
          from invoice i join customer_account c on c.tenant_id = i.tenant_id and c.id = i.customer_account_id
          where i.tenant_id = :tenant and i.open_amount > 0 and i.due_date < cast(:today as date)
            and c.collector is not null
          group by c.collector
        ), people as (
          select collector from worked union select collector from promised
          union select collector from collected union select collector from overdue
        )
        select p.collector, coalesce(w.accounts_worked, 0) as accounts_worked, coalesce(w.contacts, 0) as contacts,
               coalesce(r.made, 0) as made, coalesce(r.made_amount, 0) as made_amount, coalesce(r.kept, 0) as kept,
               coalesce(r.kept_amount, 0) as kept_amount, coalesce(r.decided, 0) as decided,
               coalesce(c.collected, 0) as collected, coalesce(o.overdue, 0) as overdue
        from people p
        left join worked w on w.collector = p.collector
        left join promised r on r.collector = p.collector
        left join collected c on c.collector = p.collector
        left join overdue o on o.collector = p.collector
        order by p.collector""")
        .bind("from", from)
        .bind("to", to)
        .bind("today", today)
        .list(MetricsQueries::row);
  }

  private static CollectionMetrics.Row row(Row r) {
    BigDecimal collected = r.decimal("collected");
    BigDecimal overdue = r.decimal("overdue");
    return new CollectionMetrics.Row(
        r.string("collector"),
        r.longValue("accounts_worked"),
        r.longValue("contacts"),
        r.longValue("made"),
        r.decimal("made_amount"),
        r.longValue("kept"),
        r.decimal("kept_amount"),
        r.longValue("decided"),
        collected,
        overdue,
        CollectionMetrics.percent(collected, collected.add(overdue)));
  }

  /**
   * Accounts overdue today (net of disputes), and how many of them had a notice sent in the period.
   */
  public long[] coverage(LocalDate from, LocalDate to, LocalDate today) {
    return sql.sql(
            """
        select count(*) as overdue_accounts,
               count(*) filter (where exists (
                 select 1 from dunning_notice n join dunning_run r on r.tenant_id = n.tenant_id and r.id = n.run_id
                 where n.tenant_id = a.tenant_id and n.customer_account_id = a.account_id and n.status in ('SENT', 'DONE')
                   and r.run_date between cast(:from as date) and cast(:to as date))) as noticed
        from (select distinct i.tenant_id, i.customer_account_id as account_id from invoice i
              where i.tenant_id = :tenant and i.open_amount > i.disputed_amount and i.due_date < cast(:today as date)) a""")
        .bind("from", from)
        .bind("to", to)
        .bind("today", today)
        .one(r -> new long[] {r.longValue("overdue_accounts"), r.longValue("noticed")});
  }
}
