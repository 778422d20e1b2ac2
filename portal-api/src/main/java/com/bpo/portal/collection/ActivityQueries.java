package com.bpo.portal.collection;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Activities on accounts, and the account's timeline: activities, promises and notices (this
 * feature's), disputes and payments (read across from the dispute and invoice features).
 */
@ApplicationScoped
public class ActivityQueries {
  @Inject TenantSql sql;

  public Activity insert(long accountId, Activity.New activity, String by) {
    return sql.sql(
            """
        insert into collection_activity (tenant_id, customer_account_id, kind, contact, outcome, note, next_action_on,
                                         created_by)
        values (:tenant, :account, :kind, :contact, :outcome, :note, :next, :by)
        returning id, customer_account_id, kind, contact, outcome, note, next_action_on, created_by, created_at""")
        .bind("account", accountId)
        .bind("kind", activity.kind())
        .bind("contact", blankToNull(activity.contact()))
        .bind("outcome", activity.outcome())
        .bind("note", blankToNull(activity.note()))
        .bind("next", activity.nextActionOn())
        .bind("by", by)
        .one(ActivityQueries::activity);
  }

  public List<Activity> latest(long accountId, int limit) {
    return sql.sql(
            """
        select id, customer_account_id, kind, contact, outcome, note, next_action_on, created_by, created_at
        from collection_activity where tenant_id = :tenant and customer_account_id = :account
        order by created_at desc, id desc limit :limit""")
        .bind("account", accountId)
        .bind("limit", limit)
        .list(ActivityQueries::activity);
  }

  /** The account's timeline, newest first, at most {@code limit} lines. */
  public List<TimelineEntry> timeline(long accountId, int limit) {
    return sql.sql(
            """
        (select a.created_at as at, 'ACTIVITY_' || a.kind as kind, a.id as ref_id, a.contact as title,
                a.outcome as status, a.note, null::numeric as amount, null::text as currency, a.created_by as by
         from collection_activity a where a.tenant_id = :tenant and a.customer_account_id = :account
         order by a.created_at desc limit :limit)
        union all
        (select p.created_at, 'PROMISE', p.id, to_char(p.promised_on, 'YYYY-MM-DD'), p.status, p.note, p.amount,
                p.currency, p.created_by
         from promise_to_pay p where p.tenant_id = :tenant and p.customer_account_id = :account
         order by p.created_at desc limit :limit)
        union all
        (select coalesce(n.sent_at, r.created_at), 'NOTICE', n.id, n.template_key, n.status,
                n.level || coalesce(' ' || n.exclusion, ''), n.total, n.currency, r.created_by
         from dunning_notice n join dunning_run r on r.tenant_id = n.tenant_id and r.id = n.run_id
         where n.tenant_id = :tenant and n.customer_account_id = :account
         order by n.id desc limit :limit)
        union all
        (select d.raised_at, 'DISPUTE', d.id, 'D-' || d.id, d.status, null, d.disputed_amount, d.currency, d.raised_by
         from dispute d where d.tenant_id = :tenant and d.customer_account_id = :account
         order by d.raised_at desc limit :limit)
        union all
        (select y.received_on::timestamptz, 'PAYMENT', y.id, y.reference, null, null, y.amount, y.currency, null
         from payment y where y.tenant_id = :tenant and y.customer_account_id = :account
         order by y.received_on desc limit :limit)
        order by at desc, ref_id desc limit :limit""")
        .bind("account", accountId)
        .bind("limit", limit)
        .list(
            row ->
                new TimelineEntry(
                    row.timestamp("at"),
                    row.string("kind"),
                    row.longValue("ref_id"),
                    row.string("title"),
                    row.string("status"),
                    row.string("note"),
                    row.decimal("amount") == null
                        ? null
                        : new Money(row.decimal("amount"), row.string("currency").strip()),
                    row.string("by")));
  }

  private static Activity activity(Row row) {
    return new Activity(
        row.longValue("id"),
        row.longValue("customer_account_id"),
        row.enumValue("kind", ActivityKind.class),
        row.string("contact"),
        row.enumValue("outcome", ContactOutcome.class),
        row.string("note"),
        row.date("next_action_on"),
        row.string("created_by"),
        row.timestamp("created_at"));
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
