-- Rate limits on customer-facing writes, shared by every Liberty instance: one counter per user,
-- kind of request and fixed time window, bumped with insert ... on conflict ... returning.
-- Not tenant-owned: a user is counted across every tenant they act in, so the table has no tenant_id
-- (and no row-level security); it holds user names and counts, never business data.
create table request_quota (
  user_name    text        not null,
  bucket       text        not null,
  window_start timestamptz not null,
  hits         integer     not null check (hits > 0),
  primary key (user_name, bucket, window_start)
);

grant select, insert, update, delete on request_quota to ${appRole};
