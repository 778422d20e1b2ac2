-- Governance: the issue log (issues, risks, actions, decisions) with history, comments and links,
-- the escalation matrix, meetings with attendees and minutes, saved views of the log, and the
-- root-cause loop that proposes an action when a dispute reason recurs beyond a threshold.

-- increment 1: rows are inserted by SQL one at a time (no JPA id blocks), and entry numbers (G-<id>) are read
create sequence governance_id_seq;          -- entries and meetings
create sequence governance_child_id_seq;    -- events, comments, attendees, views
grant usage, select on sequence governance_id_seq, governance_child_id_seq to ${appRole};

-- Per-tenant settings: the dispute count per reason and month beyond which an action is proposed.
create table governance_settings (
    tenant_id             text primary key references tenant (id),
    root_cause_threshold  integer not null default 5 check (root_cause_threshold between 1 and 10000),
    version               bigint not null default 0
);
call isolate_by_tenant('governance_settings');

-- The escalation matrix: an entry overdue by at least days_overdue rises to that level.
create table governance_escalation_level (
    tenant_id      text not null references tenant (id),
    level          integer not null check (level between 1 and 9),
    role           text not null check (length(btrim(role)) between 1 and 100),
    contact_name   text check (contact_name is null or length(contact_name) <= 100),
    contact_email  text check (contact_email is null or contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    days_overdue   integer not null check (days_overdue between 0 and 365),
    primary key (tenant_id, level),
    unique (tenant_id, days_overdue)
);
call isolate_by_tenant('governance_escalation_level');

create table governance_meeting (
    tenant_id     text not null references tenant (id),
    id            bigint not null default nextval('governance_id_seq'),
    type          text not null check (type in ('WEEKLY_OPERATIONS', 'MONTHLY_SERVICE_REVIEW', 'QUARTERLY_BUSINESS_REVIEW')),
    title         text not null check (length(btrim(title)) between 1 and 200),
    held_on       date not null,
    minutes       text not null default '',
    created_by    text not null,
    created_at    timestamptz not null default now(),
    version       bigint not null default 0,
    primary key (tenant_id, id)
);
create index governance_meeting_held_idx on governance_meeting (tenant_id, held_on, id);
call isolate_by_tenant('governance_meeting');

create table governance_attendee (
    tenant_id     text not null references tenant (id),
    id            bigint not null default nextval('governance_child_id_seq'),
    meeting_id    bigint not null,
    name          text not null check (length(btrim(name)) between 1 and 200),
    organisation  text not null check (organisation in ('BPO', 'CLIENT')),
    primary key (tenant_id, id),
    foreign key (tenant_id, meeting_id) references governance_meeting (tenant_id, id) on delete cascade
);
create index governance_attendee_meeting_idx on governance_attendee (tenant_id, meeting_id, id);
call isolate_by_tenant('governance_attendee');

create table governance_entry (
    tenant_id         text not null references tenant (id),
    id                bigint not null default nextval('governance_id_seq'),
    type              text not null check (type in ('ISSUE', 'RISK', 'ACTION', 'DECISION')),
    title             text not null check (length(btrim(title)) between 1 and 200),
    description       text not null default '',
    process_area      text not null check (process_area in ('ORDER_MANAGEMENT', 'BILLING', 'CREDIT', 'COLLECTIONS',
                                           'CASH_APPLICATION', 'DISPUTES', 'REPORTING', 'COMPLIANCE')),
    priority          text not null check (priority in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    likelihood        integer check (likelihood between 1 and 5),
    impact            integer check (impact between 1 and 5),
    owner             text,
    due_date          date,
    status            text not null default 'OPEN'
                      check (status in ('OPEN', 'IN_PROGRESS', 'ESCALATED', 'RESOLVED', 'CLOSED')),
    escalation_level  integer not null default 0 check (escalation_level >= 0),
    proposed          boolean not null default false,
    root_cause_key    text,
    meeting_id        bigint,
    created_by        text not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           bigint not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, meeting_id) references governance_meeting (tenant_id, id) on delete set null (meeting_id),
    -- a risk has its likelihood and impact; other entries have neither
    check ((type = 'RISK') = (likelihood is not null and impact is not null)),
    check (type = 'RISK' or (likelihood is null and impact is null)),
    -- one proposal per dispute reason and month, whatever runs the loop and how often
    unique (tenant_id, root_cause_key)
);
-- keyset orders of the log, each ending in id
create index governance_entry_due_idx on governance_entry (tenant_id, due_date, id);
create index governance_entry_updated_idx on governance_entry (tenant_id, updated_at, id);
create index governance_entry_open_idx on governance_entry (tenant_id, status, due_date, id)
    where status in ('OPEN', 'IN_PROGRESS', 'ESCALATED');
create index governance_entry_owner_idx on governance_entry (tenant_id, owner, id);
create index governance_entry_meeting_idx on governance_entry (tenant_id, meeting_id, id);
call isolate_by_tenant('governance_entry');

-- Every change, who and when, with the value before and after. Append-only for the application.
create table governance_event (
    tenant_id    text not null references tenant (id),
    id           bigint not null default nextval('governance_child_id_seq'),
    entry_id     bigint not null,
    at           timestamptz not null default clock_timestamp(),
    actor        text not null,
    action       text not null,
    field        text,
    before       text,
    after        text,
    note         text,
    primary key (tenant_id, id),
    foreign key (tenant_id, entry_id) references governance_entry (tenant_id, id) on delete cascade
);
create index governance_event_entry_idx on governance_event (tenant_id, entry_id, at, id);
call isolate_by_tenant('governance_event');

create table governance_comment (
    tenant_id    text not null references tenant (id),
    id           bigint not null default nextval('governance_child_id_seq'),
    entry_id     bigint not null,
    author       text not null,
    body         text not null check (length(btrim(body)) between 1 and 8000),
    at           timestamptz not null default clock_timestamp(),
    primary key (tenant_id, id),
    foreign key (tenant_id, entry_id) references governance_entry (tenant_id, id) on delete cascade
);
create index governance_comment_entry_idx on governance_comment (tenant_id, entry_id, at, id);
call isolate_by_tenant('governance_comment');

-- Links to invoices, disputes, procedures and other entries, by the target's id in the same tenant.
create table governance_link (
    tenant_id    text not null references tenant (id),
    entry_id     bigint not null,
    kind         text not null check (kind in ('INVOICE', 'DISPUTE', 'PROCEDURE', 'ENTRY')),
    target_id    bigint not null,
    created_by   text not null,
    created_at   timestamptz not null default now(),
    primary key (tenant_id, entry_id, kind, target_id),
    foreign key (tenant_id, entry_id) references governance_entry (tenant_id, id) on delete cascade
);
create index governance_link_target_idx on governance_link (tenant_id, kind, target_id);
call isolate_by_tenant('governance_link');

-- A user's named filters of the log.
create table governance_saved_view (
    tenant_id    text not null references tenant (id),
    id           bigint not null default nextval('governance_child_id_seq'),
    username     text not null,
    name         text not null check (length(btrim(name)) between 1 and 60),
    filter       text not null,
    primary key (tenant_id, id),
    unique (tenant_id, username, name)
);
call isolate_by_tenant('governance_saved_view');

-- Every tenant gets the standard matrix and settings: those that exist now, and each new one by the trigger.
create function governance_defaults(tenant text) returns void
language plpgsql
as $$
declare previous text := current_setting('app.tenant_id', true);
begin
    perform set_config('app.tenant_id', tenant, true);
    insert into governance_settings (tenant_id) values (tenant) on conflict do nothing;
    insert into governance_escalation_level (tenant_id, level, role, days_overdue)
    values (tenant, 1, 'BPO team lead', 1), (tenant, 2, 'BPO service delivery manager', 5),
           (tenant, 3, 'Client executive sponsor', 10)
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
    perform governance_defaults(new.id);
    return new;
end
$$;

select governance_defaults(id) from tenant;
