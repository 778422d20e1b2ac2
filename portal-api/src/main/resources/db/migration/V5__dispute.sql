-- Disputes and short-payment deductions: raised by a customer online or logged by the BPO for them,
-- worked through a fixed workflow, with a conversation, attachments and a history of every step.

-- Per-tenant settings of the disputes desk. A tenant without a row uses the defaults below.
create table dispute_settings (
    tenant_id              text primary key references tenant (id),
    first_response_hours   integer not null default 24 check (first_response_hours > 0),
    resolution_hours       integer not null default 240 check (resolution_hours > 0),
    customer_promise_days  integer not null default 5 check (customer_promise_days > 0),
    reopen_days            integer not null default 14 check (reopen_days >= 0),
    team_email             text,
    version                bigint not null default 0
);
call isolate_by_tenant('dispute_settings');

-- The tenant's catalogue of reason codes; labels are the tenant's own words.
create table dispute_reason (
    tenant_id   text not null references tenant (id),
    code        text not null check (code ~ '^[A-Z][A-Z_]{1,39}$'),
    label       text not null check (length(btrim(label)) > 0),
    active      boolean not null default true,
    sort_order  integer not null default 0,
    primary key (tenant_id, code)
);
call isolate_by_tenant('dispute_reason');

-- Every tenant gets the standard catalogue: those that exist now, and each new one by a trigger, so
-- that no way of creating a tenant (command line, admin API, demo seed) can forget it. The trigger
-- binds the transaction to the new tenant for its insert (the policies apply) and restores the binding.
create function dispute_reason_defaults(tenant text) returns void
language plpgsql
as $$
declare previous text := current_setting('app.tenant_id', true);
begin
    perform set_config('app.tenant_id', tenant, true);
    insert into dispute_reason (tenant_id, code, label, sort_order)
    values (tenant, 'PRICING', 'Pricing', 1), (tenant, 'QUANTITY', 'Quantity', 2),
           (tenant, 'DAMAGED_GOODS', 'Damaged goods', 3), (tenant, 'NOT_RECEIVED', 'Not received', 4),
           (tenant, 'DUPLICATE_BILLING', 'Duplicate billing', 5), (tenant, 'TAX', 'Tax', 6),
           (tenant, 'OTHER', 'Other', 7)
    on conflict do nothing;
    perform set_config('app.tenant_id', coalesce(previous, ''), true);
end
$$;

create function tenant_defaults() returns trigger
language plpgsql
as $$
begin
    perform dispute_reason_defaults(new.id);
    return new;
end
$$;
create trigger tenant_defaults after insert on tenant for each row execute function tenant_defaults();

select dispute_reason_defaults(id) from tenant;

create sequence dispute_id_seq increment by 50;
create sequence dispute_child_id_seq increment by 50;   -- items, events, messages, attachments
grant usage, select on sequence dispute_id_seq, dispute_child_id_seq to ${appRole};

create table dispute (
    tenant_id             text not null references tenant (id),
    id                    bigint not null default nextval('dispute_id_seq'),
    kind                  text not null default 'DISPUTE' check (kind in ('DISPUTE', 'DEDUCTION')),
    customer_account_id   bigint not null,
    reason_code           text not null,
    status                text not null default 'NEW'
                          check (status in ('NEW', 'IN_REVIEW', 'AWAITING_CUSTOMER', 'RESOLVED', 'CLOSED')),
    outcome               text check (outcome in ('ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED', 'WRITTEN_OFF')),
    currency              char(3) not null check (currency ~ '^[A-Z]{3}$'),
    disputed_amount       numeric(19, 2) not null check (disputed_amount > 0),
    settled_amount        numeric(19, 2) not null default 0 check (settled_amount >= 0),
    description           text not null check (length(btrim(description)) > 0),
    raised_by             text not null,
    raised_by_email       text,
    raised_at             timestamptz not null default now(),
    assignee              text,
    promised_response_on  date not null,
    first_response_due    timestamptz not null,
    resolution_due        timestamptz not null,
    first_response_at     timestamptz,
    resolved_at           timestamptz,
    closed_at             timestamptz,
    version               bigint not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id),
    foreign key (tenant_id, reason_code) references dispute_reason (tenant_id, code),
    check ((status in ('RESOLVED', 'CLOSED')) = (outcome is not null)),
    check (settled_amount <= disputed_amount)
);
-- keyset orders of the queue, each ending in id
create index dispute_raised_idx on dispute (tenant_id, raised_at, id);
create index dispute_amount_idx on dispute (tenant_id, disputed_amount, id);
create index dispute_customer_idx on dispute (tenant_id, customer_account_id, raised_at, id);
create index dispute_open_idx on dispute (tenant_id, status, resolution_due, id)
    where status not in ('RESOLVED', 'CLOSED');
create index dispute_reason_month_idx on dispute (tenant_id, reason_code, raised_at);
call isolate_by_tenant('dispute');

-- What is disputed: an amount on an invoice, or on one of its lines.
create table dispute_item (
    tenant_id    text not null references tenant (id),
    dispute_id   bigint not null,
    invoice_id   bigint not null,
    line_no      integer,
    amount       numeric(19, 2) not null check (amount > 0),
    settled      numeric(19, 2) not null default 0 check (settled >= 0 and settled <= amount),
    primary key (tenant_id, dispute_id, invoice_id),
    foreign key (tenant_id, dispute_id) references dispute (tenant_id, id) on delete cascade,
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id)
);
create index dispute_item_invoice_idx on dispute_item (tenant_id, invoice_id);
call isolate_by_tenant('dispute_item');

-- The history: every transition and assignment, who, when and why. Append-only for the application.
create table dispute_event (
    tenant_id    text not null references tenant (id),
    id           bigint not null default nextval('dispute_child_id_seq'),
    dispute_id   bigint not null,
    at           timestamptz not null default clock_timestamp(),
    actor        text not null,
    action       text not null,
    from_status  text,
    to_status    text,
    note         text,
    primary key (tenant_id, id),
    foreign key (tenant_id, dispute_id) references dispute (tenant_id, id) on delete cascade
);
create index dispute_event_dispute_idx on dispute_event (tenant_id, dispute_id, at, id);
call isolate_by_tenant('dispute_event');

-- The conversation. Visibility: CUSTOMER (all three parties), CLIENT (client and BPO), INTERNAL (BPO).
create table dispute_message (
    tenant_id    text not null references tenant (id),
    id           bigint not null default nextval('dispute_child_id_seq'),
    dispute_id   bigint not null,
    author       text not null,
    party        text not null check (party in ('CUSTOMER', 'CLIENT', 'BPO')),
    visibility   text not null check (visibility in ('CUSTOMER', 'CLIENT', 'INTERNAL')),
    body         text not null check (length(btrim(body)) > 0),
    at           timestamptz not null default clock_timestamp(),
    primary key (tenant_id, id),
    foreign key (tenant_id, dispute_id) references dispute (tenant_id, id) on delete cascade
);
create index dispute_message_dispute_idx on dispute_message (tenant_id, dispute_id, at, id);
call isolate_by_tenant('dispute_message');

-- Evidence files, checked by content on the way in and kept with their SHA-256.
create table dispute_attachment (
    tenant_id    text not null references tenant (id),
    id           bigint not null default nextval('dispute_child_id_seq'),
    dispute_id   bigint not null,
    file_name    text not null,
    media_type   text not null check (media_type in ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes   integer not null check (size_bytes > 0),
    sha256       char(64) not null,
    content      bytea not null,
    uploaded_by  text not null,
    party        text not null check (party in ('CUSTOMER', 'CLIENT', 'BPO')),
    at           timestamptz not null default clock_timestamp(),
    primary key (tenant_id, id),
    foreign key (tenant_id, dispute_id) references dispute (tenant_id, id) on delete cascade
);
create index dispute_attachment_dispute_idx on dispute_attachment (tenant_id, dispute_id, id);
call isolate_by_tenant('dispute_attachment');

-- Mail waiting to go out, written in the transaction of the change it reports, so that a failing SMTP
-- server delays a notification and never loses one (nor blocks the change).
create sequence mail_outbox_id_seq;
grant usage, select on sequence mail_outbox_id_seq to ${appRole};
create table mail_outbox (
    tenant_id    text not null references tenant (id),
    id           bigint not null default nextval('mail_outbox_id_seq'),
    recipient    text not null,
    subject      text not null,
    body         text not null,
    created_at   timestamptz not null default now(),
    attempts     integer not null default 0,
    last_error   text,
    sent_at      timestamptz,
    primary key (tenant_id, id)
);
create index mail_outbox_pending_idx on mail_outbox (tenant_id, id) where sent_at is null;
call isolate_by_tenant('mail_outbox');

-- The amount of each invoice under open dispute: kept out of the overdue figures used for collections.
alter table invoice add column disputed_amount numeric(19, 2) not null default 0 check (disputed_amount >= 0);
drop index invoice_open_idx;
create index invoice_open_idx on invoice (tenant_id, customer_account_id, due_date)
    include (open_amount, disputed_amount) where open_amount > 0;

-- Where a customer's notifications go.
alter table customer_portal_user add column email text;

-- The people who work for a tenant (BPO staff and client stakeholders): whom a dispute can be
-- assigned to and whom notifications reach. Keycloak holds their sign-in; this holds their role here.
create table tenant_staff (
    tenant_id     text not null references tenant (id),
    username      text not null,
    display_name  text not null,
    email         text,
    role          text not null check (role in ('bpo-lead', 'bpo-agent', 'client-stakeholder')),
    active        boolean not null default true,
    primary key (tenant_id, username)
);
call isolate_by_tenant('tenant_staff');
