-- Imports of customer accounts and of payments applied to invoices, beside invoices: an upload of
-- each kind is recorded in import_run like the first.
alter table import_run drop constraint import_run_kind_check;
alter table import_run add constraint import_run_kind_check check (kind in ('INVOICES', 'CUSTOMERS', 'PAYMENTS'));
