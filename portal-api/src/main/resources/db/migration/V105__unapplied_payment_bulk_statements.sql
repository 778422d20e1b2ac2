-- Unapplied cash kept for statements of any size (V102): the trigger of unapplied_payment switches
-- nested loops off for a statement of more than 5,000 rows, whose tables' statistics cannot yet know
-- the rows it wrote. Measured with the bench generator (1,000,000 invoices, 600,000 payments and
-- their allocations in one statement; docs/PERFORMANCE.md): before, the payments' statement had not
-- finished after 17 minutes; the body is otherwise V102's.

create or replace function unapplied_payment_maintain() returns trigger
language plpgsql
security definer
set search_path = public, pg_temp
-- restores whatever the body sets for a bulk statement (below) when the trigger returns
set enable_nestloop = on
as $$
declare
    changed text;
    rows_changed bigint;
begin
    -- tenant deletion empties the table itself (as receivable_balance_maintain, V92)
    if coalesce(current_setting('portal.audit', true), '') = 'off' and session_user <> '${appRole}' then
        return null;
    end if;
    -- A bulk statement (a payment import, the bench generator) writes into tables whose statistics
    -- predate it: with payment estimated at 931 rows and unapplied_payment at 4 while the statement
    -- had written 600,000, the generator's payments ran for over 17 minutes, the trigger rebuilding
    -- an aggregate of its transition table again and again (a perf profile). Past a few thousand rows
    -- no nested loop is needed; one-payment statements keep their index lookups.
    if tg_op = 'DELETE' then
        select count(*) into rows_changed from old_rows;
    else
        select count(*) into rows_changed from new_rows;
    end if;
    if rows_changed > 5000 then
        perform set_config('enable_nestloop', 'off', true);
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
