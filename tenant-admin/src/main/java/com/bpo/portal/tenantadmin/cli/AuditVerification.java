package com.bpo.portal.tenantadmin.cli;

import com.bpo.portal.audit.AuditChain;
import com.bpo.portal.audit.AuditChainReader;
import com.bpo.portal.tenantadmin.AdminChain;
import com.bpo.portal.tenantadmin.AuditAnchors;
import com.bpo.portal.tenantadmin.ProvisioningSteps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code audit verify [tenant]}: seals what is committed, then walks each tenant's chain with
 * {@link AuditChain} and the platform's admin log with {@link AdminChain}, both recomputing every
 * hash in Java rather than trusting the database's; then compares the database with every chain
 * head anchored outside it ({@link AuditAnchors}, in {@code anchors}), which catches a history
 * rewritten with its hashes recomputed.
 */
final class AuditVerification {
  private final Connection db;
  private final Path anchors;

  AuditVerification(Connection db, Path anchors) {
    this.db = db;
    this.anchors = anchors;
  }

  /** Prints one line per tenant; true when every chain is intact. */
  boolean verify(String onlyTenant) throws SQLException {
    db.setAutoCommit(false);
    sealEverything();
    boolean intact = true;
    for (String tenant : tenants(onlyTenant)) {
      ProvisioningSteps.bind(db, tenant);
      AuditChain.Verification result = AuditChainReader.verify(db, tenant);
      db.commit();
      intact &= result.intact();
      System.out.printf(
          "%-20s %s: %d record(s) checked, %d waiting to be sealed%s%n",
          tenant,
          result.intact() ? "intact" : "BROKEN",
          result.checked(),
          result.unsealed(),
          result.intact() ? "" : " - " + result.problem());
    }
    if (onlyTenant == null) {
      AdminChain.Verification admin = verifyAdminChain();
      intact &= admin.intact();
      System.out.printf(
          "%-20s %s: %d record(s) checked%s%n",
          "(admin log)",
          admin.intact() ? "intact" : "BROKEN",
          admin.checked(),
          admin.intact() ? "" : " - " + admin.problem());
    }
    return compareWithAnchors(onlyTenant) && intact;
  }

  private AdminChain.Verification verifyAdminChain() throws SQLException {
    AdminChain chain = new AdminChain();
    try (PreparedStatement q =
        db.prepareStatement(
            "select id, occurred_at, actor, action, tenant_slug, detail::text, "
                + "request_id, outcome, seq, prev_hash, hash from admin_action order by seq")) {
      q.setFetchSize(1000);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          chain.accept(
              new AdminChain.Link(
                  rs.getLong(1),
                  rs.getTimestamp(2).toInstant(),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getLong(9),
                  rs.getString(10),
                  rs.getString(11)));
        }
      }
    }
    db.commit();
    return chain.result();
  }

  private boolean compareWithAnchors(String onlyTenant) throws SQLException {
    if (anchors == null) {
      System.out.println("No anchor directory (PORTAL_AUDIT_ANCHOR_DIR): chain heads not compared");
      return true;
    }
    List<AuditAnchors.Head> anchored;
    try {
      anchored =
          AuditAnchors.read(anchors).stream()
              .filter(
                  h ->
                      onlyTenant == null
                          || h.chain().equals(AuditAnchors.TENANT_PREFIX + onlyTenant))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the anchors in " + anchors, e);
    }
    List<String> existing = tenants(null);
    List<String> problems =
        AuditAnchors.compare(
            anchored,
            chain ->
                chain.equals(AuditAnchors.ADMIN_CHAIN)
                    || existing.contains(chain.substring(AuditAnchors.TENANT_PREFIX.length())),
            this::hashAt);
    problems.forEach(p -> System.out.println("ANCHOR MISMATCH: " + p));
    System.out.printf(
        "%d anchored head(s) in %s compared: %s%n",
        anchored.size(),
        anchors,
        problems.isEmpty() ? "the database agrees" : problems.size() + " mismatch(es)");
    return problems.isEmpty();
  }

  private Optional<String> hashAt(String chain, long seq) {
    try {
      String hash;
      if (chain.equals(AuditAnchors.ADMIN_CHAIN)) {
        hash = single("select hash from admin_action where seq = ?", null, seq);
      } else {
        String tenant = chain.substring(AuditAnchors.TENANT_PREFIX.length());
        hash =
            single(
                "select hash from audit_event where tenant_id = ? and seal_seq = ?", tenant, seq);
      }
      db.commit();
      return Optional.ofNullable(hash);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read " + chain + " record " + seq, e);
    }
  }

  private String single(String sql, String tenant, long seq) throws SQLException {
    if (tenant != null) {
      ProvisioningSteps.bind(db, tenant);
    }
    try (PreparedStatement q = db.prepareStatement(sql)) {
      int i = 1;
      if (tenant != null) {
        q.setString(i++, tenant);
      }
      q.setLong(i, seq);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private void sealEverything() throws SQLException {
    int sealed;
    do {
      try (PreparedStatement seal = db.prepareStatement("select audit_seal(10000)");
          ResultSet rs = seal.executeQuery()) {
        rs.next();
        sealed = rs.getInt(1);
      }
      db.commit();
    } while (sealed > 0);
  }

  private List<String> tenants(String onlyTenant) throws SQLException {
    List<String> tenants = TenantIds.of(db, onlyTenant);
    if (onlyTenant != null && tenants.isEmpty()) {
      throw new IllegalArgumentException("No tenant " + onlyTenant);
    }
    return tenants;
  }
}
