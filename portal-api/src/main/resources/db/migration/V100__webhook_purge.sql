-- The purge of the webhook log (package webhook, docs/WEBHOOKS.md, "How long the log is kept"): finished
-- deliveries (DELIVERED, FAILED) older than portal.webhooks.retention.days go with their attempts, then
-- the events no delivery names any more. PENDING deliveries are never purged.

-- When a delivery finished: its 2xx answer, or its last failed attempt. Set by the delivery job from now on;
-- null while PENDING. The purge's cut-off is measured against it, so a delivery that failed for 38 hours
-- is kept for the whole retention after its last attempt, not after its first.
alter table webhook_delivery add column finished_at timestamptz;

-- What finished before this migration: the 2xx answer, else the last attempt, else when it was made.
-- Row-level security is forced for the owner too, so each tenant is bound in turn.
do $$
declare t record;
begin
    for t in select id from tenant loop
        perform set_config('app.tenant_id', t.id, true);
        update webhook_delivery d
        set finished_at = coalesce(
                d.delivered_at,
                (select max(a.started_at) from webhook_attempt a
                 where a.tenant_id = d.tenant_id and a.delivery_id = d.id),
                d.created_at)
        where d.tenant_id = t.id and d.status <> 'PENDING';
    end loop;
    perform set_config('app.tenant_id', '', true);
end
$$;

-- The purge finds the oldest finished deliveries, and the old events, from the index (both comparisons are
-- on timestamptz, leakproof, so they are index conditions for the application role under its policy too).
create index webhook_delivery_finished_idx on webhook_delivery (tenant_id, finished_at, id)
    where finished_at is not null;
create index webhook_event_occurred_idx on webhook_event (tenant_id, occurred_at, id);
