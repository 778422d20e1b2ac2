-- Month-end close (package close, docs/CLOSE.md).
--
-- 1. The receivables journal: every change to what an invoice is owed becomes a dated posting, written
--    by triggers on invoice in the transaction of the change, whichever feature made it (imports,
--    disputes, cash application, seeds). A posting is dated by when it was recorded (the posting date of
--    an accounting ledger: today in the tenant's zone), an invoice by its issue date. A month cannot be
--    signed off before it has ended, so a change recorded today never lands in a signed-off month, and
--    an invoice dated inside one goes into the first open month as an adjustment: a signed-off month
--    never changes, and nothing late slips in unseen.
-- 2. Provision policies (versioned), specific provisions with four eyes, the client's ledger balances
--    and reconciling items, and the close of each month with its workflow and stored figures.

create sequence ar_posting_id_seq;
create sequence close_id_seq increment by 50;
grant usage, select on sequence ar_posting_id_seq, close_id_seq to ${appRole};

-- The close of one month: its workflow and the figures it was published with (JSON, per currency),
-- so that the pack the client signed is the pack they see later.
create table month_close (
    tenant_id      text not null references tenant (id),
    period         char(7) not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    period_end     date not null,
    status         text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'SIGNED_OFF')),
    figures        jsonb,
    prepared_by    text,
    published_by   text,
    published_at   timestamptz,
    signed_off_by  text,
    signed_off_at  timestamptz,
    version        bigint not null default 0,
    primary key (tenant_id, period),
    constraint month_close_four_eyes check (signed_off_by is null or signed_off_by <> published_by)
);
create index month_close_signed_idx on month_close (tenant_id, period_end) where status = 'SIGNED_OFF';
call isolate_by_tenant('month_close');

create table month_close_comment (
    tenant_id    text not null references tenant (id),
    id           bigint not null default nextval('close_id_seq'),
    period       char(7) not null,
    author       text not null,
    body         text not null check (length(btrim(body)) between 1 and 4000),
    created_at   timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, period) references month_close (tenant_id, period)
);
create index month_close_comment_idx on month_close_comment (tenant_id, period, id);
call isolate_by_tenant('month_close_comment');

create table ar_posting (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('ar_posting_id_seq'),
    invoice_id           bigint not null,
    customer_account_id  bigint not null,
    currency             char(3) not null,
    due_date             date not null,
    kind                 text not null check (kind in ('INVOICE', 'PAYMENT', 'CREDIT', 'WRITE_OFF', 'ADJUSTMENT')),
    amount               numeric(19, 2) not null check (amount <> 0),   -- positive: more is owed
    posted_on            date not null,
    created_at           timestamptz not null default now(),
    primary key (tenant_id, id)
);
-- a month's movements; the balance of one invoice after a date
create index ar_posting_date_idx on ar_posting (tenant_id, posted_on) include (kind, currency, amount);
create index ar_posting_invoice_idx on ar_posting (tenant_id, invoice_id, posted_on);
call isolate_by_tenant('ar_posting');
-- append-only: a posting is corrected by another posting, never edited
revoke update, delete on ar_posting from ${appRole};
-- derived from invoice changes, which the audit trail already records; auditing each posting again
-- would double every write of a million-row import (SchemaGuard and TenantIsolationIT list it as exempt)
drop trigger audit_row_change on ar_posting;

-- The first day a posting may carry in a tenant: the day after its last signed-off month.
create function ar_first_open_day(p_tenant text) returns date
language sql stable
as $$
    select max(period_end) + 1 from month_close where tenant_id = p_tenant and status = 'SIGNED_OFF'
$$;

-- Today in the tenant's zone: the posting date of a change recorded now.
create function ar_today(p_tenant text) returns date
language sql stable
as $$
    select (now() at time zone coalesce((select time_zone from tenant where id = p_tenant), 'UTC'))::date
$$;

create function ar_post_new_invoices() returns trigger
language plpgsql
as $$
begin
    -- an invoice may arrive already paid, credited or written off (history loaded by an import or a seed):
    -- each part is posted on its issue date. A signed-off month never changes: an invoice dated inside
    -- one (a late item from the client's ledger) goes into the first open month as one adjustment of
    -- what it leaves owed, which that month's roll-forward shows on its own line
    with open_day as (
        select t.tenant_id, ar_first_open_day(t.tenant_id) as first_open
        from (select distinct tenant_id from new_rows) t)
    insert into ar_posting (tenant_id, invoice_id, customer_account_id, currency, due_date, kind, amount, posted_on)
    select n.tenant_id, n.id, n.customer_account_id, n.currency, n.due_date, v.kind, v.amount,
           greatest(n.issue_date, coalesce(o.first_open, n.issue_date))
    from new_rows n
    join open_day o on o.tenant_id = n.tenant_id
    cross join lateral (
        select kind, amount from (values ('INVOICE', n.total_amount), ('PAYMENT', -n.paid_amount),
                                         ('CREDIT', -n.credited_amount), ('WRITE_OFF', -n.written_off_amount)) p(kind, amount)
        where o.first_open is null or n.issue_date >= o.first_open
        union all
        select 'ADJUSTMENT', n.total_amount - n.paid_amount - n.credited_amount - n.written_off_amount
        where n.issue_date < o.first_open) v
    where v.amount <> 0;
    return null;
end
$$;
create trigger invoice_ar_posting_insert after insert on invoice
    referencing new table as new_rows for each statement execute function ar_post_new_invoices();

create function ar_post_changed_invoices() returns trigger
language plpgsql
as $$
begin
    insert into ar_posting (tenant_id, invoice_id, customer_account_id, currency, due_date, kind, amount, posted_on)
    select n.tenant_id, n.id, n.customer_account_id, n.currency, n.due_date, v.kind, v.amount,
           greatest(ar_today(n.tenant_id), coalesce(ar_first_open_day(n.tenant_id), ar_today(n.tenant_id)))
    from new_rows n
    join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
    cross join lateral (values ('ADJUSTMENT', n.total_amount - o.total_amount),
                               ('PAYMENT', o.paid_amount - n.paid_amount),
                               ('CREDIT', o.credited_amount - n.credited_amount),
                               ('WRITE_OFF', o.written_off_amount - n.written_off_amount)) v(kind, amount)
    where v.amount <> 0;
    return null;
end
$$;
create trigger invoice_ar_posting_update after update on invoice
    referencing old table as old_rows new table as new_rows for each statement execute function ar_post_changed_invoices();

-- Rebuilds a tenant's journal from the business dates the data carries: invoices on their issue date,
-- payments on the day they were received, credit notes on their date, the rest of what is paid (no
-- allocation says when) on the due date, write-offs 60 days after the due date (no record says when;
-- never later than today). For the migration of existing data and for the demo seed, which loads months
-- of history in one go; the owner only (the application role must not rewrite a journal).
create function ar_journal_rebuild(p_tenant text) returns bigint
language plpgsql
as $$
declare
    written bigint;
begin
    delete from ar_posting where tenant_id = p_tenant;
    insert into ar_posting (tenant_id, invoice_id, customer_account_id, currency, due_date, kind, amount, posted_on)
    select i.tenant_id, i.id, i.customer_account_id, i.currency, i.due_date, m.kind, m.amount, m.posted_on
    from invoice i
    cross join lateral (
        select 'INVOICE' as kind, i.total_amount as amount, i.issue_date as posted_on
        union all
        select 'PAYMENT', -sum(a.amount), a.received_on
        from payment_allocation a where a.tenant_id = i.tenant_id and a.invoice_id = i.id group by a.received_on
        union all
        select 'PAYMENT', -(i.paid_amount - coalesce((select sum(a.amount) from payment_allocation a
                                                     where a.tenant_id = i.tenant_id and a.invoice_id = i.id), 0)),
               least(greatest(i.due_date, i.issue_date), ar_today(i.tenant_id))
        union all
        select 'CREDIT', -sum(c.amount), c.issued_on
        from credit_note c where c.tenant_id = i.tenant_id and c.invoice_id = i.id group by c.issued_on
        union all
        select 'CREDIT', -(i.credited_amount - coalesce((select sum(c.amount) from credit_note c
                                                        where c.tenant_id = i.tenant_id and c.invoice_id = i.id), 0)),
               least(greatest(i.due_date, i.issue_date), ar_today(i.tenant_id))
        union all
        select 'WRITE_OFF', -i.written_off_amount, least(i.due_date + 60, ar_today(i.tenant_id))
    ) m
    where i.tenant_id = p_tenant and m.amount <> 0;
    get diagnostics written = row_count;
    return written;
end
$$;
revoke execute on function ar_journal_rebuild(text) from public;

do $$
declare t record;
begin
    for t in select id from tenant loop
        perform set_config('app.tenant_id', t.id, true);
        perform ar_journal_rebuild(t.id);
    end loop;
    perform set_config('app.tenant_id', '', true);
end
$$;

-- Provision policy: a rate per aging bucket at the month end, versioned like KPI definitions; the
-- amounts under dispute may be left out of the general provision (they are provided for case by case).
create table provision_policy (
    tenant_id          text not null references tenant (id),
    version            integer not null check (version > 0),
    rate_current       numeric(5, 4) not null check (rate_current between 0 and 1),
    rate_1_30          numeric(5, 4) not null check (rate_1_30 between 0 and 1),
    rate_31_60         numeric(5, 4) not null check (rate_31_60 between 0 and 1),
    rate_61_90         numeric(5, 4) not null check (rate_61_90 between 0 and 1),
    rate_91_180        numeric(5, 4) not null check (rate_91_180 between 0 and 1),
    rate_over_180      numeric(5, 4) not null check (rate_over_180 between 0 and 1),
    exclude_disputed   boolean not null default true,
    effective_from     date not null,
    changed_by         text not null,
    changed_at         timestamptz not null default now(),
    primary key (tenant_id, version),
    unique (tenant_id, effective_from)
);
call isolate_by_tenant('provision_policy');

-- A provision on one account beyond the policy, with its reason; counted once approved by a second
-- person. The database itself refuses an approver who is the maker.
create table specific_provision (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('close_id_seq'),
    customer_account_id  bigint not null,
    currency             char(3) not null,
    amount               numeric(19, 2) not null check (amount > 0),
    reason               text not null check (length(btrim(reason)) between 1 and 2000),
    effective_from       date not null,
    status               text not null default 'PROPOSED' check (status in ('PROPOSED', 'APPROVED', 'REFUSED', 'RELEASED')),
    proposed_by          text not null,
    proposed_at          timestamptz not null default now(),
    decided_by           text,
    decided_at           timestamptz,
    version              bigint not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id),
    constraint specific_provision_four_eyes check (decided_by is null or decided_by <> proposed_by)
);
create index specific_provision_customer_idx on specific_provision (tenant_id, customer_account_id, status);
call isolate_by_tenant('specific_provision');

-- The client's general-ledger control balance of receivables, per month and currency.
create table ledger_balance (
    tenant_id    text not null references tenant (id),
    period       char(7) not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    currency     char(3) not null check (currency ~ '^[A-Z]{3}$'),
    amount       numeric(19, 2) not null,
    entered_by   text not null,
    entered_at   timestamptz not null default now(),
    version      bigint not null default 0,
    primary key (tenant_id, period, currency)
);
call isolate_by_tenant('ledger_balance');

-- What explains the difference between the ledger and the receivables: unapplied cash, timing, other.
create table reconciling_item (
    tenant_id    text not null references tenant (id),
    id           bigint not null default nextval('close_id_seq'),
    period       char(7) not null,
    currency     char(3) not null,
    kind         text not null check (kind in ('UNAPPLIED_CASH', 'TIMING', 'OTHER')),
    amount       numeric(19, 2) not null check (amount <> 0),
    explanation  text not null check (length(btrim(explanation)) between 1 and 2000),
    entered_by   text not null,
    entered_at   timestamptz not null default now(),
    primary key (tenant_id, id)
);
create index reconciling_item_period_idx on reconciling_item (tenant_id, period, currency);
call isolate_by_tenant('reconciling_item');

