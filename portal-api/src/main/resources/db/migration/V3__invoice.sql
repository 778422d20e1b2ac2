-- Invoices with their lines, payments applied to them (cash application) and credit notes.
-- Totals are exact decimals. paid/credited/written-off amounts are kept on the invoice by the
-- service in the same transaction that records the payment or credit note, so that the open
-- amount and the status are columns an index can serve, not sums over millions of rows.
create sequence invoice_id_seq increment by 50;
create sequence payment_id_seq increment by 50;
create sequence credit_note_id_seq increment by 50;
grant usage, select on sequence invoice_id_seq, payment_id_seq, credit_note_id_seq to ${appRole};

create table invoice (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('invoice_id_seq'),
    number               text not null check (length(btrim(number)) > 0),
    customer_account_id  bigint not null,
    issue_date           date not null,
    due_date             date not null,
    currency             char(3) not null check (currency ~ '^[A-Z]{3}$'),
    net_amount           numeric(19, 2) not null,
    tax_amount           numeric(19, 2) not null,
    total_amount         numeric(19, 2) not null,
    paid_amount          numeric(19, 2) not null default 0 check (paid_amount >= 0),
    credited_amount      numeric(19, 2) not null default 0 check (credited_amount >= 0),
    written_off_amount   numeric(19, 2) not null default 0 check (written_off_amount >= 0),
    disputed             boolean not null default false,   -- set by the disputes feature
    open_amount          numeric(19, 2) generated always as
                           (total_amount - paid_amount - credited_amount - written_off_amount) stored,
    status               text generated always as (
                           case
                             when total_amount - paid_amount - credited_amount - written_off_amount <= 0 then
                               case when written_off_amount > 0 then 'WRITTEN_OFF'
                                    when credited_amount >= total_amount then 'CREDITED'
                                    else 'PAID' end
                             when disputed then 'DISPUTED'
                             when paid_amount > 0 or credited_amount > 0 then 'PARTIALLY_PAID'
                             else 'OPEN'
                           end) stored,
    created_at           timestamptz not null default now(),
    version              bigint not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, number),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id),
    check (due_date >= issue_date),
    check (total_amount = net_amount + tax_amount),
    check (total_amount - paid_amount - credited_amount - written_off_amount >= 0)
);
-- keyset orders of the invoice list (each ends in id so that equal keys still page exactly)
create index invoice_due_idx on invoice (tenant_id, due_date, id);
create index invoice_issue_idx on invoice (tenant_id, issue_date, id);
create index invoice_total_idx on invoice (tenant_id, total_amount, id);
create index invoice_customer_due_idx on invoice (tenant_id, customer_account_id, due_date, id);
create index invoice_status_due_idx on invoice (tenant_id, status, due_date, id);
-- receivables (aging, DSO, overdue) read only what is still open
create index invoice_open_idx on invoice (tenant_id, customer_account_id, due_date)
    include (open_amount) where open_amount > 0;
call isolate_by_tenant('invoice');

create table invoice_line (
    tenant_id     text not null references tenant (id),
    invoice_id    bigint not null,
    line_no       integer not null check (line_no > 0),
    description   text not null,
    quantity      numeric(19, 4) not null check (quantity > 0),
    unit_price    numeric(19, 4) not null check (unit_price >= 0),
    tax_rate      numeric(6, 4) not null check (tax_rate >= 0 and tax_rate < 1),
    net_amount    numeric(19, 2) not null,
    tax_amount    numeric(19, 2) not null,
    primary key (tenant_id, invoice_id, line_no),
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id) on delete cascade
);
call isolate_by_tenant('invoice_line');

create table payment (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('payment_id_seq'),
    reference            text not null,
    customer_account_id  bigint not null,
    received_on          date not null,
    currency             char(3) not null check (currency ~ '^[A-Z]{3}$'),
    amount               numeric(19, 2) not null check (amount > 0),
    created_at           timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, reference),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id)
);
call isolate_by_tenant('payment');

create table payment_allocation (
    tenant_id    text not null references tenant (id),
    payment_id   bigint not null,
    invoice_id   bigint not null,
    amount       numeric(19, 2) not null check (amount > 0),
    primary key (tenant_id, payment_id, invoice_id),
    foreign key (tenant_id, payment_id) references payment (tenant_id, id),
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id)
);
create index payment_allocation_invoice_idx on payment_allocation (tenant_id, invoice_id);
call isolate_by_tenant('payment_allocation');

create table credit_note (
    tenant_id    text not null references tenant (id),
    id           bigint not null default nextval('credit_note_id_seq'),
    number       text not null,
    invoice_id   bigint not null,
    issued_on    date not null,
    amount       numeric(19, 2) not null check (amount > 0),
    reason       text not null,
    created_at   timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, number),
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id)
);
create index credit_note_invoice_idx on credit_note (tenant_id, invoice_id);
call isolate_by_tenant('credit_note');
