-- The nightly balance check (invoice.BalanceCheckJob) runs on every Liberty server of a cluster; the
-- first server to insert a tenant's day does that tenant's check, the others find the row and skip it.
-- The row is written in the check's own transaction: a check that fails leaves no row, and another
-- server (or tomorrow's round) may try again. A second server arriving while the first still checks
-- waits on the row, then finds it committed. Audited like every tenant table: the trail shows that
-- the nightly control ran, and when.
create table balance_check_day (
    tenant_id   text not null references tenant (id),
    check_day   date not null,
    checked_at  timestamptz not null default now(),
    primary key (tenant_id, check_day)
);
call isolate_by_tenant('balance_check_day');
