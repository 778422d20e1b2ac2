-- Runs after every migration run (a Flyway callback), so that tenant tables created after V81 are
-- distributed too (V90's webhooks, V92's balances, V94's idempotency keys, V101, V102, V103 and any
-- later one). On a plain PostgreSQL, as on every machine this project runs on today, it does
-- nothing. Where the citus extension is installed, each tenant table that is not yet distributed
-- goes, parents before the tables that reference them, co-located with those already distributed,
-- as V81 did for the tables of its day (docs/SCALING.md: a plan written as code, not run on Citus).
do $$
declare
    pending regclass[];
    done    regclass[];
    t       regclass;
    moved   boolean;
begin
    if not exists (select 1 from pg_extension where extname = 'citus') then
        return;
    end if;
    execute 'select array_agg(logicalrelid) from pg_dist_partition' into done;
    done := coalesce(done, array[]::regclass[]);
    select array_agg(x) into pending from tenant_owned_tables() x where not (x = any(done));
    if pending is null then
        return;
    end if;
    loop
        moved := false;
        foreach t in array pending loop
            if not exists (select 1 from pg_constraint c
                           where c.conrelid = t and c.contype = 'f' and c.confrelid <> 'tenant'::regclass
                             and c.confrelid <> t and not (c.confrelid = any(done))) then
                execute format('select create_distributed_table(%L, ''tenant_id'', colocate_with => %L)',
                               t, 'invoice');
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
