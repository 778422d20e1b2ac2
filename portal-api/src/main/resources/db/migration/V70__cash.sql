-- Cash application (issue 18): the tenant's bank accounts, the statements received on them and
-- their lines, remittance advices (which invoices a payment covers), the matching results of each
-- line, and the payer identities learned from applied matches. The money itself reaches invoices
-- only through the invoice feature (invoice.PaymentApplication): these tables say what was decided.

-- increment 1: rows are inserted by SQL one at a time (no JPA id blocks)
create sequence cash_id_seq;
grant usage, select on sequence cash_id_seq to ${appRole};

-- Per-tenant settings; a tenant without a row uses the defaults (CashSettings.DEFAULTS).
create table cash_settings (
    tenant_id             text primary key references tenant (id),
    confidence_threshold  numeric(4, 3) not null default 0.900 check (confidence_threshold between 0 and 1),
    tolerance_amount      numeric(19, 2) not null default 5.00 check (tolerance_amount between 0 and 1000),
    version               bigint not null default 0
);
call isolate_by_tenant('cash_settings');

create table bank_account (
    tenant_id     text not null references tenant (id),
    id            bigint not null default nextval('cash_id_seq'),
    account       text not null check (account ~ '^[A-Z0-9]{5,34}$'),   -- IBAN or other id, upper case, no spaces
    currency      char(3) not null check (currency ~ '^[A-Z]{3}$'),
    name          text not null check (length(btrim(name)) between 1 and 100),
    created_at    timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, account)
);
call isolate_by_tenant('bank_account');

create table bank_statement (
    tenant_id        text not null references tenant (id),
    id               bigint not null default nextval('cash_id_seq'),
    bank_account_id  bigint not null,
    statement_id     text not null check (length(btrim(statement_id)) between 1 and 100),
    format           text not null check (format in ('CAMT053', 'MT940', 'CSV')),
    file_sha256      text not null,
    from_date        date,
    to_date          date,
    line_count       integer not null check (line_count >= 0),
    imported_by      text not null,
    imported_at      timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, bank_account_id, statement_id),
    foreign key (tenant_id, bank_account_id) references bank_account (tenant_id, id)
);
create index bank_statement_imported_idx on bank_statement (tenant_id, imported_at, id);
call isolate_by_tenant('bank_statement');

-- A credit line of a statement (debits are not cash to apply and are not kept). status is where the
-- line stands; applied_amount went to invoices, on_account_amount stayed with the customer.
create table bank_statement_line (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('cash_id_seq'),
    statement_id         bigint not null,
    entry_ref            text not null check (length(entry_ref) between 1 and 100),
    booking_date         date not null,
    value_date           date,
    amount               numeric(19, 2) not null check (amount > 0),
    currency             char(3) not null check (currency ~ '^[A-Z]{3}$'),
    payer_name           text not null default '',
    payer_account        text not null default '',
    reference            text not null default '',
    status               text not null default 'UNAPPLIED'
                           check (status in ('APPLIED', 'SUGGESTED', 'UNAPPLIED', 'ON_ACCOUNT', 'REFUND_REQUESTED')),
    customer_account_id  bigint,
    applied_amount       numeric(19, 2) not null default 0 check (applied_amount >= 0),
    written_off_amount   numeric(19, 2) not null default 0 check (written_off_amount >= 0),
    on_account_amount    numeric(19, 2) not null default 0 check (on_account_amount >= 0),
    payment_id           bigint,                -- the invoice feature's payment, once applied
    deduction_id         bigint,                -- the dispute feature's DEDUCTION for a short payment
    applied_at           timestamptz,
    applied_by           text,
    version              bigint not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, statement_id, entry_ref),
    foreign key (tenant_id, statement_id) references bank_statement (tenant_id, id),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id),
    foreign key (tenant_id, payment_id) references payment (tenant_id, id),
    check (applied_amount + on_account_amount <= amount)
);
-- the exception queue: lines still to work, oldest first
create index bank_statement_line_open_idx on bank_statement_line (tenant_id, booking_date, id)
    where status in ('SUGGESTED', 'UNAPPLIED');
create index bank_statement_line_status_idx on bank_statement_line (tenant_id, status, booking_date, id);
create index bank_statement_line_statement_idx on bank_statement_line (tenant_id, statement_id, id);
call isolate_by_tenant('bank_statement_line');

-- A remittance advice: a customer (in the portal) or the BPO (from a mail) says which invoices a
-- payment covers, before or after it arrives. line_id is set when a line was matched with it.
create table remittance_advice (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('cash_id_seq'),
    customer_account_id  bigint not null,
    payment_reference    text not null default '',
    amount               numeric(19, 2) check (amount is null or amount > 0),
    currency             char(3) not null check (currency ~ '^[A-Z]{3}$'),
    source               text not null check (source in ('CUSTOMER', 'BPO')),
    entered_by           text not null,
    entered_at           timestamptz not null default now(),
    line_id              bigint,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id),
    foreign key (tenant_id, line_id) references bank_statement_line (tenant_id, id)
);
create index remittance_advice_open_idx on remittance_advice (tenant_id, customer_account_id, id)
    where line_id is null;
call isolate_by_tenant('remittance_advice');

create table remittance_advice_item (
    tenant_id    text not null references tenant (id),
    advice_id    bigint not null,
    invoice_id   bigint not null,
    amount       numeric(19, 2) check (amount is null or amount > 0),
    primary key (tenant_id, advice_id, invoice_id),
    foreign key (tenant_id, advice_id) references remittance_advice (tenant_id, id) on delete cascade,
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id)
);
call isolate_by_tenant('remittance_advice_item');

-- What matching found for a line: one row per candidate (rule, confidence, reason, the invoices and
-- amounts it would apply), and the row of what was finally done. status: SUGGESTED for a candidate
-- left to a person, APPLIED for the one applied, ON_ACCOUNT / REFUND_REQUESTED / UNAPPLIED for a
-- decision without invoices.
create table cash_match (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('cash_id_seq'),
    line_id              bigint not null,
    rule                 text not null,
    confidence           numeric(4, 3) not null check (confidence between 0 and 1),
    status               text not null check (status in ('APPLIED', 'SUGGESTED', 'UNAPPLIED', 'ON_ACCOUNT',
                                                          'REFUND_REQUESTED')),
    customer_account_id  bigint,
    settlement           text check (settlement in ('EXACT', 'WRITE_OFF', 'SHORT_PAYMENT', 'OVERPAYMENT')),
    on_account           numeric(19, 2) not null default 0 check (on_account >= 0),
    shortfall            numeric(19, 2) not null default 0 check (shortfall >= 0),
    reason               text not null,
    decided_by           text not null,
    decided_at           timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, line_id) references bank_statement_line (tenant_id, id),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id)
);
create index cash_match_line_idx on cash_match (tenant_id, line_id, id);
call isolate_by_tenant('cash_match');

create table cash_match_item (
    tenant_id    text not null references tenant (id),
    match_id     bigint not null,
    invoice_id   bigint not null,
    amount       numeric(19, 2) not null check (amount >= 0),
    write_off    numeric(19, 2) not null default 0 check (write_off >= 0),
    left_open    numeric(19, 2) not null default 0 check (left_open >= 0),   -- what a short payment leaves
    primary key (tenant_id, match_id, invoice_id),
    foreign key (tenant_id, match_id) references cash_match (tenant_id, id) on delete cascade,
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id)
);
call isolate_by_tenant('cash_match_item');

-- Who pays for whom: a payer's bank account or normalised name, learned from applied matches.
create table payer_identity (
    tenant_id            text not null references tenant (id),
    kind                 text not null check (kind in ('ACCOUNT', 'NAME')),
    key                  text not null check (length(key) between 1 and 140),
    customer_account_id  bigint not null,
    hits                 integer not null default 1 check (hits > 0),
    learned_at           timestamptz not null default now(),
    primary key (tenant_id, kind, key),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id)
);
call isolate_by_tenant('payer_identity');

-- Invoice numbers as a reference writes them: upper case, letters and digits only, the leading
-- zeros of each digit run dropped ('inv-000123' = 'INV123'). The same rule as cash.InvoiceNumbers;
-- an index on the invoice table (read only here) lets the matcher look a number up in one probe.
create function cash_number_key(number text) returns text
language sql immutable strict parallel safe
as $$
    select regexp_replace(regexp_replace(upper(number), '[^A-Z0-9]', '', 'g'), '(^|[A-Z])0+([0-9])', '\1\2', 'g')
$$;
create index invoice_number_key_idx on invoice (tenant_id, cash_number_key(number));
