-- The platform's registry of tenants (the BPO's outsourcing clients). Not tenant-owned itself:
-- the application reads it to resolve memberships, and only platform administration writes it.
create table tenant (
    id          text primary key
                check (id ~ '^[a-z][a-z0-9-]{1,39}$'),   -- the slug; also the Keycloak organization alias
    name        text not null check (length(btrim(name)) > 0),
    locale      text not null default 'en',
    currency    char(3) not null check (currency ~ '^[A-Z]{3}$'),
    time_zone   text not null default 'UTC',
    status      text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    created_at  timestamptz not null default now(),
    version     bigint not null default 0
);

grant select, insert, update on tenant to ${appRole};

-- Every tenant-owned table goes through this procedure, so that none can forget a piece of its
-- isolation: RLS on, FORCE so that even the owner obeys it, one policy for reads and writes on the
-- transaction's tenant. current_setting(..., true) is NULL when never set and '' after a pooled
-- connection once had it; neither equals a tenant id (the CHECK above forbids ''), so both match nothing.
create procedure isolate_by_tenant(target regclass)
language plpgsql
as $$
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format(
        'create policy tenant_isolation on %s for all '
        || 'using (tenant_id = current_setting(''app.tenant_id'', true)) '
        || 'with check (tenant_id = current_setting(''app.tenant_id'', true))', target);
    execute format('grant select, insert, update, delete on %s to ${appRole}', target);
end
$$;
