-- Imports that sync (docs/IMPORT.md): an import updates what the client changed, so its run counts what it
-- updated and what it refused beside what it created and left unchanged.
alter table import_run add column updated bigint not null default 0;
alter table import_run add column refused bigint not null default 0;

-- The Idempotency-Key of a connector's bulk upload, kept 24 hours per tenant: the SHA-256 of the body it
-- came with and the run that answered it (null while that upload is running), so that the same key with
-- the same body answers that run again and the same key with another body is refused.
create table import_idempotency_key (
    tenant_id       text not null references tenant (id),
    idempotency_key text not null check (length(idempotency_key) between 1 and 200),
    kind            text not null check (kind in ('INVOICES', 'CUSTOMERS', 'PAYMENTS')),
    request_sha256  text not null,
    import_run_id   bigint,
    created_at      timestamptz not null default now(),
    primary key (tenant_id, idempotency_key),
    foreign key (tenant_id, import_run_id) references import_run (tenant_id, id)
);
create index import_idempotency_key_age_idx on import_idempotency_key (tenant_id, created_at);
call isolate_by_tenant('import_idempotency_key');
