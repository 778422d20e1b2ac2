-- A bank entry is imported once per bank account, whatever statement brings it (docs/CASH.md): an
-- MT940 sent again carries a new :20: reference, so a new statement id, but the same entries. The
-- import looks up a statement's entry references here before writing its lines.
create index bank_statement_line_entry_idx on bank_statement_line (tenant_id, entry_ref);
