-- The receivable balances and sales days (V92) folded once per import instead of once per statement.
--
-- An import writes its invoices ten thousand at a time (InvoiceWrites), and each statement's trigger
-- added its deltas to about ten thousand keys of receivable_balance: the same keys again in every
-- statement of a million-invoice file, in one transaction, so every update stacked another version of
-- rows no other transaction can yet see. Measured (docs/PERFORMANCE.md, eighth round): the invoices'
-- insert took 1.14 s per 10,000 in the import against 0.80 s for the same rows inserted by one
-- statement in psql, and grew along a million-invoice file.
--
-- Now an import's transaction calls begin_deferred_balances(): while it lasts, the trigger appends the
-- changed rows' figures to a temporary table of the transaction, and fold_deferred_balances() adds
-- them all to the summaries with one statement, in key order, at the end. A transaction that deferred
-- cannot commit without folding: a deferred constraint trigger refuses the commit (SQLSTATE 55000),
-- so the summaries never silently miss an import.

-- The summaries' arithmetic, V92's, in one place for the trigger and the fold: the statements that add
-- the deltas of a set of changed invoice rows, given as a query of signed rows (sign, tenant_id,
-- customer_account_id, currency, due_date, issue_date, open_amount, disputed_amount, total_amount).
-- It answers their text, which the caller runs itself: a trigger's transition tables are visible only
-- to statements the trigger function runs.
--   [1] folds the deltas per key, adds them in key order (concurrent firings lock keys in the same
--       order) and answers how many keys it left at zero;
--   [2] and [3], run only then: a key with nothing open left goes (a key that is zero only in count or
--       only in amount is drift, and stays for the check to see; a concurrent writer adding to the key
--       waits for this transaction, and once it commits its INSERT ... ON CONFLICT finds no row and
--       inserts one), and likewise an issue date whose invoices were all deleted.
create function receivable_balance_statements(changed text) returns text[]
language sql
stable
as $fn$
    select array[
        format($sql$
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
    $sql$, changed),
        format($sql$
            delete from receivable_balance b
            using (select distinct tenant_id, customer_account_id, currency, due_date
                   from (%s) c where open_amount > 0) k
            where b.tenant_id = k.tenant_id and b.customer_account_id = k.customer_account_id
              and b.currency = k.currency and b.due_date = k.due_date
              and b.open_count = 0 and b.open_amount = 0 and b.disputed_amount = 0 and b.disputed_open = 0
              and b.undisputed_count = 0
        $sql$, changed),
        format($sql$
            delete from invoice_sales_day s
            using (select distinct tenant_id, currency, issue_date from (%s) c) k
            where s.tenant_id = k.tenant_id and s.currency = k.currency and s.issue_date = k.issue_date
              and s.invoice_count = 0 and s.total_amount = 0
        $sql$, changed)]
$fn$;
revoke execute on function receivable_balance_statements(text) from public;


create or replace function receivable_balance_maintain() returns trigger
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
    changed text;
    statements text[];
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
    if current_setting('portal.balances_deferred', true) = 'on' then
        -- an import's transaction (begin_deferred_balances): kept for one fold before it commits. Set by
        -- anyone else, the flag finds no table here and the statement fails: nothing is skipped.
        execute format($sql$
            insert into pg_temp.deferred_invoice_change
            select sign, tenant_id, customer_account_id, currency, due_date, issue_date, open_amount,
                   disputed_amount, total_amount
            from (%s) c
        $sql$, changed);
        return null;
    end if;
    statements := receivable_balance_statements(changed);
    execute statements[1] into emptied;
    if emptied > 0 then
        execute statements[2];
        execute statements[3];
    end if;
    return null;
end
$$;

-- the commit's check, as the owner of the two temporary tables
create function deferred_balances_folded() returns trigger
language plpgsql
security definer
set search_path = public, pg_temp
as $$
begin
    if exists (select 1 from pg_temp.deferred_invoice_fold) then
        raise exception 'receivable balances were deferred (begin_deferred_balances) but never folded: '
                        'call fold_deferred_balances() before committing'
            using errcode = '55000';
    end if;
    return null;
end
$$;

-- In the calling transaction only: the flag is local to it and both tables are dropped at its end.
create function begin_deferred_balances() returns void
language plpgsql
security definer
set search_path = public, pg_temp
as $$
begin
    if current_setting('portal.balances_deferred', true) = 'on' then
        return;
    end if;
    if to_regclass('pg_temp.deferred_invoice_fold') is null then
        create temporary table deferred_invoice_change on commit drop as
            select 1 as sign, tenant_id, customer_account_id, currency, due_date, issue_date, open_amount,
                   disputed_amount, total_amount
            from invoice with no data;
        create temporary table deferred_invoice_fold (pending boolean not null) on commit drop;
        create constraint trigger deferred_invoice_fold_done after insert on deferred_invoice_fold
            deferrable initially deferred for each row execute function deferred_balances_folded();
    end if;
    insert into deferred_invoice_fold values (true);
    perform set_config('portal.balances_deferred', 'on', true);
end
$$;

create function fold_deferred_balances() returns void
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
    statements text[];
    emptied bigint;
begin
    if coalesce(current_setting('portal.balances_deferred', true), '') <> 'on' then
        return;
    end if;
    statements := receivable_balance_statements(
        'select sign, tenant_id, customer_account_id, currency, due_date, issue_date, open_amount,
                disputed_amount, total_amount
         from pg_temp.deferred_invoice_change');
    execute statements[1] into emptied;
    if emptied > 0 then
        execute statements[2];
        execute statements[3];
    end if;
    truncate pg_temp.deferred_invoice_change;
    delete from pg_temp.deferred_invoice_fold;
    perform set_config('portal.balances_deferred', 'off', true);
end
$$;

revoke execute on function deferred_balances_folded() from public;
revoke execute on function begin_deferred_balances() from public;
revoke execute on function fold_deferred_balances() from public;
grant execute on function begin_deferred_balances() to ${appRole};
grant execute on function fold_deferred_balances() to ${appRole};
