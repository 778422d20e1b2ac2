-- The delivery job asked every active tenant, every five seconds, whether it had a delivery due:
-- a transaction and three statements per tenant, almost always to hear "nothing" (the benchmark's
-- database has 1,003 tenants: some 600 statements a second while nobody had a webhook). The job now
-- asks once which tenants have a delivery due to an enabled endpoint and runs rounds for those only.
-- Row-level security binds even the schema owner to one tenant at a time, so the function visits
-- the tenants itself, one probe of the partial due index each, in one round trip. It answers tenant
-- ids, which the job reads from the tenant table anyway, and nothing of their deliveries.
create function webhook_tenants_due() returns setof text
language plpgsql
security definer
set search_path = public
as $$
declare
    t        text;
    previous text := current_setting('app.tenant_id', true);
begin
    for t in select id from tenant order by id loop
        perform set_config('app.tenant_id', t, true);
        if exists (select 1 from webhook_delivery d
                   join webhook_endpoint e on e.tenant_id = d.tenant_id and e.id = d.endpoint_id
                   where d.tenant_id = t and d.status = 'PENDING' and d.next_attempt_at <= now()
                     and e.enabled) then
            return next t;
        end if;
    end loop;
    perform set_config('app.tenant_id', coalesce(previous, ''), true);
end
$$;
revoke all on function webhook_tenants_due() from public;
grant execute on function webhook_tenants_due() to ${appRole};
