-- The mail job, like the webhook job before V113, opened a transaction for every tenant every five
-- seconds to look for waiting mail. It now asks once which tenants have mail not yet sent and not
-- yet tried max_attempts times (what MailQueue sends), and visits those only. The function visits
-- the tenants itself, one probe of mail_outbox_pending_idx each (row-level security binds even the
-- schema owner to one tenant at a time), and answers tenant ids only.
create function mail_tenants_waiting(max_attempts integer) returns setof text
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
        if exists (select 1 from mail_outbox m
                   where m.tenant_id = t and m.sent_at is null and m.attempts < max_attempts) then
            return next t;
        end if;
    end loop;
    perform set_config('app.tenant_id', coalesce(previous, ''), true);
end
$$;
revoke all on function mail_tenants_waiting(integer) from public;
grant execute on function mail_tenants_waiting(integer) to ${appRole};
