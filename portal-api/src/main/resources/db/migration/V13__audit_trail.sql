-- The audit trail: one append-only log per tenant of every change to its business data, written by
-- a trigger in the same transaction as the change, plus the events no table records by itself
-- (sign-ins, exports), written by the application. Who and which request come from transaction
-- settings the application sets when it binds the tenant (portal.actor, portal.request_id).
--
-- Tamper evidence: each record is chained to the tenant's previous one by a SHA-256 hash. The chain
-- is sealed shortly after commit by audit_seal() rather than inside the writing transaction: sealing
-- inline would have to serialise every writer of a tenant on one lock held until commit (and
-- deadlock with row locks taken earlier). Sealing after commit orders records by when they were
-- sealed (seal_seq), which is all a chain needs. The application role may insert and read, never
-- update or delete; only the owner's sealer writes the three seal columns.
create table audit_event (
    tenant_id    text not null references tenant,
    id           bigint generated always as identity,
    occurred_at  timestamptz not null default clock_timestamp(),
    actor        text not null default 'system',
    action       text not null check (action ~ '^[A-Z_]{2,30}$'),
    entity       text not null,
    entity_id    text,
    before       jsonb,
    after        jsonb,
    request_id   text,
    seal_seq     bigint,
    prev_hash    text,
    hash         text,
    primary key (tenant_id, id),
    unique (tenant_id, seal_seq)
);
-- the auditor's screen: newest first, by entity, by actor; the sealer: what is still open
create index audit_event_recent on audit_event (tenant_id, occurred_at desc, id desc);
create index audit_event_record on audit_event (tenant_id, entity, entity_id, id desc);
create index audit_event_actor on audit_event (tenant_id, actor, occurred_at desc);
create index audit_event_unsealed on audit_event (tenant_id, id) where seal_seq is null;

alter table audit_event enable row level security;
alter table audit_event force row level security;
create policy tenant_isolation on audit_event for all
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert on audit_event to ${appRole};

-- A row's values as the log keeps them: large values (files, search vectors, an import's error list)
-- are replaced by their digest and length, so the log proves what was stored without copying megabytes.
create function audit_compact(row_values jsonb) returns jsonb
language sql immutable
as $$
    select coalesce(jsonb_object_agg(key,
             case when length(value::text) > 2000
                  then jsonb_build_object('sha256', encode(sha256(convert_to(value #>> '{}', 'UTF8')), 'hex'),
                                          'length', length(value #>> '{}'))
                  else value end), '{}'::jsonb)
    from jsonb_each(row_values)
$$;

-- One trigger function for every tenant-owned table. An update records only the columns that
-- changed; an update that changed nothing records nothing. portal.audit = 'off' (tenant deletion)
-- or 'summary' (bulk imports, which write one record of their own) skips the per-row records.
create function audit_row_change() returns trigger
language plpgsql
as $$
declare
    old_values jsonb;
    new_values jsonb;
    changed    text[];
    row_key    jsonb;
begin
    if coalesce(current_setting('portal.audit', true), '') in ('off', 'summary') then
        return null;
    end if;
    if tg_op <> 'INSERT' then old_values := audit_compact(to_jsonb(old)); end if;
    if tg_op <> 'DELETE' then new_values := audit_compact(to_jsonb(new)); end if;
    if tg_op = 'UPDATE' then
        select array_agg(key) into changed
        from jsonb_each(new_values) n
        where n.value is distinct from old_values -> n.key;
        if changed is null then
            return null;
        end if;
        select jsonb_object_agg(key, value) into old_values from jsonb_each(old_values) where key = any(changed);
        select jsonb_object_agg(key, value) into new_values from jsonb_each(new_values) where key = any(changed);
    end if;
    row_key := coalesce(to_jsonb(new), to_jsonb(old));
    insert into audit_event (tenant_id, actor, action, entity, entity_id, before, after, request_id)
    values (row_key ->> 'tenant_id',
            coalesce(nullif(current_setting('portal.actor', true), ''), 'system'),
            tg_op, tg_table_name, coalesce(row_key ->> 'id', row_key ->> 'tenant_id'),
            old_values, new_values,
            nullif(current_setting('portal.request_id', true), ''));
    return null;
end
$$;

create procedure audit_changes_of(target regclass)
language plpgsql
as $$
begin
    execute format('drop trigger if exists audit_row_change on %s', target);
    execute format('create trigger audit_row_change after insert or update or delete on %s '
                   || 'for each row execute function audit_row_change()', target);
end
$$;

-- From now on a tenant-owned table made through isolate_by_tenant is audited as well, so a new
-- feature cannot forget either. (The body repeats V1's, which history keeps as it was.)
create or replace procedure isolate_by_tenant(target regclass)
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
    call audit_changes_of(target);
end
$$;

-- Every tenant-owned table that exists now, except the log itself and the mail outbox (a delivery
-- queue whose sends are not business changes; the change that queued a mail is audited).
do $$
declare t record;
begin
    for t in select c.oid::regclass as rel
             from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
             where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
               and c.relname not in ('audit_event', 'mail_outbox')
    loop
        call audit_changes_of(t.rel);
    end loop;
end
$$;

-- The text a record's hash covers, in a fixed order; AuditChain in Java rebuilds the same text
-- independently to verify. jsonb prints canonically (sorted keys, no insignificant space).
create function audit_canonical(e audit_event) returns text
language sql immutable
as $$
    select concat_ws('|', e.id::text, e.tenant_id,
                     to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                     e.actor, e.action, e.entity, coalesce(e.entity_id, ''),
                     coalesce(e.before::text, ''), coalesce(e.after::text, ''), coalesce(e.request_id, ''))
$$;

-- Seals committed, unsealed records (at most batch per tenant, oldest first) onto each tenant's chain
-- and returns how many. Runs as the owner (the application role cannot write the seal columns); one
-- sealer at a time across all instances. Call it in a transaction of its own.
create function audit_seal(batch integer default 10000) returns integer
language plpgsql
security definer
set search_path = public
as $$
declare
    t        record;
    e        audit_event;
    last_seq bigint;
    prev     text;
    digest   text;
    sealed   integer := 0;
    previous text := current_setting('app.tenant_id', true);
begin
    if not pg_try_advisory_xact_lock(hashtext('audit_seal')) then
        return 0;   -- another instance is sealing right now
    end if;
    for t in select id from tenant order by id loop
        perform set_config('app.tenant_id', t.id, true);
        select seal_seq, hash into last_seq, prev
        from audit_event where tenant_id = t.id and seal_seq is not null
        order by seal_seq desc limit 1;
        last_seq := coalesce(last_seq, 0);
        for e in select * from audit_event where tenant_id = t.id and seal_seq is null order by id limit batch loop
            last_seq := last_seq + 1;
            digest := encode(sha256(convert_to(coalesce(prev, '') || '|' || audit_canonical(e), 'UTF8')), 'hex');
            update audit_event set seal_seq = last_seq, prev_hash = prev, hash = digest
            where tenant_id = t.id and id = e.id;
            prev := digest;
            sealed := sealed + 1;
        end loop;
    end loop;
    perform set_config('app.tenant_id', coalesce(previous, ''), true);
    return sealed;
end
$$;
revoke all on function audit_seal(integer) from public;
grant execute on function audit_seal(integer) to ${appRole};
