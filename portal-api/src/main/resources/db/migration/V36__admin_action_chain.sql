-- The platform's admin log (admin_action, V16) is hash-chained like the tenant audit trails (V13):
-- each record carries its place on the chain (seq), the previous record's hash and its own, a
-- SHA-256 over the previous hash and the record's canonical text. Admin actions are few, so the
-- chain is extended inside the inserting transaction, one writer at a time (an advisory lock held
-- to commit): a rolled-back action leaves no gap. The application may still only insert and read;
-- whatever it sends for the three chain columns is replaced here. Chain heads are also written
-- outside the database (tenantadmin.AuditAnchoring) and compared by `bin/portal audit verify`.
lock table admin_action in exclusive mode;   -- no record slips in between the backfill and the trigger
alter table admin_action add column seq bigint, add column prev_hash text, add column hash text;

-- The text a record's hash covers, in a fixed order; tenantadmin.AdminChain rebuilds it in Java.
create function admin_action_canonical(a admin_action) returns text
language sql immutable
as $$
    select concat_ws('|', a.id::text, to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                     a.actor, a.action, coalesce(a.tenant_slug, ''), a.detail::text, coalesce(a.request_id, ''),
                     a.outcome)
$$;

create function admin_action_chain() returns trigger
language plpgsql
set search_path = public, pg_temp
as $$
declare
    last_seq bigint;
    last_hash text;
begin
    perform pg_advisory_xact_lock(hashtext('admin_action_chain'));
    select seq, hash into last_seq, last_hash from admin_action where seq is not null order by seq desc limit 1;
    new.seq := coalesce(last_seq, 0) + 1;
    new.prev_hash := last_hash;
    new.hash := encode(sha256(convert_to(coalesce(last_hash, '') || '|' || admin_action_canonical(new), 'UTF8')), 'hex');
    return new;
end
$$;

-- the records written before the chain existed, in the order they were written
do $$
declare
    a admin_action;
    n bigint := 0;
    prev text;
    digest text;
begin
    for a in select * from admin_action order by id loop
        n := n + 1;
        digest := encode(sha256(convert_to(coalesce(prev, '') || '|' || admin_action_canonical(a), 'UTF8')), 'hex');
        update admin_action set seq = n, prev_hash = prev, hash = digest where id = a.id;
        prev := digest;
    end loop;
end
$$;

create trigger admin_action_chain before insert on admin_action
    for each row execute function admin_action_chain();
alter table admin_action alter column seq set not null, alter column hash set not null;
create unique index admin_action_seq_idx on admin_action (seq);
