-- The audit trigger stops trusting its off switch blindly (V13): the application role can set any
-- setting, so it may only summarise the tables its bulk imports write, and never switch the trail off.

create or replace function audit_row_change() returns trigger
language plpgsql
as $$
declare
    old_values jsonb;
    new_values jsonb;
    changed    text[];
    row_key    jsonb;
begin
    -- portal.audit is a setting any session may change, so it is honoured only where it is meant:
    -- 'off' for the schema owner's own work (tenant deletion runs as the owner), 'summary' for the
    -- tables a bulk import writes. The application role cannot silence the trail of anything else.
    case coalesce(current_setting('portal.audit', true), '')
        when 'off' then
            if current_user <> '${appRole}' then
                return null;
            end if;
        when 'summary' then
            if current_user <> '${appRole}' or tg_table_name in
                    ('invoice', 'invoice_line', 'customer_account', 'payment', 'payment_allocation') then
                return null;
            end if;
        else
            null;
    end case;
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
