-- Tenant deletion gets a database role of its own. The application role, which every request uses,
-- may no longer execute delete_tenant_data at all; only the eraser role may (bin/portal creates it,
-- like the others), through a data source that only tenant administration's deletion uses
-- (tenantadmin.TenantEraser). The function keeps its own guard (never a tenant never exported, V18).
revoke execute on function delete_tenant_data(text) from ${appRole};
revoke all on function delete_tenant_data(text) from public;
grant execute on function delete_tenant_data(text) to ${eraserRole};
