-- Cash application looks invoices up by their number's key (V70). Under row-level security the planner
-- may not use a condition holding a function that is not leakproof (upper, regexp_replace: the body of
-- cash_number_key) as an index condition ahead of the tenant policy, so V70's expression index served
-- the owner in psql but never the application role: each lookup read every invoice of the tenant
-- (530 ms at 1,000,000 invoices, docs/PERFORMANCE.md "Cash application"). The key kept in a column
-- compares with text equality, which is leakproof, so its index is used.
alter table invoice add column number_key text generated always as (cash_number_key(number)) stored;
drop index invoice_number_key_idx;
create index invoice_number_key_idx on invoice (tenant_id, number_key);
