package com.bpo.portal.tenantadmin;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The one caller of the database's {@code delete_tenant_data}: through its own data source ({@code
 * jdbc/portal-eraser}, database role {@code portal_eraser}), the only role allowed to execute it.
 * The application role ({@code portal_app}), which every request uses, may not call it at all
 * (V35), so neither a bug nor an injection anywhere else in the portal can erase a tenant. The data
 * source is not enlisted in transactions: the function is one statement, atomic by itself.
 */
@ApplicationScoped
public class TenantEraser {
  @Resource(lookup = "jdbc/portal-eraser")
  DataSource eraser;

  /** Every row of the tenant, then the tenant; answers the rows deleted per table (JSON). */
  String eraseTenantData(String slug) {
    try (Connection c = eraser.getConnection();
        PreparedStatement q = c.prepareStatement("select delete_tenant_data(?)::text")) {
      q.setString(1, slug);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
