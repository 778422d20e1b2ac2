-- Collections: strategies (versioned per tenant), the collector's record of every contact, promises
-- to pay and the dunning runs with their notices. The invoice feature owns the money; these tables
-- only say what collections did about it. tenant_id leads every key and index.

create sequence collection_id_seq increment by 50;
grant usage, select on sequence collection_id_seq to ${appRole};

-- Per-tenant settings; a tenant without a row uses the defaults.
create table collection_settings (
    tenant_id                 text primary key references tenant (id),
    promise_tolerance_days    integer not null default 2 check (promise_tolerance_days between 0 and 30),
    promise_tolerance_amount  numeric(19, 2) not null default 1.00 check (promise_tolerance_amount >= 0),
    auto_release              boolean not null default false,
    version                   bigint not null default 0
);
call isolate_by_tenant('collection_settings');

-- What collections knows of a customer account beyond the invoice feature's record: its risk class,
-- its type, the language its letters are written in, a hold, and the next action the collector set.
create table collection_account (
    tenant_id            text not null references tenant (id),
    customer_account_id  bigint not null,
    risk_class           text not null default 'MEDIUM' check (risk_class in ('LOW', 'MEDIUM', 'HIGH')),
    customer_type        text not null default 'BUSINESS'
                         check (customer_type in ('KEY_ACCOUNT', 'BUSINESS', 'PUBLIC_SECTOR', 'CONSUMER')),
    language             text not null default 'en' check (language in ('en', 'fr')),
    on_hold              boolean not null default false,
    hold_reason          text,
    next_action_on       date,
    last_contact_at      timestamptz,
    version              bigint not null default 0,
    primary key (tenant_id, customer_account_id),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id) on delete cascade,
    check (not on_hold or hold_reason is not null)
);
call isolate_by_tenant('collection_account');

-- The worklist starts from the accounts of one collector.
create index customer_account_collector_idx on customer_account (tenant_id, collector, id);

-- A strategy is kept as versions: a change adds a version, notices name the version they came from.
-- The segment (null = any) decides which accounts it applies to; the lowest rank that matches wins.
create table collection_strategy (
    tenant_id       text not null references tenant (id),
    id              bigint not null default nextval('collection_id_seq'),
    code            text not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    version_no      integer not null check (version_no > 0),
    name            text not null check (length(btrim(name)) between 1 and 200),
    rank            integer not null default 100,
    risk_classes    text[],
    customer_types  text[],
    min_balance     numeric(19, 2),
    max_balance     numeric(19, 2),
    effective_from  date not null,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, code, version_no),
    check (min_balance is null or max_balance is null or min_balance <= max_balance)
);
call isolate_by_tenant('collection_strategy');

-- Steps by days relative to the due date (negative: before it). The level numbers notices.
create table collection_strategy_step (
    tenant_id       text not null references tenant (id),
    strategy_id     bigint not null,
    step_no         integer not null check (step_no > 0),
    day_offset      integer not null check (day_offset between -60 and 365),
    level           integer not null check (level between 0 and 9),
    action          text not null check (action in ('MAIL', 'LETTER', 'CALL_TASK', 'ESCALATION', 'CREDIT_HOLD')),
    template_key    text not null check (template_key ~ '^[a-z][a-z0-9_]{1,39}$'),
    needs_release   boolean not null default true,
    primary key (tenant_id, strategy_id, step_no),
    unique (tenant_id, strategy_id, day_offset),
    foreign key (tenant_id, strategy_id) references collection_strategy (tenant_id, id) on delete cascade
);
call isolate_by_tenant('collection_strategy_step');

-- Every contact and task: calls, mails, letters, notes, and the tasks the system makes.
create table collection_activity (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('collection_id_seq'),
    customer_account_id  bigint not null,
    kind                 text not null check (kind in ('CALL', 'MAIL', 'LETTER', 'NOTE', 'TASK')),
    contact              text check (length(contact) <= 200),
    outcome              text check (outcome in ('REACHED', 'LEFT_MESSAGE', 'REFUSED', 'PROMISED', 'DISPUTED',
                                                 'WRONG_CONTACT')),
    note                 text check (length(note) <= 4000),
    next_action_on       date,
    created_by           text not null,
    created_at           timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id) on delete cascade
);
create index collection_activity_account_idx on collection_activity (tenant_id, customer_account_id, created_at, id);
create index collection_activity_author_idx on collection_activity (tenant_id, created_by, created_at);
call isolate_by_tenant('collection_activity');

-- Promises to pay. PROPOSED is a customer's offer the collector has not yet accepted (or countered);
-- OPEN is one being watched; the rest are decided from the payments applied to its invoices.
create table promise_to_pay (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('collection_id_seq'),
    customer_account_id  bigint not null,
    currency             char(3) not null check (currency ~ '^[A-Z]{3}$'),
    amount               numeric(19, 2) not null check (amount > 0),
    promised_on          date not null,
    status               text not null default 'OPEN'
                         check (status in ('PROPOSED', 'OPEN', 'KEPT', 'PARTLY_KEPT', 'BROKEN', 'DECLINED')),
    paid_amount          numeric(19, 2) not null default 0 check (paid_amount >= 0),
    made_on              date not null,
    proposed_by_customer boolean not null default false,
    note                 text check (length(note) <= 2000),
    created_by           text not null,
    created_at           timestamptz not null default now(),
    decided_on           date,
    version              bigint not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id) on delete cascade
);
create index promise_account_idx on promise_to_pay (tenant_id, customer_account_id, status, promised_on);
create index promise_open_idx on promise_to_pay (tenant_id, promised_on, id) where status in ('OPEN', 'PROPOSED');
create index promise_decided_idx on promise_to_pay (tenant_id, decided_on) where decided_on is not null;
call isolate_by_tenant('promise_to_pay');

create table promise_invoice (
    tenant_id    text not null references tenant (id),
    promise_id   bigint not null,
    invoice_id   bigint not null,
    primary key (tenant_id, promise_id, invoice_id),
    foreign key (tenant_id, promise_id) references promise_to_pay (tenant_id, id) on delete cascade,
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id) on delete cascade
);
create index promise_invoice_invoice_idx on promise_invoice (tenant_id, invoice_id);
call isolate_by_tenant('promise_invoice');

-- One dunning run per tenant and day: the unique key makes a second run that day (or a run on a
-- second server at the same moment) find the first instead of making another.
create table dunning_run (
    tenant_id     text not null references tenant (id),
    id            bigint not null default nextval('collection_id_seq'),
    run_date      date not null,
    status        text not null default 'PROPOSED' check (status in ('PROPOSED', 'RELEASED')),
    created_by    text not null,
    created_at    timestamptz not null default now(),
    released_by   text,
    released_at   timestamptz,
    version       bigint not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, run_date),
    check ((status = 'RELEASED') = (released_at is not null))
);
create index dunning_run_date_idx on dunning_run (tenant_id, run_date desc, id desc);
call isolate_by_tenant('dunning_run');

-- A notice: one customer, one level, in one run. EXCLUDED notices are kept so the proposal says why.
create table dunning_notice (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('collection_id_seq'),
    run_id               bigint not null,
    customer_account_id  bigint not null,
    level                integer not null,
    strategy_id          bigint not null,
    step_no              integer not null,
    action               text not null,
    template_key         text not null,
    needs_release        boolean not null,
    language             text not null check (language in ('en', 'fr')),
    currency             char(3) not null,
    total                numeric(19, 2) not null check (total >= 0),
    status               text not null check (status in ('PROPOSED', 'EXCLUDED', 'SENT', 'DONE')),
    exclusion            text,
    recipient            text,
    sent_at              timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, run_id, customer_account_id, level),
    foreign key (tenant_id, run_id) references dunning_run (tenant_id, id) on delete cascade,
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id) on delete cascade,
    foreign key (tenant_id, strategy_id) references collection_strategy (tenant_id, id)
);
create index dunning_notice_account_idx on dunning_notice (tenant_id, customer_account_id, id);
call isolate_by_tenant('dunning_notice');

-- The invoices a notice lists, or leaves out with the reason. An invoice reaches each level once:
-- the partial unique key is the notice key that keeps a later run from chasing it again.
create table dunning_notice_invoice (
    tenant_id      text not null references tenant (id),
    notice_id      bigint not null,
    invoice_id     bigint not null,
    level          integer not null,
    amount         numeric(19, 2) not null,
    days_overdue   integer not null,
    exclusion      text check (exclusion in ('DISPUTED', 'PROMISED', 'ON_HOLD')),
    primary key (tenant_id, notice_id, invoice_id),
    foreign key (tenant_id, notice_id) references dunning_notice (tenant_id, id) on delete cascade,
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id) on delete cascade
);
create unique index dunning_notice_invoice_level_key on dunning_notice_invoice (tenant_id, invoice_id, level)
    where exclusion is null;
call isolate_by_tenant('dunning_notice_invoice');

-- The outbox carries a notice's PDF letter. Mail without an attachment is unchanged.
alter table mail_outbox add column attachment_name text;
alter table mail_outbox add column attachment_type text;
alter table mail_outbox add column attachment bytea;
