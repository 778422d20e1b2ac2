-- Each upload of a file, kept whether it was applied or rejected: what came in (checksum), by whom,
-- what it did, and the first rows' errors for the downloadable report.
create sequence import_run_id_seq increment by 50;
grant usage, select on sequence import_run_id_seq to ${appRole};

create table import_run (
    tenant_id     text not null references tenant (id),
    id            bigint not null default nextval('import_run_id_seq'),
    kind          text not null check (kind in ('INVOICES')),
    file_name     text,
    sha256        text not null,
    outcome       text not null check (outcome in ('APPLIED', 'REJECTED')),
    data_rows     bigint not null,
    created       bigint not null,
    unchanged     bigint not null,
    error_count   bigint not null,
    errors        jsonb not null default '[]',
    created_by    text not null,
    created_at    timestamptz not null default now(),
    primary key (tenant_id, id)
);
create index import_run_recent_idx on import_run (tenant_id, created_at desc, id desc);
call isolate_by_tenant('import_run');
