-- The audit trail's records written once per statement, not once per row (docs/PERFORMANCE.md,
-- "Fifteenth round"). V13's trigger ran for every row a statement touched: a PL/pgSQL call that
-- turned the row into JSON, worked out the columns an update changed with three more queries and
-- inserted one record. Paying 100,000 bank lines' invoices, payments and allocations, that was some
-- 100 to 220 µs a row, the largest single cost of a statement's import after the rows themselves.
--
-- The records are the same, one per row, with the same values: what changed are the triggers. Each
-- audited table now has three statement triggers with transition tables (as the journal, V80, and
-- the balances, V92, have had): inserts and deletes record every row of the statement in one
-- insert; updates pair each row's old and new values by the table's primary key and keep the
-- columns that changed, as before, in one insert as well. A table whose primary key an update might
-- change (any key but (tenant_id, id), where id is generated) keeps V13's row trigger for its
-- updates: pairing by a key the update changed would lose the record.
--
-- portal.audit is honoured exactly as V116 honours it (audit_skips).

create function audit_skips(entity text, operation text) returns boolean
language plpgsql stable
as $$
begin
    -- portal.audit is a setting any session may change, so it is honoured only where it is meant:
    -- 'off' for the schema owner's own work (tenant deletion runs as the owner), 'summary' for the
    -- tables a bulk import writes, 'statement' for the lines and matcher's decisions a bank
    -- statement's import inserts (V116). The application role cannot silence the trail of anything
    -- else.
    case coalesce(current_setting('portal.audit', true), '')
        when 'off' then
            return current_user <> '${appRole}';
        when 'summary' then
            return current_user <> '${appRole}' or entity in
                ('invoice', 'invoice_line', 'customer_account', 'payment', 'payment_allocation');
        when 'statement' then
            return current_user = '${appRole}' and operation = 'INSERT' and entity in
                ('bank_statement_line', 'cash_match', 'cash_match_item');
        else
            return false;
    end case;
end
$$;

-- V13's compaction, with a shortcut: a row whose JSON text is at most 2,000 characters has no value
-- longer than that (each value's text is part of the row's), so it is kept as it is without taking
-- it apart and putting it together again; the result is the same.
create or replace function audit_compact(row_values jsonb) returns jsonb
language sql immutable
as $$
    select case
        when row_values is null then '{}'::jsonb
        when length(row_values::text) <= 2000 then row_values
        else (select coalesce(jsonb_object_agg(key,
                       case when length(value::text) > 2000
                            then jsonb_build_object('sha256', encode(sha256(convert_to(value #>> '{}', 'UTF8')), 'hex'),
                                                    'length', length(value #>> '{}'))
                            else value end), '{}'::jsonb)
              from jsonb_each(row_values))
    end
$$;

-- One function for the three statement triggers. Inserts and deletes: every row of the statement,
-- with all its values. Updates (of a table keyed by (tenant_id, id)): each row's old and new values
-- paired by that key, the columns that changed kept on both sides; a row that changed nothing is
-- not recorded.
create function audit_rows_changed() returns trigger
language plpgsql
as $$
declare
    actor   text := coalesce(nullif(current_setting('portal.actor', true), ''), 'system');
    request text := nullif(current_setting('portal.request_id', true), '');
begin
    if audit_skips(tg_table_name, tg_op) then
        return null;
    end if;
    if tg_op = 'INSERT' then
        insert into audit_event (tenant_id, actor, action, entity, entity_id, before, after, request_id)
        select r.j ->> 'tenant_id', actor, 'INSERT', tg_table_name, coalesce(r.j ->> 'id', r.j ->> 'tenant_id'),
               null, audit_compact(r.j), request
        from (select to_jsonb(n) as j from new_rows n) r;
    elsif tg_op = 'DELETE' then
        insert into audit_event (tenant_id, actor, action, entity, entity_id, before, after, request_id)
        select r.j ->> 'tenant_id', actor, 'DELETE', tg_table_name, coalesce(r.j ->> 'id', r.j ->> 'tenant_id'),
               audit_compact(r.j), null, request
        from (select to_jsonb(o) as j from old_rows o) r;
    else
        -- The changed columns are found on the rows as they are and compacted afterwards: a large
        -- value differs compacted exactly when it differs as it is (its digest), and only a few
        -- columns change. "offset 0" keeps the pairs a subquery of their own, so each row is turned
        -- into JSON once.
        insert into audit_event (tenant_id, actor, action, entity, entity_id, before, after, request_id)
        select p.tenant_id, actor, 'UPDATE', tg_table_name, p.id,
               case when d.before is not null then audit_compact(d.before) end, audit_compact(d.after), request
        from (select n.tenant_id, n.id::text as id, to_jsonb(o) as ov, to_jsonb(n) as nv
              from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
              offset 0) p
        cross join lateral (
            select jsonb_object_agg(c.key, p.ov -> c.key) filter (where p.ov ? c.key) as before,
                   jsonb_object_agg(c.key, c.value) as after
            from jsonb_each(p.nv) c
            where c.value is distinct from p.ov -> c.key) d
        where d.after is not null;
    end if;
    return null;
end
$$;

-- Which triggers a table gets; isolate_by_tenant (V13) calls this for every new tenant-owned table.
create or replace procedure audit_changes_of(target regclass)
language plpgsql
as $$
declare
    keyed_by_id boolean;
    old_trigger name;
begin
    select coalesce(array_agg(a.attname::text order by k.ord) = array['tenant_id', 'id'], false) into keyed_by_id
    from pg_index i
    cross join lateral unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
    where i.indrelid = target and i.indisprimary;
    for old_trigger in select t.tgname from pg_trigger t
                       where t.tgrelid = target
                         and t.tgname in ('audit_row_change', 'audit_inserts', 'audit_updates', 'audit_deletes') loop
        execute format('drop trigger %I on %s', old_trigger, target);
    end loop;
    execute format('create trigger audit_inserts after insert on %s referencing new table as new_rows '
                   || 'for each statement execute function audit_rows_changed()', target);
    execute format('create trigger audit_deletes after delete on %s referencing old table as old_rows '
                   || 'for each statement execute function audit_rows_changed()', target);
    if keyed_by_id then
        execute format('create trigger audit_updates after update on %s '
                       || 'referencing old table as old_rows new table as new_rows '
                       || 'for each statement execute function audit_rows_changed()', target);
    else
        execute format('create trigger audit_updates after update on %s '
                       || 'for each row execute function audit_row_change()', target);
    end if;
end
$$;

-- V13's row function, now for the updates of tables keyed otherwise, with the same switch.
create or replace function audit_row_change() returns trigger
language plpgsql
as $$
declare
    old_values jsonb;
    new_values jsonb;
    changed    text[];
    row_key    jsonb;
begin
    if audit_skips(tg_table_name, tg_op) then
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

-- Every table audited now moves to the new triggers.
do $$
declare t record;
begin
    for t in select distinct tgrelid::regclass as rel from pg_trigger where tgname = 'audit_row_change' loop
        call audit_changes_of(t.rel);
    end loop;
end
$$;
