package com.bpo.portal.shared.sql;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Which tenants a background job has work in, asked once for all of them: a job that polls every
 * few seconds (webhook deliveries, mail) runs a tenant's round only where there is something to do,
 * instead of a transaction per tenant each time. The answer comes from a function of the schema
 * that visits the tenants itself (row-level security binds even its owner to one tenant at a time)
 * and answers tenant ids only: {@code webhook_tenants_due()} (V113), {@code
 * mail_tenants_waiting(max_attempts)} (V114), {@code webhook_tenants_to_purge(retention_days)}
 * (V117). Called outside any tenant, like the audit sealer.
 */
@ApplicationScoped
public class TenantsWithWork {
  private static final Pattern FUNCTION = Pattern.compile("[a-z][a-z0-9_]*");

  @Resource(lookup = "jdbc/portal")
  DataSource dataSource;

  /** The tenant ids the set-returning function answers for these (integer) arguments. */
  public Set<String> listedBy(String function, int... arguments) throws SQLException {
    if (!FUNCTION.matcher(function).matches()) {
      throw new IllegalArgumentException("Not a function name: " + function);
    }
    String call =
        "select t from "
            + function
            + "("
            + String.join(", ", java.util.Collections.nCopies(arguments.length, "?"))
            + ") t";
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      try (PreparedStatement query = db.prepareStatement(call)) {
        for (int i = 0; i < arguments.length; i++) {
          query.setInt(i + 1, arguments[i]);
        }
        Set<String> tenants = new HashSet<>();
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            tenants.add(rs.getString(1));
          }
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
