-- Sharding by tenant with Citus (docs/SCALING.md). On a plain PostgreSQL, as on every machine this
-- project runs on today, this does nothing. Where the citus extension is installed, the tenant
-- registry becomes a reference table (a copy on every node) and every tenant table is distributed by
-- tenant_id, co-located with invoice, parents before the tables that reference them, so that every
-- join the code makes (always on tenant_id and an id) stays on one node. TenantIsolationIT proves the
-- keys allow it: tenant_id leads every primary and unique key and sits in every foreign key.
do $$
declare
    pending regclass[];
    done    regclass[] := array[]::regclass[];
    t       regclass;
    moved   boolean;
begin
    if not exists (select 1 from pg_extension where extname = 'citus') then
        return;
    end if;
    execute 'select create_reference_table(''tenant'')';
    select array_agg(x) into pending from tenant_owned_tables() x;
    loop
        moved := false;
        foreach t in array pending loop
            -- a table goes once every tenant table it references has gone
            if not exists (select 1 from pg_constraint c
                           where c.conrelid = t and c.contype = 'f' and c.confrelid <> 'tenant'::regclass
                             and c.confrelid <> t and not (c.confrelid = any(done))) then
                if cardinality(done) = 0 then
                    execute format('select create_distributed_table(%L, ''tenant_id'')', t);
                else
                    execute format('select create_distributed_table(%L, ''tenant_id'', colocate_with => %L)', t, done[1]);
                end if;
                done := done || t;
                pending := array_remove(pending, t);
                moved := true;
            end if;
        end loop;
        exit when cardinality(pending) = 0;
        if not moved then
            raise exception 'Tables whose foreign keys form a cycle cannot be distributed in order: %', pending;
        end if;
    end loop;
end
$$;
