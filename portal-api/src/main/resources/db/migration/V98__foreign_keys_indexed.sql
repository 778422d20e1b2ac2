-- Every foreign key has an index that leads with its columns (SchemaGuard refuses a migration that adds one
-- without, from now on).
--
-- Deleting or re-keying a referenced row makes PostgreSQL look in each referring table for rows that still
-- name it. Without such an index the look-up reads the tenant's whole referring table, for every row
-- deleted: 880,000 invoices of the `bench` tenant did not delete in 14 minutes (docs/PERFORMANCE.md), each
-- one reading the tenant's 167,518 cash match items, and a tenant's deletion pays the same for every
-- customer account, payment, approval and webhook event it removes. The cash, credit and webhook screens
-- that list a parent's children use the same indexes.
create index customer_portal_user_account_idx on customer_portal_user (tenant_id, customer_account_id);
create index payment_account_idx on payment (tenant_id, customer_account_id);
create index scorecard_kpi_definition_idx on scorecard_kpi (tenant_id, code, def_version);
create index procedure_owner_idx on procedure (tenant_id, owner);
create index dunning_notice_strategy_idx on dunning_notice (tenant_id, strategy_id);
create index approval_account_idx on approval (tenant_id, customer_account_id);
create index approval_decision_maker_idx on approval_decision (tenant_id, approval_id, maker);
create index credit_limit_request_approval_idx on credit_limit_request (tenant_id, approval_id);
create index credit_limit_change_request_idx on credit_limit_change (tenant_id, limit_request_id);
create index refund_approval_idx on refund (tenant_id, approval_id);
create index bank_statement_line_account_idx on bank_statement_line (tenant_id, customer_account_id);
create index bank_statement_line_payment_idx on bank_statement_line (tenant_id, payment_id);
create index remittance_advice_account_idx on remittance_advice (tenant_id, customer_account_id);
create index remittance_advice_line_idx on remittance_advice (tenant_id, line_id);
create index remittance_advice_item_invoice_idx on remittance_advice_item (tenant_id, invoice_id);
create index cash_match_account_idx on cash_match (tenant_id, customer_account_id);
create index cash_match_item_invoice_idx on cash_match_item (tenant_id, invoice_id);
create index payer_identity_account_idx on payer_identity (tenant_id, customer_account_id);
create index webhook_delivery_event_idx on webhook_delivery (tenant_id, event_id);
create index import_idempotency_key_run_idx on import_idempotency_key (tenant_id, import_run_id);
