package com.bpo.portal.it.cash;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a newcomer finds on the demo tenants' cash screen (seeded by {@code bin/portal run} and
 * {@code test}, tenant-admin's DemoCash): statements of the demo bank account whose lines are
 * applied with their payments, suggested with candidates, and unapplied with the reason nothing
 * fits. Read as the application role, bound to the tenant, as the screen reads them.
 *
 * <p>Needs only PostgreSQL (no server, no Arquillian deployment).
 */
class DemoCashIT {
  @ParameterizedTest
  @ValueSource(strings = {"acme", "globex"})
  void eachDemoTenantHasAppliedSuggestedAndUnappliedLinesWithWhatExplainsThem(String tenant)
      throws SQLException {
    Map<String, Long> lines = new HashMap<>();
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      try (PreparedStatement bind =
          db.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
        bind.setString(1, tenant);
        bind.execute();
      }
      try (PreparedStatement q =
              db.prepareStatement(
                  """
                  select l.status, count(*) from bank_statement_line l
                  join bank_statement s on s.tenant_id = l.tenant_id and s.id = l.statement_id
                  where s.statement_id like 'DEMO-%'
                    and case l.status
                          when 'APPLIED' then l.payment_id is not null
                          else exists (select 1 from cash_match m
                                       where m.tenant_id = l.tenant_id and m.line_id = l.id
                                         and m.status = l.status and m.reason <> '')
                        end
                  group by 1""");
          ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          lines.put(rs.getString(1), rs.getLong(2));
        }
      }
      db.rollback();
    }
    for (String status : new String[] {"APPLIED", "SUGGESTED", "UNAPPLIED"}) {
      assertTrue(
          lines.getOrDefault(status, 0L) > 0, tenant + " has no " + status + " line: " + lines);
    }
  }
}
