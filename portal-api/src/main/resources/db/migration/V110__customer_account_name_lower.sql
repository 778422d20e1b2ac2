-- A payer is recognised by a customer of exactly its name, compared without case (cash.MatchQueries,
-- customersNamed). `lower(name) = lower(:name)` cannot use customer_account_name_idx under row-level
-- security: lower() is not leakproof, so PostgreSQL filters the tenant's every customer by it (0.8 ms a
-- name for 2,000 customers, 190 ms for a statement block of 250 lines). A stored lower-case name
-- compared with `=` (leakproof) is an index probe, as invoice.number_key is for invoice numbers (V96).
alter table customer_account add column name_lower text generated always as (lower(name)) stored;
create index customer_account_name_lower_idx on customer_account (tenant_id, name_lower);
