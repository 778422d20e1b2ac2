-- A bank statement's import writes, per line, the line itself and the matcher's decisions with their
-- invoices (cash_match, cash_match_item): some four audit records a line beside the money it moves,
-- each also sealed onto the chain afterwards. At 100,000 lines that was 400,000 records, and the
-- largest single cost of a line (docs/PERFORMANCE.md, "Twelfth round": 2,000 match items took 136 ms
-- with their records, 35 ms without).
--
-- The import now sets portal.audit = 'statement' (CashService.importStatement), as the invoice
-- import sets 'summary': the statement's own row, audited as before, is what the trail keeps of the
-- lines and decisions the import inserts: who imported it, when, the file's SHA-256 and its line
-- count. The file decides the lines, and the ledger the decisions, and both stay in their tables.
-- What moves money is still recorded row by row: payments, allocations, the invoices they pay, the
-- deductions short payments open, the remittance advice a line follows, the payer identities it
-- learns. The setting is honoured only for the application role and only for inserts into those
-- three tables: every later change to a line or a decision (a person applying, splitting, putting on
-- account, a suggestion dropped) is recorded as before, with the values it changed.

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
    -- tables a bulk import writes, 'statement' for the lines and matcher's decisions a bank
    -- statement's import inserts (V116). The application role cannot silence the trail of anything
    -- else.
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
        when 'statement' then
            if current_user = '${appRole}' and tg_op = 'INSERT' and tg_table_name in
                    ('bank_statement_line', 'cash_match', 'cash_match_item') then
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
