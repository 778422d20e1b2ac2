-- Desk-top procedures: a library per tenant by process area, versions in Markdown that move through
-- draft, review, approval and effect, periodic reviews, read-and-acknowledge records, and full-text search.

-- btree_gist lets one exclusion constraint say "no two versions of a procedure in force on the same day"
-- (equality on the ids, overlap on the date ranges). It is a trusted extension: the database owner may create it.
create extension if not exists btree_gist;

create sequence procedure_id_seq increment by 50;
create sequence procedure_child_id_seq increment by 50;   -- versions, events, attachments, reviews
grant usage, select on sequence procedure_id_seq, procedure_child_id_seq to ${appRole};

create table procedure (
    tenant_id                 text not null references tenant (id),
    id                        bigint not null default nextval('procedure_id_seq'),
    title                     text not null check (length(btrim(title)) between 1 and 200),
    process_area              text not null check (process_area in ('ORDER_MANAGEMENT', 'BILLING', 'CREDIT',
                                  'COLLECTIONS', 'CASH_APPLICATION', 'DISPUTES', 'REPORTING', 'COMPLIANCE')),
    owner                     text not null,
    review_interval_months    integer not null default 12 check (review_interval_months between 1 and 60),
    client_approval_required  boolean not null default true,
    next_review_on            date,
    reminded_due_for          date,     -- the review date a "due soon" reminder went out for
    reminded_overdue_for      date,     -- the review date an "overdue" reminder went out for
    created_at                timestamptz not null default now(),
    version                   bigint not null default 0,
    -- what search reads: the plain text of the version in force (or of the newest one while none is)
    search_config             regconfig not null default 'english',
    search_text               text not null default '',
    search                    tsvector generated always as (
                                  setweight(to_tsvector(search_config, title), 'A')
                                  || setweight(to_tsvector(search_config, search_text), 'B')) stored,
    primary key (tenant_id, id),
    unique (tenant_id, title),
    foreign key (tenant_id, owner) references tenant_staff (tenant_id, username)
);
create index procedure_area_idx on procedure (tenant_id, process_area, title, id);
create index procedure_review_idx on procedure (tenant_id, next_review_on, id) where next_review_on is not null;
create index procedure_search_idx on procedure using gin (search);
call isolate_by_tenant('procedure');

create table procedure_version (
    tenant_id        text not null references tenant (id),
    id               bigint not null default nextval('procedure_child_id_seq'),
    procedure_id     bigint not null,
    number           integer not null check (number > 0),
    status           text not null default 'DRAFT'
                     check (status in ('DRAFT', 'IN_REVIEW', 'APPROVED', 'EFFECTIVE', 'SUPERSEDED', 'RETIRED')),
    content          text not null default '' check (length(content) <= 200000),
    change_note      text,
    author           text not null,
    created_at       timestamptz not null default now(),
    approved_by      text,
    approved_at      timestamptz,
    effective_from   date,
    effective_to     date,     -- exclusive: the day the next version took over, or the version was retired
    version          bigint not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, procedure_id, number),
    foreign key (tenant_id, procedure_id) references procedure (tenant_id, id) on delete cascade,
    check ((status in ('EFFECTIVE', 'SUPERSEDED', 'RETIRED')) = (effective_from is not null)),
    check ((status in ('SUPERSEDED', 'RETIRED')) = (effective_to is not null)),
    check (effective_to is null or effective_to >= effective_from),
    check ((status in ('APPROVED', 'EFFECTIVE', 'SUPERSEDED', 'RETIRED')) = (approved_at is not null)),
    -- one version in force per procedure, at any moment and on any date
    exclude using gist (tenant_id with =, procedure_id with =, daterange(effective_from, effective_to) with &&)
        where (effective_from is not null and (effective_to is null or effective_to > effective_from))
);
create unique index procedure_version_one_effective on procedure_version (tenant_id, procedure_id)
    where status = 'EFFECTIVE';
-- one version in the making (draft, in review or approved) per procedure
create unique index procedure_version_one_open on procedure_version (tenant_id, procedure_id)
    where status in ('DRAFT', 'IN_REVIEW', 'APPROVED');
create index procedure_version_effective_idx on procedure_version (tenant_id, procedure_id, effective_from)
    where effective_from is not null;
call isolate_by_tenant('procedure_version');

create table procedure_attachment (
    tenant_id     text not null references tenant (id),
    id            bigint not null default nextval('procedure_child_id_seq'),
    version_id    bigint not null,
    file_name     text not null,
    media_type    text not null check (media_type in ('application/pdf',
                      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
    size_bytes    integer not null check (size_bytes > 0),
    sha256        char(64) not null,
    content       bytea not null,
    uploaded_by   text not null,
    at            timestamptz not null default clock_timestamp(),
    primary key (tenant_id, id),
    foreign key (tenant_id, version_id) references procedure_version (tenant_id, id) on delete cascade
);
create index procedure_attachment_version_idx on procedure_attachment (tenant_id, version_id, id);
call isolate_by_tenant('procedure_attachment');

-- Who read which version in force, and when. Append-only for the application.
create table procedure_acknowledgement (
    tenant_id        text not null references tenant (id),
    version_id       bigint not null,
    username         text not null,
    acknowledged_at  timestamptz not null default clock_timestamp(),
    primary key (tenant_id, version_id, username),
    foreign key (tenant_id, version_id) references procedure_version (tenant_id, id) on delete cascade
);
call isolate_by_tenant('procedure_acknowledgement');

-- Periodic reviews: the version was confirmed as it stands, or a new draft was opened from it.
create table procedure_review (
    tenant_id      text not null references tenant (id),
    id             bigint not null default nextval('procedure_child_id_seq'),
    procedure_id   bigint not null,
    version_id     bigint,
    outcome        text not null check (outcome in ('CONFIRMED', 'NEW_DRAFT')),
    reviewed_by    text not null,
    reviewed_at    timestamptz not null default clock_timestamp(),
    due_on         date,
    comment        text,
    primary key (tenant_id, id),
    foreign key (tenant_id, procedure_id) references procedure (tenant_id, id) on delete cascade
);
create index procedure_review_procedure_idx on procedure_review (tenant_id, procedure_id, reviewed_at, id);
call isolate_by_tenant('procedure_review');

-- The history of every change: who, when, which version, from which state to which, and why.
create table procedure_event (
    tenant_id     text not null references tenant (id),
    id            bigint not null default nextval('procedure_child_id_seq'),
    procedure_id  bigint not null,
    version_id    bigint,
    at            timestamptz not null default clock_timestamp(),
    actor         text not null,
    action        text not null,
    from_status   text,
    to_status     text,
    note          text,
    primary key (tenant_id, id),
    foreign key (tenant_id, procedure_id) references procedure (tenant_id, id) on delete cascade
);
create index procedure_event_procedure_idx on procedure_event (tenant_id, procedure_id, at, id);
call isolate_by_tenant('procedure_event');

-- records are history: the application adds to them and never rewrites them
revoke update, delete on procedure_acknowledgement, procedure_review, procedure_event from ${appRole};
