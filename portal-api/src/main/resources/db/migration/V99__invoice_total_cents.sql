-- The invoice list filtered or sorted by amount, under row-level security.
--
-- For the application role, PostgreSQL applies the tenant policy before any condition whose functions are not
-- leakproof, and it cannot use such a condition to search an index (the same trap as V96's number key).
-- Numeric comparisons are not leakproof: `total_amount >= 1000` and the keyset condition of a page sorted by
-- amount were filters over every invoice of the tenant, not index conditions. At 1,000,000 invoices an amount
-- filter took 9 to 25 s and a deep page sorted by amount 0.8 to 8.7 s for portal_app, while the same query as
-- the superuser took 0.2 ms (measured on copies of the bench data; docs/PERFORMANCE.md, "Fifth round"). Bigint
-- comparisons are leakproof: the total is kept in cents beside the amount, and the list filters, sorts and
-- pages on that. (Totals enter with at most 15 integer digits, Money.MAX_INTEGER_DIGITS: in cents they fit a
-- bigint with room to spare.)
alter table invoice add column total_cents bigint generated always as ((total_amount * 100)::bigint) stored;
create index invoice_total_cents_idx on invoice (tenant_id, total_cents, id);
drop index invoice_total_idx;

-- One index for the issue date where there were two: the list sorted by issue date and the scorecard's
-- monthly sales and billing errors read it as they read the pair (same plans, same times at a million
-- invoices), and every invoice write maintains one index fewer.
create index invoice_issue_sales_idx on invoice (tenant_id, issue_date, id) include (currency, total_amount);
drop index invoice_issue_idx;
drop index invoice_sales_idx;
