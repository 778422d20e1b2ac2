package com.bpo.portal.tenant;

import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * The tenant's memberships: who works in it with which role ({@code tenant_staff}, owned by this
 * feature and written by tenant administration) and who is one of its customers ({@code
 * customer_portal_user}, owned by invoice, read here): the staff lists of the portal. A person's
 * role in the active tenant is read with the tenant itself ({@link TenantDirectory#membership},
 * V107).
 */
@TenantService
public class StaffDirectory {
  @Inject TenantSql sql;

  /** The active staff holding one of {@code roles}, by name. */
  public List<StaffMember> staff(Set<TenantRole> roles) {
    return sql.sql(
            """
            select username, display_name, email, role from tenant_staff
            where tenant_id = :tenant and active and role = any(:roles)
            order by display_name, username""")
        .bind("roles", roles.stream().map(TenantRole::code).toList())
        .list(StaffDirectory::member);
  }

  private static StaffMember member(Row r) {
    return new StaffMember(
        r.string("username"), r.string("display_name"), r.string("email"), r.string("role"));
  }
}
