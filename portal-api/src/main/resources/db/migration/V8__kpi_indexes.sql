-- Covering indexes for the scorecard's KPIs, so that a month of a tenant with a million invoices is
-- computed from index-only scans (docs/PERFORMANCE.md): sales by issue date, and the open invoices
-- by issue date with what the as-of-date receivables need.
create index invoice_sales_idx on invoice (tenant_id, issue_date) include (currency, total_amount);
create index invoice_open_issue_idx on invoice (tenant_id, issue_date) include (currency, due_date, open_amount)
    where open_amount > 0;
-- the billing-error disputes of a month are found from the disputes side
create index dispute_outcome_idx on dispute (tenant_id, outcome, reason_code) where outcome is not null;
