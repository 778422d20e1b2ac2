-- A statement's lines are written with their decision at the end of their block (one insert, not an
-- insert and then an update of every line), but a line that follows a remittance advice marks the
-- advice used as it is matched, before its row exists: the block's later lines must not follow the
-- same advice. The advice's reference to its line may therefore be checked when the statement's
-- transaction commits (`set constraints ... deferred`, which only the statement import asks for);
-- everywhere else it is checked at once, as before.
alter table remittance_advice
    alter constraint remittance_advice_tenant_id_line_id_fkey deferrable initially immediate;
