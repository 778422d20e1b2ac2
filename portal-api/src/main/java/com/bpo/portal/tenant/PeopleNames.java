package com.bpo.portal.tenant;

import com.bpo.portal.shared.sql.TenantSql;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * Full names of the tenant's people (its BPO staff and client stakeholders, table {@code
 * tenant_staff}), so that histories and documents say "Olivia Lead", not "ops.lead". A read across
 * features for display only; a user name without a row stays as it is.
 */
@TenantService
public class PeopleNames {
  @Inject TenantSql sql;

  public Map<String, String> all() {
    Map<String, String> names = new HashMap<>();
    sql.sql("select username, display_name from tenant_staff where tenant_id = :tenant")
        .forEach(row -> names.put(row.string("username"), row.string("display_name")));
    return names;
  }
}
