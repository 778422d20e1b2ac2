-- Tenant deletion refuses, in the database too, a tenant that was never exported; and the admin
-- action log gets the index its queries use (newest first, optionally for one tenant).

create or replace function delete_tenant_data(slug text) returns jsonb
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
    -- the rule TenantDeletion checks, held here too: the application role may call this function,
    -- so a bug or an injection there must still not erase a tenant that was never handed its data
    if not exists (select 1 from tenant_export e where e.slug = delete_tenant_data.slug) then
        raise exception 'tenant % has not been exported', slug using errcode = 'P0001';
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

drop index admin_action_recent_idx;
create index admin_action_tenant_idx on admin_action (tenant_slug, id desc);
