-- What the tenant resolution filter needs before every request, in one round trip: the tenant the
-- request names, and the roles the user holds in it. Before, a request paid for an EclipseLink read of
-- the tenant (a connection validated, then the query) and a transaction of its own for the role
-- (validated, begun, bound, queried, committed): seven round trips before the request's own work
-- (docs/PERFORMANCE.md, "Ninth round").
--
-- Not SECURITY DEFINER: the caller's row-level security applies as before. The function binds the
-- tenant named for its two reads of tenant-owned tables and gives the setting back as it found it, so
-- a caller inside a transaction bound to a tenant keeps that tenant. The caller checks, as before, that
-- the tenant is one of the token's memberships before asking.
create function tenant_membership(p_tenant text, p_username text)
    returns table (id text, name text, locale text, currency text, time_zone text, status text,
                   test_mode boolean, roles text[])
    language plpgsql volatile
as $$
declare
    previous text := current_setting('app.tenant_id', true);
begin
    perform set_config('app.tenant_id', p_tenant, true);
    return query
        select t.id, t.name, t.locale, t.currency::text, t.time_zone, t.status, t.test_mode,
               array(select s.role from tenant_staff s
                     where s.tenant_id = p_tenant and s.username = p_username and s.active
                     union all
                     select 'customer' from customer_portal_user c
                     where c.tenant_id = p_tenant and c.username = p_username)
        from tenant t where t.id = p_tenant;
    perform set_config('app.tenant_id', coalesce(previous, ''), true);
end
$$;

revoke execute on function tenant_membership(text, text) from public;
grant execute on function tenant_membership(text, text) to ${appRole};
