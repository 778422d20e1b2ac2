-- Tenant administration: onboarding that can be retried, branding, exports, deletion with proof,
-- and the platform admins' own append-only record of what they did.

-- A tenant being opened is PROVISIONING until every step is done: nobody can act in it yet.
alter table tenant drop constraint tenant_status_check;
alter table tenant add constraint tenant_status_check check (status in ('PROVISIONING', 'ACTIVE', 'SUSPENDED'));

-- How the portal looks for a tenant: a primary colour for the header and a logo (checked by content).
create table tenant_branding (
    tenant_id        text not null references tenant (id),
    primary_colour   text check (primary_colour ~ '^#[0-9a-f]{6}$'),
    logo             bytea,
    logo_media_type  text check (logo_media_type in ('image/png', 'image/jpeg')),
    logo_sha256      char(64),
    version          bigint not null default 0,
    primary key (tenant_id),
    check ((logo is null) = (logo_media_type is null))
);
call isolate_by_tenant('tenant_branding');

-- The steps an onboarding has done. Platform level (keyed by slug, no tenant_id): it exists before
-- the tenant row does, and it is what a retry reads to carry on. Never holds a password.
create table tenant_provisioning (
    slug         text primary key check (slug ~ '^[a-z][a-z0-9-]{1,39}$'),
    request      jsonb not null,
    steps_done   text[] not null default '{}',
    status       text not null check (status in ('PROVISIONING', 'COMPLETE')),
    last_error   text,
    started_by   text not null,
    started_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
grant select, insert, update, delete on tenant_provisioning to ${appRole};

-- Each export handed out, with its manifest (row counts and checksums): deletion needs one.
create table tenant_export (
    id           bigint generated always as identity primary key,
    slug         text not null,
    exported_at  timestamptz not null default now(),
    actor        text not null,
    manifest     jsonb not null
);
create index tenant_export_slug_idx on tenant_export (slug, exported_at desc);
grant select, insert on tenant_export to ${appRole};

-- The proof that a deleted tenant left nothing: rows counted per tenant-owned table, Keycloak checked.
create table tenant_deletion (
    slug         text not null,
    deleted_at   timestamptz not null default now(),
    actor        text not null,
    proof        jsonb not null,
    primary key (slug, deleted_at)
);
grant select, insert on tenant_deletion to ${appRole};

-- What platform admins did, for platform admins. Not tenant-owned: it outlives a deleted tenant.
-- Append-only: the application may add and read, never change or remove.
create table admin_action (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null default now(),
    actor        text not null,
    action       text not null,
    tenant_slug  text,
    detail       jsonb not null default '{}',
    request_id   text,
    outcome      text not null check (outcome in ('SUCCEEDED', 'FAILED', 'REFUSED'))
);
create index admin_action_recent_idx on admin_action (occurred_at desc, id desc);
grant select, insert on admin_action to ${appRole};

-- Every table that holds tenant data, found in the catalog rather than listed: a feature that adds
-- a table with a tenant_id column is exported, deleted and checked without a code change.
create function tenant_owned_tables() returns setof regclass
language sql stable
set search_path = public, pg_temp
as $$
    select c.oid::regclass
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      and a.attname = 'tenant_id' and not a.attisdropped
    order by c.relname
$$;

-- How many rows of the tenant each tenant-owned table holds: what an export lists, and after a
-- deletion the proof (all zero). Runs as the owner under the tenant's row-level binding.
create function tenant_row_counts(slug text) returns jsonb
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
    t regclass;
    n bigint;
    counts jsonb := '{}';
    previous text := current_setting('app.tenant_id', true);
begin
    perform set_config('app.tenant_id', slug, true);
    for t in select tenant_owned_tables() loop
        execute format('select count(*) from %s where tenant_id = $1', t) into n using slug;
        counts := counts || jsonb_build_object(t::text, n);
    end loop;
    perform set_config('app.tenant_id', coalesce(previous, ''), true);
    return counts;
end
$$;

-- Removes every row of a tenant and then the tenant itself, with the schema owner's privileges
-- (the application role may not delete from some tables, such as an append-only audit trail).
-- Foreign-key-safe order without a list: tables whose rows are still referenced are retried after
-- the others, until all are empty. portal.audit = off tells audit triggers to stand aside.
create function delete_tenant_data(slug text) returns jsonb
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
    t regclass;
    remaining regclass[];
    progress boolean;
    n bigint;
    deleted jsonb := '{}';
    previous text := current_setting('app.tenant_id', true);
    previous_audit text := current_setting('portal.audit', true);
begin
    if not exists (select 1 from tenant where id = slug) then
        raise exception 'no tenant %', slug using errcode = 'P0002';
    end if;
    perform set_config('app.tenant_id', slug, true);
    perform set_config('portal.audit', 'off', true);
    remaining := array(select tenant_owned_tables());
    loop
        progress := false;
        foreach t in array remaining loop
            begin
                execute format('delete from %s where tenant_id = $1', t) using slug;
                get diagnostics n = row_count;
                deleted := deleted || jsonb_build_object(t::text, n);
                remaining := array_remove(remaining, t);
                progress := true;
            exception when foreign_key_violation then
                null; -- still referenced by a table not yet emptied: next round
            end;
        end loop;
        exit when cardinality(remaining) = 0;
        if not progress then
            raise exception 'tenant % cannot be deleted: % stay referenced', slug, remaining;
        end if;
    end loop;
    delete from tenant where id = slug;
    perform set_config('app.tenant_id', coalesce(previous, ''), true);
    perform set_config('portal.audit', coalesce(previous_audit, ''), true);
    return deleted;
end
$$;

revoke all on function tenant_row_counts(text), delete_tenant_data(text) from public;
grant execute on function tenant_owned_tables(), tenant_row_counts(text), delete_tenant_data(text) to ${appRole};
