-- A dunning run asks, for every open invoice it may chase, the highest level already noticed
-- (DunningQueries.candidates: tenant_id and invoice_id known). Right after a first run the notice
-- lines' statistics still say "empty" (autovacuum analyses them about a minute later), and with them
-- the planner read that subquery through the primary key (tenant_id, notice_id, invoice_id), whose
-- second column it cannot use: every line of the tenant for each invoice, so a second run within that
-- minute ran into the 120 s transaction timeout at 94,000 invoices (docs/PERFORMANCE.md, "Collections").
-- The key now leads with the invoice, so whichever index the planner picks for that lookup (the key or
-- the level key of V50) is walked by invoice; the notice's own lines (a notice's total, its page, the
-- cascade when a run is deleted) get an index of their own, which a lookup by invoice cannot use.
alter table dunning_notice_invoice drop constraint dunning_notice_invoice_pkey;
alter table dunning_notice_invoice add primary key (tenant_id, invoice_id, notice_id);
create index dunning_notice_invoice_notice_idx on dunning_notice_invoice (tenant_id, notice_id);
