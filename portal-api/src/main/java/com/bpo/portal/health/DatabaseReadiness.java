package com.bpo.portal.health;

import com.bpo.portal.shared.DatabaseCircuit;
import com.bpo.portal.shared.ServiceUnavailable;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers and the schema has been migrated (the tenant table is there);
 * DOWN at once while {@link DatabaseCircuit} is open (without waiting on the pool), UP again as
 * soon as its probe reaches the database.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

  @Resource(lookup = "jdbc/portal")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    if (DatabaseCircuit.isOpen()) {
      return HealthCheckResponse.named("database").down().build();
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1 from tenant limit 1")) {
      // the answer is public: it says that the schema is there, never how many tenants it holds
      return HealthCheckResponse.named("database").up().build();
    } catch (SQLException | RuntimeException e) {
      // DOWN takes this instance out of the load balancer until the database answers again; the
      // reason goes to the log, not to whoever asked
      LOG.warning("Readiness: database unavailable: " + e.getMessage());
      if (ServiceUnavailable.isDatabaseOutage(e)) {
        DatabaseCircuit.trip(e);
      }
      return HealthCheckResponse.named("database").down().build();
    }
  }
}
