-- Outgoing webhooks (package webhook, docs/WEBHOOKS.md): a tenant's endpoints and the events each
-- wants, an outbox of events written in the transaction of the change, one delivery per endpoint and
-- event, and the log of every attempt.

-- A tenant for testing (the demo tenants, a tenant an integration test uses): its webhooks may go to
-- plain http and to loopback or private addresses. A platform setting: no API or screen of the portal
-- writes it (the Tenant entity maps it read-only); the operator sets it in SQL as the schema owner.
alter table tenant add column test_mode boolean not null default false;

create sequence webhook_id_seq;
grant usage, select on sequence webhook_id_seq to ${appRole};

create table webhook_endpoint (
    tenant_id          text not null references tenant (id),
    id                 bigint not null default nextval('webhook_id_seq'),
    url                text not null check (length(url) between 10 and 2000),
    description        text check (length(description) <= 200),
    events             text[] not null check (cardinality(events) between 1 and 20),
    enabled            boolean not null default true,
    created_by         text not null,
    created_at         timestamptz not null default now(),
    secret_rotated_at  timestamptz,
    version            bigint not null default 0,
    primary key (tenant_id, id)
);
call isolate_by_tenant('webhook_endpoint');

-- The signing secrets of an endpoint: the current one (expires_at null) and, after a rotation, the
-- previous one until its grace period ends; both sign meanwhile. Apart from the endpoint so that the
-- audit trail, which copies every audited row, never holds a secret (the endpoint's secret_rotated_at
-- records that a rotation happened).
create table webhook_secret (
    tenant_id    text not null references tenant (id),
    id           bigint not null default nextval('webhook_id_seq'),
    endpoint_id  bigint not null,
    secret       text not null check (length(secret) between 32 and 200),
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, endpoint_id) references webhook_endpoint (tenant_id, id) on delete cascade
);
create index webhook_secret_endpoint_idx on webhook_secret (tenant_id, endpoint_id);
call isolate_by_tenant('webhook_secret');
drop trigger audit_row_change on webhook_secret;

-- The outbox: what happened, in the transaction of the change (only when an endpoint wants it).
create table webhook_event (
    tenant_id    text not null references tenant (id),
    id           bigint not null default nextval('webhook_id_seq'),
    type         text not null check (type ~ '^[a-z_]+\.[a-z_]+$'),
    data         jsonb not null,
    occurred_at  timestamptz not null default now(),
    primary key (tenant_id, id)
);
call isolate_by_tenant('webhook_event');

-- One event to one endpoint: where it stands, and when it is tried next.
create table webhook_delivery (
    tenant_id         text not null references tenant (id),
    id                bigint not null default nextval('webhook_id_seq'),
    endpoint_id       bigint not null,
    event_id          bigint not null,
    status            text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts          integer not null default 0,
    next_attempt_at   timestamptz default now(),
    last_status_code  integer,
    last_error        text,
    delivered_at      timestamptz,
    redelivery_of     bigint,
    created_at        timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, endpoint_id) references webhook_endpoint (tenant_id, id) on delete cascade,
    foreign key (tenant_id, event_id) references webhook_event (tenant_id, id)
);
-- what is due (the delivery job); the log, newest first, whole or per endpoint
create index webhook_delivery_due_idx on webhook_delivery (tenant_id, next_attempt_at) where status = 'PENDING';
create index webhook_delivery_endpoint_idx on webhook_delivery (tenant_id, endpoint_id, id);
call isolate_by_tenant('webhook_delivery');

-- Every attempt: its answer (the first 1,000 characters), or why there was none.
create table webhook_attempt (
    tenant_id         text not null references tenant (id),
    id                bigint not null default nextval('webhook_id_seq'),
    delivery_id       bigint not null,
    attempt           integer not null check (attempt > 0),
    started_at        timestamptz not null,
    duration_ms       integer not null,
    status_code       integer,
    response_excerpt  text check (length(response_excerpt) <= 1000),
    error             text check (length(error) <= 500),
    primary key (tenant_id, id),
    foreign key (tenant_id, delivery_id) references webhook_delivery (tenant_id, id) on delete cascade
);
create index webhook_attempt_delivery_idx on webhook_attempt (tenant_id, delivery_id, attempt);
call isolate_by_tenant('webhook_attempt');

-- A delivery queue, like the mail outbox: its rows are not business changes (the change that wrote an
-- event is audited, and so are the endpoints); auditing every attempt would only copy the log.
drop trigger audit_row_change on webhook_event;
drop trigger audit_row_change on webhook_delivery;
drop trigger audit_row_change on webhook_attempt;
