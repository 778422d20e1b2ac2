-- tenant_membership (V107) runs before every request. The data source asks for custom plans
-- (server.xml: plan_cache_mode=force_custom_plan, for the month-end close's parameter-sensitive
-- statements), and that reaches the statements inside PL/pgSQL functions too: the function's two
-- primary-key reads were planned anew on every call, 0.10 of its 0.17 ms (pgbench, docs/PERFORMANCE.md,
-- "Tenth round"). Their plans do not depend on the values (one tenant row by id, a user's rows by key),
-- so the function lets PostgreSQL keep its generic plans; the setting holds inside the function only.
alter function tenant_membership(text, text) set plan_cache_mode = auto;
