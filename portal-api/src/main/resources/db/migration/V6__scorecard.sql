-- SLA scorecards: the tenant's KPI definitions (versioned), a stored snapshot per month with each
-- KPI's actual, target and RAG, the publish / comment / sign-off workflow, and service credits.

-- The commercial side of the SLA: how much of the BPO's fee is at risk each month, and the cap.
create table sla_contract (
    tenant_id        text primary key references tenant (id),
    currency         char(3) not null check (currency ~ '^[A-Z]{3}$'),
    amount_at_risk   numeric(19, 2) not null default 0 check (amount_at_risk >= 0),
    credit_cap       numeric(19, 2) not null default 0 check (credit_cap >= 0),
    version          bigint not null default 0
);
call isolate_by_tenant('sla_contract');

-- One row per version of a KPI's definition. An edit adds a version; a scorecard keeps the version
-- it was scored under, so a past month reads as it was agreed.
create table kpi_definition (
    tenant_id      text not null references tenant (id),
    code           text not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    version        integer not null check (version > 0),
    name           text not null check (length(btrim(name)) > 0),
    unit           text not null check (unit in ('DAYS', 'PERCENT', 'NUMBER')),
    direction      text not null check (direction in ('HIGHER', 'LOWER')),
    target         numeric(12, 2) not null,
    warning        numeric(12, 2) not null check (warning >= 0),   -- width of the amber band beyond the target
    weight         numeric(6, 2) not null check (weight >= 0),
    at_risk_pct    numeric(5, 2) not null default 0 check (at_risk_pct between 0 and 100),
    computed       boolean not null,
    active         boolean not null default true,
    changed_by     text not null,
    changed_at     timestamptz not null default now(),
    primary key (tenant_id, code, version)
);
call isolate_by_tenant('kpi_definition');

create table scorecard (
    tenant_id       text not null references tenant (id),
    period          char(7) not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    status          text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'SIGNED_OFF')),
    overall_score   numeric(5, 1),
    computed_at     timestamptz not null,
    published_at    timestamptz,
    published_by    text,
    signed_off_at   timestamptz,
    signed_off_by   text,
    version         bigint not null default 0,
    primary key (tenant_id, period)
);
call isolate_by_tenant('scorecard');

create table scorecard_kpi (
    tenant_id       text not null references tenant (id),
    period          char(7) not null,
    code            text not null,
    def_version     integer not null,
    actual          numeric(14, 2),
    rag             text not null check (rag in ('GREEN', 'AMBER', 'RED', 'NONE')),
    evidence        text,
    entered_by      text,
    review          text not null default 'OPEN' check (review in ('OPEN', 'DISPUTED', 'ANSWERED')),
    primary key (tenant_id, period, code),
    foreign key (tenant_id, period) references scorecard (tenant_id, period) on delete cascade,
    foreign key (tenant_id, code, def_version) references kpi_definition (tenant_id, code, version)
);
call isolate_by_tenant('scorecard_kpi');

create sequence scorecard_child_id_seq increment by 50;
grant usage, select on sequence scorecard_child_id_seq to ${appRole};

-- Comments per KPI (or on the whole scorecard when code is null), disputes of a KPI and answers.
create table scorecard_comment (
    tenant_id   text not null references tenant (id),
    id          bigint not null default nextval('scorecard_child_id_seq'),
    period      char(7) not null,
    code        text,
    kind        text not null check (kind in ('COMMENT', 'DISPUTE', 'ANSWER')),
    author      text not null,
    body        text not null check (length(btrim(body)) > 0),
    at          timestamptz not null default clock_timestamp(),
    primary key (tenant_id, id),
    foreign key (tenant_id, period) references scorecard (tenant_id, period) on delete cascade
);
create index scorecard_comment_period_idx on scorecard_comment (tenant_id, period, at, id);
call isolate_by_tenant('scorecard_comment');

-- The history: every compute, manual value, publication, dispute, answer and sign-off.
create table scorecard_event (
    tenant_id   text not null references tenant (id),
    id          bigint not null default nextval('scorecard_child_id_seq'),
    period      char(7) not null,
    at          timestamptz not null default clock_timestamp(),
    actor       text not null,
    action      text not null,
    note        text,
    primary key (tenant_id, id),
    foreign key (tenant_id, period) references scorecard (tenant_id, period) on delete cascade
);
create index scorecard_event_period_idx on scorecard_event (tenant_id, period, at, id);
call isolate_by_tenant('scorecard_event');

-- Service credits earned by red KPIs of a signed-off month, for the client's next BPO invoice.
create table service_credit (
    tenant_id   text not null references tenant (id),
    period      char(7) not null,
    code        text not null,
    currency    char(3) not null,
    amount      numeric(19, 2) not null check (amount >= 0),
    primary key (tenant_id, period, code),
    foreign key (tenant_id, period) references scorecard (tenant_id, period) on delete cascade
);
call isolate_by_tenant('service_credit');

-- The KPIs' as-of-date receivables read payments and credit notes after a date.
create index payment_received_idx on payment (tenant_id, received_on);
create index credit_note_issued_idx on credit_note (tenant_id, issued_on);

-- Every tenant gets the standard SLA contract, now and when created (the trigger of V5 is extended).
create function kpi_defaults(tenant text) returns void
language plpgsql
as $$
declare previous text := current_setting('app.tenant_id', true);
begin
    perform set_config('app.tenant_id', tenant, true);
    insert into kpi_definition (tenant_id, code, version, name, unit, direction, target, warning, weight,
                                at_risk_pct, computed, changed_by)
    values (tenant, 'DSO', 1, 'Days sales outstanding', 'DAYS', 'LOWER', 45, 10, 20, 20, true, 'system'),
           (tenant, 'DSO_COUNTBACK', 1, 'DSO (countback)', 'DAYS', 'LOWER', 45, 10, 0, 0, true, 'system'),
           (tenant, 'BEST_DSO', 1, 'Best possible DSO', 'DAYS', 'LOWER', 30, 10, 0, 0, true, 'system'),
           (tenant, 'CEI', 1, 'Collection effectiveness index', 'PERCENT', 'HIGHER', 80, 10, 20, 20, true, 'system'),
           (tenant, 'ADD', 1, 'Average days delinquent', 'DAYS', 'LOWER', 15, 10, 10, 10, true, 'system'),
           (tenant, 'PCT_CURRENT', 1, 'Receivables current', 'PERCENT', 'HIGHER', 70, 10, 10, 0, true, 'system'),
           (tenant, 'PCT_OVER_90', 1, 'Receivables over 90 days', 'PERCENT', 'LOWER', 10, 5, 10, 10, true, 'system'),
           (tenant, 'DISPUTE_CYCLE_MEAN', 1, 'Dispute cycle time (mean)', 'DAYS', 'LOWER', 10, 5, 5, 0, true, 'system'),
           (tenant, 'DISPUTE_CYCLE_P90', 1, 'Dispute cycle time (90th percentile)', 'DAYS', 'LOWER', 20, 10, 0, 0, true, 'system'),
           (tenant, 'DISPUTE_RESPONSE_SLA', 1, 'Disputes answered within SLA', 'PERCENT', 'HIGHER', 95, 5, 5, 10, true, 'system'),
           (tenant, 'DISPUTE_RESOLUTION_SLA', 1, 'Disputes resolved within SLA', 'PERCENT', 'HIGHER', 90, 5, 5, 10, true, 'system'),
           (tenant, 'INVOICE_ACCURACY', 1, 'Invoice accuracy', 'PERCENT', 'HIGHER', 98, 1, 10, 20, true, 'system'),
           (tenant, 'CSAT', 1, 'Customer satisfaction score', 'NUMBER', 'HIGHER', 4, 0.5, 5, 0, false, 'system')
    on conflict do nothing;
    insert into sla_contract (tenant_id, currency, amount_at_risk, credit_cap)
    select tenant, t.currency, 10000, 8000 from tenant t where t.id = tenant
    on conflict do nothing;
    perform set_config('app.tenant_id', coalesce(previous, ''), true);
end
$$;

create or replace function tenant_defaults() returns trigger
language plpgsql
as $$
begin
    perform dispute_reason_defaults(new.id);
    perform kpi_defaults(new.id);
    return new;
end
$$;

select kpi_defaults(id) from tenant;
