package com.bpo.portal.tenantadmin.cli;

import com.bpo.portal.audit.AuditChain;
import com.bpo.portal.audit.AuditChainReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code audit verify [tenant]}: seals what is committed, then walks each tenant's chain with
 * {@link AuditChain}, which recomputes every hash in Java rather than trusting the database's.
 */
final class AuditVerification {
  private final Connection db;

  AuditVerification(Connection db) {
    this.db = db;
  }

  /** Prints one line per tenant; true when every chain is intact. */
  boolean verify(String onlyTenant) throws SQLException {
    db.setAutoCommit(false);
    sealEverything();
    boolean intact = true;
    for (String tenant : tenants(onlyTenant)) {
      try (PreparedStatement bind = db.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
        bind.setString(1, tenant);
        bind.execute();
      }
      AuditChain.Verification result = AuditChainReader.verify(db, tenant);
      db.commit();
      intact &= result.intact();
      System.out.printf("%-20s %s: %d record(s) checked, %d waiting to be sealed%s%n", tenant,
          result.intact() ? "intact" : "BROKEN", result.checked(), result.unsealed(),
          result.intact() ? "" : " - " + result.problem());
    }
    return intact;
  }

  private void sealEverything() throws SQLException {
    int sealed;
    do {
      try (PreparedStatement seal = db.prepareStatement("select audit_seal(10000)"); ResultSet rs = seal.executeQuery()) {
        rs.next();
        sealed = rs.getInt(1);
      }
      db.commit();
    } while (sealed > 0);
  }

  private List<String> tenants(String onlyTenant) throws SQLException {
    List<String> tenants = new ArrayList<>();
    try (PreparedStatement q = db.prepareStatement("select id from tenant where cast(? as text) is null or id = ? order by id")) {
      q.setString(1, onlyTenant);
      q.setString(2, onlyTenant);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          tenants.add(rs.getString(1));
        }
      }
    }
    db.commit();
    if (onlyTenant != null && tenants.isEmpty()) {
      throw new IllegalArgumentException("No tenant " + onlyTenant);
    }
    return tenants;
  }
}
