-- Allocations summed per day received and the invoice's dates (package invoice, docs/BALANCES.md),
-- for the receivables at a past date of a month's scorecard.
--
-- The scorecard's receivables at the month's two ends are today's open invoices issued by then plus
-- what was paid on them since (KpiQueries.receivablesAround): it read every allocation received since
-- the month before (226,000 on the benchmark's tenant for October, 40 of its 55 ms), although they
-- take only a few hundred distinct (currency, day received, issue date, due date) values.
-- allocation_day holds those sums.
--
-- Append-only: each statement that writes allocations adds one row per key it changed (its delta), and
-- the nightly balance check folds a tenant's rows into one per key (allocation_day_compact). No
-- statement updates a shared row, so writers never wait for each other on this table: a key without
-- the customer is shared by every customer's invoices of a day, and kept with INSERT ... ON CONFLICT
-- it would make a cash statement's long transaction hold up every agent applying cash on those dates.
-- Readers sum the rows of a key.

create sequence allocation_day_id_seq;

create table allocation_day (
    tenant_id           text not null references tenant (id),
    id                  bigint not null default nextval('allocation_day_id_seq'),
    currency            char(3) not null,
    received_on         date not null,
    invoice_issue_date  date not null,
    invoice_due_date    date not null,
    amount              numeric(19, 2) not null,   -- a delta: the key's allocations are the sum of its rows
    primary key (tenant_id, id)
);
create index allocation_day_received_idx on allocation_day (tenant_id, received_on)
    include (currency, invoice_issue_date, invoice_due_date, amount);
call isolate_by_tenant('allocation_day');

-- Written only by the trigger and the compaction below, with the owner's rights: the application role
-- reads it.
revoke insert, update, delete on allocation_day from ${appRole};
-- derived from allocations, which the audit trail already records
drop trigger audit_row_change on allocation_day;

create function allocation_day_maintain() returns trigger
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
    changed text;
begin
    -- tenant deletion empties the table itself (as receivable_balance_maintain, V92)
    if coalesce(current_setting('portal.audit', true), '') = 'off' and session_user <> '${appRole}' then
        return null;
    end if;
    changed := case tg_op
        when 'INSERT' then 'select n.tenant_id, n.invoice_currency, n.received_on, n.invoice_issue_date,
                                   n.invoice_due_date, n.amount from new_rows n'
        when 'DELETE' then 'select o.tenant_id, o.invoice_currency, o.received_on, o.invoice_issue_date,
                                   o.invoice_due_date, -o.amount from old_rows o'
        else 'select n.tenant_id, n.invoice_currency, n.received_on, n.invoice_issue_date,
                     n.invoice_due_date, n.amount from new_rows n
              union all
              select o.tenant_id, o.invoice_currency, o.received_on, o.invoice_issue_date,
                     o.invoice_due_date, -o.amount from old_rows o'
    end;
    execute format($sql$
        insert into allocation_day (tenant_id, currency, received_on, invoice_issue_date, invoice_due_date, amount)
        select tenant_id, invoice_currency, received_on, invoice_issue_date, invoice_due_date, sum(amount)
        from (%s) c (tenant_id, invoice_currency, received_on, invoice_issue_date, invoice_due_date, amount)
        group by tenant_id, invoice_currency, received_on, invoice_issue_date, invoice_due_date
        having sum(amount) <> 0
    $sql$, changed);
    return null;
end
$$;

create trigger allocation_day_insert after insert on payment_allocation
    referencing new table as new_rows for each statement execute function allocation_day_maintain();
create trigger allocation_day_update after update on payment_allocation
    referencing old table as old_rows new table as new_rows for each statement execute function allocation_day_maintain();
create trigger allocation_day_delete after delete on payment_allocation
    referencing old table as old_rows for each statement execute function allocation_day_maintain();

-- Folds the tenant's rows into one per key (zero sums go): the rows of its snapshot are deleted and
-- their sums inserted in one statement, so rows that concurrent writers add meanwhile are kept as they
-- are, and a second compaction at the same time folds only what the first has not. Answers the rows
-- folded. Called by the nightly balance check, bound to the tenant: only the tenant the transaction is
-- bound to may be named (row-level security would hide another's rows anyway; this says so instead of
-- folding nothing).
create function allocation_day_compact(p_tenant text) returns bigint
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
    folded bigint;
begin
    if p_tenant is distinct from current_setting('app.tenant_id', true) then
        raise exception 'allocation_day_compact: % is not the tenant this transaction is bound to', p_tenant
            using errcode = '42501';
    end if;
    with gone as (
        delete from allocation_day where tenant_id = p_tenant
        returning tenant_id, currency, received_on, invoice_issue_date, invoice_due_date, amount),
    sums as (
        insert into allocation_day (tenant_id, currency, received_on, invoice_issue_date, invoice_due_date, amount)
        select tenant_id, currency, received_on, invoice_issue_date, invoice_due_date, sum(amount)
        from gone
        group by tenant_id, currency, received_on, invoice_issue_date, invoice_due_date
        having sum(amount) <> 0
        returning 1)
    select count(*) - (select count(*) from sums) into folded from gone;
    return folded;
end
$$;
grant execute on function allocation_day_compact(text) to ${appRole};

-- The check, with the other kept summaries: the allocations summed per key, against the rows' sums.
create function allocation_day_drift(p_tenant text)
returns table (summary text, customer_account_id bigint, currency text, day date, expected jsonb, actual jsonb)
language sql stable
as $$
    with expected as (
        select a.invoice_currency as currency, a.received_on, a.invoice_issue_date, a.invoice_due_date,
               sum(a.amount) as amount
        from payment_allocation a where a.tenant_id = p_tenant
        group by 1, 2, 3, 4),
    actual as (
        select d.currency, d.received_on, d.invoice_issue_date, d.invoice_due_date, sum(d.amount) as amount
        from allocation_day d where d.tenant_id = p_tenant
        group by 1, 2, 3, 4
        having sum(d.amount) <> 0)
    select 'allocation_day', null::bigint, coalesce(e.currency, a.currency)::text,
           coalesce(e.received_on, a.received_on),
           case when e.amount is null then null
                else jsonb_build_object('issue_date', e.invoice_issue_date, 'due_date', e.invoice_due_date,
                                        'amount', e.amount) end,
           case when a.amount is null then null
                else jsonb_build_object('issue_date', a.invoice_issue_date, 'due_date', a.invoice_due_date,
                                        'amount', a.amount) end
    from expected e
    full join actual a on a.currency = e.currency and a.received_on = e.received_on
                      and a.invoice_issue_date = e.invoice_issue_date and a.invoice_due_date = e.invoice_due_date
    where e.amount is distinct from a.amount
    order by 1, 3, 4
$$;
grant execute on function allocation_day_drift(text) to ${appRole};

create or replace function balance_drift(p_tenant text)
returns table (summary text, customer_account_id bigint, currency text, day date, expected jsonb, actual jsonb)
language sql stable
as $$
    select * from receivable_balance_drift(p_tenant)
    union all
    select * from unapplied_payment_drift(p_tenant)
    union all
    select * from allocation_day_drift(p_tenant)
$$;

-- What the allocations already hold, once per tenant, bound to it like the application (FORCE RLS).
do $$
declare t record;
begin
    for t in select id from tenant loop
        perform set_config('app.tenant_id', t.id, true);
        insert into allocation_day (tenant_id, currency, received_on, invoice_issue_date, invoice_due_date, amount)
        select tenant_id, invoice_currency, received_on, invoice_issue_date, invoice_due_date, sum(amount)
        from payment_allocation where tenant_id = t.id
        group by tenant_id, invoice_currency, received_on, invoice_issue_date, invoice_due_date
        having sum(amount) <> 0;
    end loop;
    perform set_config('app.tenant_id', '', true);
end
$$;
