-- Unapplied cash kept as the data changes (package invoice, docs/BALANCES.md), and the month's
-- write-offs found without reading its other postings.
--
-- The month-end close pack shows the cash received by the month end and not applied to any invoice.
-- It added up every allocation of the tenant against every payment (636,692 of each on the benchmark's
-- tenant: about a second of its 2.4 s). unapplied_payment holds only the payments with something left
-- to apply, kept like receivable_balance (V92): statement-level triggers on payment and
-- payment_allocation, whichever feature writes them (the payment import, cash application, refunds,
-- seeds), each firing folding its transition tables into one delta per payment, added with
-- INSERT ... ON CONFLICT DO UPDATE so that concurrent writers add up instead of overwriting each other.
-- A payment applied in full leaves the table.

create table unapplied_payment (
    tenant_id            text not null references tenant (id),
    payment_id           bigint not null,
    customer_account_id  bigint not null,
    currency             char(3) not null,
    received_on          date not null,
    unapplied            numeric(19, 2) not null,   -- amount less its allocations (negative only if over-applied)
    primary key (tenant_id, payment_id)
);
create index unapplied_payment_received_idx on unapplied_payment (tenant_id, received_on)
    include (currency, unapplied);
call isolate_by_tenant('unapplied_payment');

-- Written only by the triggers below, which run with the owner's rights: the application role reads it.
revoke insert, update, delete on unapplied_payment from ${appRole};
-- derived from payments and allocations, which the audit trail already records
drop trigger audit_row_change on unapplied_payment;

create function unapplied_payment_maintain() returns trigger
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
    if tg_table_name = 'payment' and tg_op = 'DELETE' then
        -- its allocations went first (their foreign key), which gave the payment its whole amount back
        delete from unapplied_payment u using old_rows o
        where u.tenant_id = o.tenant_id and u.payment_id = o.id;
        return null;
    end if;
    if tg_table_name = 'payment' and tg_op = 'UPDATE' then
        -- rare (a correction of a payment's amount, account or date): the changed payments recomputed
        delete from unapplied_payment u using new_rows n
        where u.tenant_id = n.tenant_id and u.payment_id = n.id;
        insert into unapplied_payment (tenant_id, payment_id, customer_account_id, currency, received_on, unapplied)
        select n.tenant_id, n.id, n.customer_account_id, n.currency, n.received_on, n.amount - a.applied
        from new_rows n
        cross join lateral (select coalesce(sum(amount), 0) as applied from payment_allocation
                            where tenant_id = n.tenant_id and payment_id = n.id) a
        where n.amount <> a.applied;
        return null;
    end if;
    -- what each payment gains to apply (its amount when it arrives, an allocation undone) or loses (an
    -- allocation), signed
    changed := case
        when tg_table_name = 'payment' then
            'select n.tenant_id, n.id as payment_id, n.amount from new_rows n'
        when tg_op = 'INSERT' then
            'select n.tenant_id, n.payment_id, -n.amount as amount from new_rows n'
        when tg_op = 'DELETE' then
            'select o.tenant_id, o.payment_id, o.amount from old_rows o'
        else
            'select n.tenant_id, n.payment_id, -n.amount as amount from new_rows n
             union all select o.tenant_id, o.payment_id, o.amount from old_rows o'
    end;
    execute format($sql$
        insert into unapplied_payment as u (tenant_id, payment_id, customer_account_id, currency, received_on,
                                            unapplied)
        select d.tenant_id, d.payment_id, p.customer_account_id, p.currency, p.received_on, d.amount
        from (select tenant_id, payment_id, sum(amount) as amount from (%s) c
              group by tenant_id, payment_id) d
        join payment p on p.tenant_id = d.tenant_id and p.id = d.payment_id
        where d.amount <> 0
        order by d.tenant_id, d.payment_id
        on conflict (tenant_id, payment_id) do update set unapplied = u.unapplied + excluded.unapplied
    $sql$, changed);
    -- a payment applied in full goes (a concurrent writer adding to it waits for this transaction;
    -- once it commits, its INSERT ... ON CONFLICT finds no row and inserts one). Checked after a
    -- payment's arrival too: one statement that writes payments and their allocations together (a
    -- CTE) may fire the allocations' trigger first
    execute format($sql$
        delete from unapplied_payment u
        using (select distinct tenant_id, payment_id from (%s) c) k
        where u.tenant_id = k.tenant_id and u.payment_id = k.payment_id and u.unapplied = 0
    $sql$, changed);
    return null;
end
$$;

create trigger payment_unapplied_insert after insert on payment
    referencing new table as new_rows for each statement execute function unapplied_payment_maintain();
create trigger payment_unapplied_update after update on payment
    referencing old table as old_rows new table as new_rows for each statement execute function unapplied_payment_maintain();
create trigger payment_unapplied_delete after delete on payment
    referencing old table as old_rows for each statement execute function unapplied_payment_maintain();
create trigger allocation_unapplied_insert after insert on payment_allocation
    referencing new table as new_rows for each statement execute function unapplied_payment_maintain();
create trigger allocation_unapplied_update after update on payment_allocation
    referencing old table as old_rows new table as new_rows for each statement execute function unapplied_payment_maintain();
create trigger allocation_unapplied_delete after delete on payment_allocation
    referencing old table as old_rows for each statement execute function unapplied_payment_maintain();

-- The check, with the receivable balances (V92): the payments left to apply recomputed from payments
-- and allocations, per customer, currency and day received, compared with what the table holds.
create or replace function unapplied_payment_drift(p_tenant text)
returns table (summary text, customer_account_id bigint, currency text, day date, expected jsonb, actual jsonb)
language sql stable
as $$
    with left_to_apply as (
        select p.customer_account_id, p.currency, p.received_on, p.amount - coalesce(a.applied, 0) as unapplied
        from payment p
        left join (select payment_id, sum(amount) as applied from payment_allocation
                   where tenant_id = p_tenant group by payment_id) a on a.payment_id = p.id
        where p.tenant_id = p_tenant and p.amount <> coalesce(a.applied, 0)),
    expected as (
        select l.customer_account_id, l.currency, l.received_on,
               jsonb_build_object('unapplied', sum(l.unapplied), 'payments', count(*)) as v
        from left_to_apply l group by l.customer_account_id, l.currency, l.received_on),
    actual as (
        select u.customer_account_id, u.currency, u.received_on,
               jsonb_build_object('unapplied', sum(u.unapplied), 'payments', count(*)) as v
        from unapplied_payment u where u.tenant_id = p_tenant
        group by u.customer_account_id, u.currency, u.received_on)
    select 'unapplied_payment', coalesce(e.customer_account_id, a.customer_account_id),
           coalesce(e.currency, a.currency)::text, coalesce(e.received_on, a.received_on), e.v, a.v
    from expected e
    full join actual a on a.customer_account_id = e.customer_account_id and a.currency = e.currency
                      and a.received_on = e.received_on
    where e.v is distinct from a.v
    order by 1, 2, 3, 4
$$;
grant execute on function unapplied_payment_drift(text) to ${appRole};

-- Every kept summary against its source, in one call (the nightly check, bin/portal balances verify).
create function balance_drift(p_tenant text)
returns table (summary text, customer_account_id bigint, currency text, day date, expected jsonb, actual jsonb)
language sql stable
as $$
    select * from receivable_balance_drift(p_tenant)
    union all
    select * from unapplied_payment_drift(p_tenant)
$$;
grant execute on function balance_drift(text) to ${appRole};

-- What the payments already hold, once per tenant, bound to it like the application (FORCE RLS).
do $$
declare t record;
begin
    for t in select id from tenant loop
        perform set_config('app.tenant_id', t.id, true);
        insert into unapplied_payment (tenant_id, payment_id, customer_account_id, currency, received_on, unapplied)
        select p.tenant_id, p.id, p.customer_account_id, p.currency, p.received_on, p.amount - coalesce(a.applied, 0)
        from payment p
        left join (select payment_id, sum(amount) as applied from payment_allocation
                   where tenant_id = t.id group by payment_id) a on a.payment_id = p.id
        where p.tenant_id = t.id and p.amount <> coalesce(a.applied, 0);
    end loop;
    perform set_config('app.tenant_id', '', true);
end
$$;

-- The month's write-offs, largest first, for the close pack: a range of the few write-off postings
-- instead of every posting of the month (about 170,000 on the benchmark's tenant).
create index ar_posting_write_off_idx on ar_posting (tenant_id, posted_on) include (amount)
    where kind = 'WRITE_OFF';
