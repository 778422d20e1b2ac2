-- The delivery log's purge ran once a minute for every tenant, suspended ones too: two transactions
-- and their statements per tenant (2,000 a minute in the benchmark's database of 1,003 tenants),
-- nearly all to delete nothing. As V113 did for deliveries due, the job now asks once which tenants
-- have something the purge could delete (a delivery finished before the cut-off, an event older
-- than it) and purges those only. One probe of webhook_delivery_finished_idx and one of
-- webhook_event_occurred_idx per tenant, in one round trip; tenant ids only in the answer.
create function webhook_tenants_to_purge(retention_days integer) returns setof text
language plpgsql
security definer
set search_path = public
as $$
declare
    t        text;
    cutoff   timestamptz := now() - make_interval(days => retention_days);
    previous text := current_setting('app.tenant_id', true);
begin
    for t in select id from tenant order by id loop
        perform set_config('app.tenant_id', t, true);
        if exists (select 1 from webhook_delivery d
                   where d.tenant_id = t and d.finished_at is not null and d.finished_at < cutoff)
           or exists (select 1 from webhook_event e where e.tenant_id = t and e.occurred_at < cutoff) then
            return next t;
        end if;
    end loop;
    perform set_config('app.tenant_id', coalesce(previous, ''), true);
end
$$;
revoke all on function webhook_tenants_to_purge(integer) from public;
grant execute on function webhook_tenants_to_purge(integer) to ${appRole};
