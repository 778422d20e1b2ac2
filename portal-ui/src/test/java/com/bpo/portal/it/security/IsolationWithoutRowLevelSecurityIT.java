package com.bpo.portal.it.security;

import com.bpo.portal.it.Portal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same sweep with PostgreSQL's row-level security switched off on every tenant-owned table: the
 * application's own filtering (EclipseLink's tenant discriminator and the tenant predicate in every
 * native statement) must keep tenants and customers apart on its own. The other layer alone is
 * proven in {@link TenantIsolationIT}, where SQL without any tenant predicate, as the application
 * role, sees and writes only the bound tenant's rows. Security is switched back on after the sweep,
 * and {@code bin/portal migrate} refuses a schema left without it. (The deployment is the
 * parent's.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IsolationWithoutRowLevelSecurityIT extends ApiIsolationSweepIT {
  private static final List<String> SWITCHED_OFF = new ArrayList<>();

  @BeforeAll
  static void switchRowLevelSecurityOff() throws SQLException {
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "select c.relname from pg_class c join pg_attribute a on a.attrelid = c.oid "
                  + "and a.attname = 'tenant_id' and not a.attisdropped where c.relkind = 'r' and c.relrowsecurity "
                  + "and c.relnamespace = 'public'::regnamespace")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        s.execute("alter table " + table + " disable row level security");
        SWITCHED_OFF.add(table);
      }
    }
  }

  @AfterAll
  static void switchRowLevelSecurityBackOn() throws SQLException {
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement()) {
      for (String table : SWITCHED_OFF) {
        s.execute("alter table " + table + " enable row level security");
      }
    }
  }
}
