-- Credit management and four-eyes approvals (issue 19).
-- The credit feature keeps its own limit per account (credit_profile); customer_account.credit_limit
-- stays the invoice feature's imported figure and is only the starting value of a new profile.
create sequence credit_id_seq increment by 50;
create sequence approval_id_seq increment by 50;
grant usage, select on sequence credit_id_seq, approval_id_seq to ${appRole};

-- Approvals: one generic maker/checker record for every money or limit decision. The maker is
-- copied into each decision and tied to the approval by a foreign key, so that a CHECK can refuse a
-- decision by the maker without a trigger: the database, not only the service, enforces four eyes.
create table approval (
    tenant_id           text not null references tenant (id),
    id                  bigint not null default nextval('approval_id_seq'),
    kind                text not null check (kind in ('WRITE_OFF', 'CREDIT_NOTE', 'REFUND', 'PAYMENT_REVERSAL',
                                                      'ON_ACCOUNT', 'CREDIT_LIMIT')),
    maker               text not null check (length(btrim(maker)) > 0),
    amount              numeric(19, 2) not null check (amount >= 0),
    currency            char(3) not null check (currency ~ '^[A-Z]{3}$'),
    customer_account_id bigint,
    payload_ref         text not null check (payload_ref ~ '^[a-z-]+:[0-9]+$'),   -- e.g. dispute:42, refund:7
    payload             text,                                                    -- what to apply, as JSON
    reason              text not null check (length(btrim(reason)) > 0),
    approvers_required  integer not null check (approvers_required between 1 and 3),
    approver_roles      text[] not null,
    status              text not null default 'PENDING'
                          check (status in ('PENDING', 'APPROVED', 'REFUSED', 'APPLIED')),
    created_at          timestamptz not null default now(),
    decided_at          timestamptz,
    version             bigint not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, id, maker),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id)
);
create index approval_status_idx on approval (tenant_id, status, id);
create index approval_maker_idx on approval (tenant_id, maker, id);
create index approval_payload_idx on approval (tenant_id, payload_ref, status);
-- at most one open approval per thing to apply
create unique index approval_one_open_idx on approval (tenant_id, payload_ref) where status in ('PENDING', 'APPROVED');
call isolate_by_tenant('approval');

create table approval_decision (
    tenant_id    text not null references tenant (id),
    approval_id  bigint not null,
    maker        text not null,
    approver     text not null check (length(btrim(approver)) > 0),
    approver_role text not null,
    decision     text not null check (decision in ('APPROVE', 'REFUSE')),
    note         text,
    decided_at   timestamptz not null default now(),
    primary key (tenant_id, approval_id, approver),
    foreign key (tenant_id, approval_id, maker) references approval (tenant_id, id, maker),
    constraint approval_decision_not_by_maker check (approver <> maker)
);
call isolate_by_tenant('approval_decision');
-- decisions are evidence: never edited, never removed by the application
revoke update, delete on approval_decision from ${appRole};

-- The authority matrix: per tenant and kind, bands of amount. A band holds amounts up to up_to
-- (null: no upper bound) and says how many approvers it needs (0: none) and which roles may approve.
create table authority_band (
    tenant_id    text not null references tenant (id),
    kind         text not null check (kind in ('WRITE_OFF', 'CREDIT_NOTE', 'REFUND', 'PAYMENT_REVERSAL',
                                               'ON_ACCOUNT', 'CREDIT_LIMIT')),
    band_no      integer not null check (band_no between 1 and 9),
    up_to        numeric(19, 2) check (up_to >= 0),
    approvers    integer not null check (approvers between 0 and 3),
    roles        text[] not null,
    version      bigint not null default 0,
    primary key (tenant_id, kind, band_no),
    check (approvers = 0 or cardinality(roles) > 0)
);
call isolate_by_tenant('authority_band');

-- A tenant without rows here works under AuthorityMatrix.defaults (the service's code).

-- The credit profile of an account: the limit in force, its risk class and review dates.
create table credit_profile (
    tenant_id            text not null references tenant (id),
    customer_account_id  bigint not null,
    credit_limit         numeric(19, 2) not null check (credit_limit >= 0),
    risk_class           text not null default 'MEDIUM' check (risk_class in ('LOW', 'MEDIUM', 'HIGH')),
    last_reviewed_on     date,
    next_review_on       date not null,
    version              bigint not null default 0,
    primary key (tenant_id, customer_account_id),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id)
);
create index credit_profile_review_idx on credit_profile (tenant_id, next_review_on, customer_account_id);
call isolate_by_tenant('credit_profile');

create table credit_limit_request (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('credit_id_seq'),
    customer_account_id  bigint not null,
    raised_by            text not null,
    raised_role          text not null,
    reason               text not null check (length(btrim(reason)) > 0),
    current_limit        numeric(19, 2) not null check (current_limit >= 0),
    requested_limit      numeric(19, 2) not null check (requested_limit >= 0),
    status               text not null default 'REQUESTED' check (status in ('REQUESTED', 'APPROVED', 'REFUSED')),
    approval_id          bigint,
    raised_at            timestamptz not null default now(),
    decided_at           timestamptz,
    version              bigint not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id),
    foreign key (tenant_id, approval_id) references approval (tenant_id, id)
);
create index credit_limit_request_status_idx on credit_limit_request (tenant_id, status, id);
create index credit_limit_request_account_idx on credit_limit_request (tenant_id, customer_account_id, id);
call isolate_by_tenant('credit_limit_request');

-- Limit history: every change of the limit in force, with why and on whose word.
create table credit_limit_change (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('credit_id_seq'),
    customer_account_id  bigint not null,
    old_limit            numeric(19, 2),
    new_limit            numeric(19, 2) not null,
    limit_request_id     bigint,
    changed_by           text not null,
    reason               text not null,
    changed_at           timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id),
    foreign key (tenant_id, limit_request_id) references credit_limit_request (tenant_id, id)
);
create index credit_limit_change_account_idx on credit_limit_change (tenant_id, customer_account_id, id);
call isolate_by_tenant('credit_limit_change');

create table credit_review (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('credit_id_seq'),
    customer_account_id  bigint not null,
    reviewed_by          text not null,
    reviewed_on          date not null,
    risk_class           text not null check (risk_class in ('LOW', 'MEDIUM', 'HIGH')),
    note                 text not null check (length(btrim(note)) > 0),
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id)
);
create index credit_review_account_idx on credit_review (tenant_id, customer_account_id, id);
call isolate_by_tenant('credit_review');

-- Holds: set and released with a reason; at most one active hold per account.
create table credit_hold (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('credit_id_seq'),
    customer_account_id  bigint not null,
    reason               text not null check (length(btrim(reason)) > 0),
    set_by               text not null,
    set_at               timestamptz not null default now(),
    released_by          text,
    released_at          timestamptz,
    release_reason       text,
    version              bigint not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id),
    check ((released_at is null) = (released_by is null)
           and (released_at is null or length(btrim(coalesce(release_reason, ''))) > 0))
);
create unique index credit_hold_active_idx on credit_hold (tenant_id, customer_account_id) where released_at is null;
create index credit_hold_account_idx on credit_hold (tenant_id, customer_account_id, id);
call isolate_by_tenant('credit_hold');

-- Refunds of unapplied credit to the payee's bank account, after four eyes.
create table refund (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('credit_id_seq'),
    customer_account_id  bigint not null,
    amount               numeric(19, 2) not null check (amount > 0),
    currency             char(3) not null check (currency ~ '^[A-Z]{3}$'),
    payee_name           text not null check (length(btrim(payee_name)) between 1 and 140),
    iban                 text not null check (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
    reason               text not null check (length(btrim(reason)) > 0),
    requested_by         text not null,
    status               text not null default 'REQUESTED' check (status in ('REQUESTED', 'APPROVED', 'REFUSED')),
    approval_id          bigint,
    requested_at         timestamptz not null default now(),
    version              bigint not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id),
    foreign key (tenant_id, approval_id) references approval (tenant_id, id)
);
create index refund_account_idx on refund (tenant_id, customer_account_id, id);
call isolate_by_tenant('refund');

-- The client's own bank account that refunds are paid from (the debtor of the pain.001 file).
create table credit_settings (
    tenant_id     text not null references tenant (id),
    debtor_name   text not null check (length(btrim(debtor_name)) between 1 and 70),
    debtor_iban   text not null check (debtor_iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
    debtor_bic    text check (debtor_bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'),
    version       bigint not null default 0,
    primary key (tenant_id)
);
call isolate_by_tenant('credit_settings');
