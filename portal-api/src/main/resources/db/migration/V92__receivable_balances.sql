-- Receivable balances kept as the data changes (package invoice, docs/BALANCES.md).
--
-- The aging, DSO and the home tiles used to add up every open invoice of a tenant on every call
-- (hundreds of thousands of rows at a million invoices). Two summaries hold those sums instead, kept
-- by statement-level triggers on invoice in the transaction of every change, whichever feature made it
-- (imports, payments, credit notes, write-offs, disputes, seeds): the same technique as the journal of
-- V80. Each firing folds its transition tables into one delta per key and adds it with one
-- INSERT ... ON CONFLICT DO UPDATE, so concurrent writers add up instead of overwriting each other.
--
-- receivable_balance: the open invoices (open_amount > 0) per customer, currency and due date. The due
--   date is kept because the aging buckets move with the as-of date; the customer because the aging
--   lists customers and the customer home reads one account. A key whose last open invoice closes is
--   deleted, so the table holds only what is open and the aging never reads dead keys.
-- invoice_sales_day: every invoice's total per currency and issue date, for the sales side of DSO (a
--   date whose invoices were all deleted goes too).

create table receivable_balance (
    tenant_id            text not null references tenant (id),
    customer_account_id  bigint not null,
    currency             char(3) not null,
    due_date             date not null,
    open_amount          numeric(19, 2) not null,   -- sum of open_amount
    disputed_amount      numeric(19, 2) not null,   -- sum of disputed_amount
    disputed_open        numeric(19, 2) not null,   -- sum of least(disputed_amount, open_amount): the aging's disputed column
    open_count           bigint not null,           -- open invoices
    undisputed_count     bigint not null,           -- of which open beyond their disputed amount (the customer home's overdue count)
    primary key (tenant_id, customer_account_id, currency, due_date)
);
call isolate_by_tenant('receivable_balance');

create table invoice_sales_day (
    tenant_id      text not null references tenant (id),
    currency       char(3) not null,
    issue_date     date not null,
    total_amount   numeric(19, 2) not null,
    invoice_count  bigint not null,
    primary key (tenant_id, currency, issue_date)
);
call isolate_by_tenant('invoice_sales_day');

-- Written only by the trigger below, which runs with the owner's rights: the application role reads them.
revoke insert, update, delete on receivable_balance, invoice_sales_day from ${appRole};
-- derived from invoice changes, which the audit trail already records (as ar_posting, V80)
drop trigger audit_row_change on receivable_balance;
drop trigger audit_row_change on invoice_sales_day;

create function receivable_balance_maintain() returns trigger
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
    changed text;
    emptied bigint;
begin
    -- tenant deletion (the eraser, through the owner's delete_tenant_data, with the audit switched off)
    -- empties these tables itself, possibly before the invoices: nothing to keep then. The application
    -- role cannot skip the summaries this way.
    if coalesce(current_setting('portal.audit', true), '') = 'off' and session_user <> '${appRole}' then
        return null;
    end if;
    changed := case tg_op
        when 'INSERT' then 'select 1 as sign, n.* from new_rows n'
        when 'DELETE' then 'select -1 as sign, o.* from old_rows o'
        else 'select 1 as sign, n.* from new_rows n union all select -1 as sign, o.* from old_rows o'
    end;
    -- one statement: both deltas, folded per key, added in key order (concurrent firings lock keys in
    -- the same order); answers how many balance keys it left at zero
    execute format($sql$
        with changed as (%s),
        balance_delta as (
            select tenant_id, customer_account_id, currency, due_date,
                   sum(sign * open_amount) as open_amount,
                   sum(sign * disputed_amount) as disputed_amount,
                   sum(sign * least(disputed_amount, open_amount)) as disputed_open,
                   sum(sign) as open_count,
                   coalesce(sum(sign) filter (where open_amount > disputed_amount), 0) as undisputed_count
            from changed where open_amount > 0
            group by tenant_id, customer_account_id, currency, due_date),
        balances as (
            insert into receivable_balance as b (tenant_id, customer_account_id, currency, due_date, open_amount,
                                                 disputed_amount, disputed_open, open_count, undisputed_count)
            select * from balance_delta
            where open_amount <> 0 or disputed_amount <> 0 or disputed_open <> 0 or open_count <> 0 or undisputed_count <> 0
            order by tenant_id, customer_account_id, currency, due_date
            on conflict (tenant_id, customer_account_id, currency, due_date) do update set
                open_amount = b.open_amount + excluded.open_amount,
                disputed_amount = b.disputed_amount + excluded.disputed_amount,
                disputed_open = b.disputed_open + excluded.disputed_open,
                open_count = b.open_count + excluded.open_count,
                undisputed_count = b.undisputed_count + excluded.undisputed_count
            returning b.open_count, b.open_amount, b.disputed_amount, b.disputed_open, b.undisputed_count),
        sales_delta as (
            select tenant_id, currency, issue_date, sum(sign * total_amount) as total_amount, sum(sign) as invoice_count
            from changed
            group by tenant_id, currency, issue_date),
        sales as (
            insert into invoice_sales_day as s (tenant_id, currency, issue_date, total_amount, invoice_count)
            select * from sales_delta where total_amount <> 0 or invoice_count <> 0
            order by tenant_id, currency, issue_date
            on conflict (tenant_id, currency, issue_date) do update set
                total_amount = s.total_amount + excluded.total_amount,
                invoice_count = s.invoice_count + excluded.invoice_count
            returning s.invoice_count, s.total_amount)
        select (select count(*) from balances
                where open_count = 0 and open_amount = 0 and disputed_amount = 0 and disputed_open = 0
                  and undisputed_count = 0)
             + (select count(*) from sales where invoice_count = 0 and total_amount = 0)
    $sql$, changed) into emptied;
    if emptied > 0 then
        -- a key with nothing open left goes (a key that is zero only in count or only in amount is drift,
        -- and stays for the check to see). A concurrent writer adding to the key waits for this
        -- transaction; once it commits, its INSERT ... ON CONFLICT finds no row and inserts one.
        execute format($sql$
            delete from receivable_balance b
            using (select distinct tenant_id, customer_account_id, currency, due_date
                   from (%s) c where open_amount > 0) k
            where b.tenant_id = k.tenant_id and b.customer_account_id = k.customer_account_id
              and b.currency = k.currency and b.due_date = k.due_date
              and b.open_count = 0 and b.open_amount = 0 and b.disputed_amount = 0 and b.disputed_open = 0
              and b.undisputed_count = 0
        $sql$, changed);
        -- likewise an issue date whose invoices were all deleted
        execute format($sql$
            delete from invoice_sales_day s
            using (select distinct tenant_id, currency, issue_date from (%s) c) k
            where s.tenant_id = k.tenant_id and s.currency = k.currency and s.issue_date = k.issue_date
              and s.invoice_count = 0 and s.total_amount = 0
        $sql$, changed);
    end if;
    return null;
end
$$;

create trigger invoice_balance_insert after insert on invoice
    referencing new table as new_rows for each statement execute function receivable_balance_maintain();
create trigger invoice_balance_update after update on invoice
    referencing old table as old_rows new table as new_rows for each statement execute function receivable_balance_maintain();
create trigger invoice_balance_delete after delete on invoice
    referencing old table as old_rows for each statement execute function receivable_balance_maintain();

-- The check: both summaries recomputed from the invoices, compared key by key. Answers the keys that
-- differ (none when all is well), with what the invoices say and what the summary holds. Runs as the
-- caller, under the caller's row-level binding (the application role for the nightly check and the
-- API, the owner for bin/portal balances verify).
create function receivable_balance_drift(p_tenant text)
returns table (summary text, customer_account_id bigint, currency text, day date, expected jsonb, actual jsonb)
language sql stable
as $$
    with expected as (
        select i.customer_account_id, i.currency, i.due_date,
               jsonb_build_object('open_amount', sum(i.open_amount), 'disputed_amount', sum(i.disputed_amount),
                                  'disputed_open', sum(least(i.disputed_amount, i.open_amount)),
                                  'open_count', count(*),
                                  'undisputed_count', count(*) filter (where i.open_amount > i.disputed_amount)) as v
        from invoice i where i.tenant_id = p_tenant and i.open_amount > 0
        group by i.customer_account_id, i.currency, i.due_date),
    actual as (
        select b.customer_account_id, b.currency, b.due_date,
               jsonb_build_object('open_amount', b.open_amount, 'disputed_amount', b.disputed_amount,
                                  'disputed_open', b.disputed_open, 'open_count', b.open_count,
                                  'undisputed_count', b.undisputed_count) as v
        from receivable_balance b where b.tenant_id = p_tenant),
    expected_sales as (
        select i.currency, i.issue_date,
               jsonb_build_object('total_amount', sum(i.total_amount), 'invoice_count', count(*)) as v
        from invoice i where i.tenant_id = p_tenant
        group by i.currency, i.issue_date),
    actual_sales as (
        select s.currency, s.issue_date,
               jsonb_build_object('total_amount', s.total_amount, 'invoice_count', s.invoice_count) as v
        from invoice_sales_day s where s.tenant_id = p_tenant)
    select 'receivable_balance', coalesce(e.customer_account_id, a.customer_account_id),
           coalesce(e.currency, a.currency)::text, coalesce(e.due_date, a.due_date), e.v, a.v
    from expected e
    full join actual a on a.customer_account_id = e.customer_account_id and a.currency = e.currency
                      and a.due_date = e.due_date
    where e.v is distinct from a.v
    union all
    select 'invoice_sales_day', null, coalesce(e.currency, a.currency)::text, coalesce(e.issue_date, a.issue_date),
           e.v, a.v
    from expected_sales e
    full join actual_sales a on a.currency = e.currency and a.issue_date = e.issue_date
    where e.v is distinct from a.v
    order by 1, 2, 3, 4
$$;
grant execute on function receivable_balance_drift(text) to ${appRole};

-- What the invoices already hold, once per tenant, bound to it like the application (FORCE RLS).
do $$
declare t record;
begin
    for t in select id from tenant loop
        perform set_config('app.tenant_id', t.id, true);
        insert into receivable_balance (tenant_id, customer_account_id, currency, due_date, open_amount,
                                        disputed_amount, disputed_open, open_count, undisputed_count)
        select tenant_id, customer_account_id, currency, due_date, sum(open_amount), sum(disputed_amount),
               sum(least(disputed_amount, open_amount)), count(*), count(*) filter (where open_amount > disputed_amount)
        from invoice where tenant_id = t.id and open_amount > 0
        group by tenant_id, customer_account_id, currency, due_date;
        insert into invoice_sales_day (tenant_id, currency, issue_date, total_amount, invoice_count)
        select tenant_id, currency, issue_date, sum(total_amount), count(*)
        from invoice where tenant_id = t.id
        group by tenant_id, currency, issue_date;
    end loop;
    perform set_config('app.tenant_id', '', true);
end
$$;
