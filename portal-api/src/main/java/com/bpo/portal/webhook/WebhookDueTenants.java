package com.bpo.portal.webhook;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Which tenants have a delivery due now, in one round trip ({@code webhook_tenants_due()}, V113):
 * the delivery job runs a tenant's round only when it has one, instead of a transaction per tenant
 * every few seconds. Outside any tenant, like the audit sealer.
 */
@ApplicationScoped
public class WebhookDueTenants {
  @Resource(lookup = "jdbc/portal")
  DataSource dataSource;

  /** The ids of the tenants with a delivery due to an enabled endpoint. */
  public Set<String> now() throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      try (PreparedStatement due = db.prepareStatement("select t from webhook_tenants_due() t");
          ResultSet rs = due.executeQuery()) {
        Set<String> tenants = new HashSet<>();
        while (rs.next()) {
          tenants.add(rs.getString(1));
        }
        db.commit();
        return tenants;
      } catch (SQLException e) {
        db.rollback();
        throw e;
      }
    }
  }
}
