package com.bpo.portal.tenantadmin.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The tenants a verifying command walks: all of them by id, or only the one named. */
final class TenantIds {
  private TenantIds() {}

  /**
   * The ids of every tenant, or of {@code onlyTenant} when it is not null (empty if there is no
   * such tenant); commits the read.
   */
  static List<String> of(Connection db, String onlyTenant) throws SQLException {
    List<String> tenants = new ArrayList<>();
    try (PreparedStatement q =
        db.prepareStatement(
            "select id from tenant where cast(? as text) is null or id = ? order by id")) {
      q.setString(1, onlyTenant);
      q.setString(2, onlyTenant);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          tenants.add(rs.getString(1));
        }
      }
    }
    db.commit();
    return tenants;
  }
}
