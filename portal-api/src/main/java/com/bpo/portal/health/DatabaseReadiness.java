package com.bpo.portal.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers and the schema has been migrated (the tenant table is there);
 * DOWN while PostgreSQL is away, UP again by itself once the pool reconnects.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  @Resource(lookup = "jdbc/portal")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    try (Connection c = dataSource.getConnection();
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("select count(*) from tenant")) {
      rs.next();
      return HealthCheckResponse.named("database").up().withData("tenants", rs.getLong(1)).build();
    } catch (SQLException | RuntimeException e) {
      // DOWN takes this instance out of the load balancer until the database answers again
      return HealthCheckResponse.named("database").down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
