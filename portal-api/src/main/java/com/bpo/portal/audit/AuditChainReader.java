package com.bpo.portal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Streams a tenant's sealed records in chain order into an {@link AuditChain}. Shared by the
 * service (the application's connection, inside a tenant-bound transaction) and the command line
 * (the owner's connection, bound to the tenant the same way).
 */
public final class AuditChainReader {
  private AuditChainReader() {}

  public static AuditChain.Verification verify(Connection db, String tenantId) {
    AuditChain chain = new AuditChain();
    try (PreparedStatement query = db.prepareStatement("""
             select id, tenant_id, occurred_at, actor, action, entity, entity_id, before::text, after::text,
                    request_id, seal_seq, prev_hash, hash
             from audit_event where tenant_id = ? and seal_seq is not null order by seal_seq""");
         PreparedStatement open = db.prepareStatement(
             "select count(*) from audit_event where tenant_id = ? and seal_seq is null")) {
      query.setFetchSize(1000);
      query.setString(1, tenantId);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Timestamp at = rs.getTimestamp(3);
          chain.accept(new AuditChain.Link(rs.getLong(1), rs.getString(2), at.toInstant(), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
              rs.getLong(11), rs.getString(12), rs.getString(13)));
        }
      }
      open.setString(1, tenantId);
      try (ResultSet rs = open.executeQuery()) {
        rs.next();
        return chain.result(rs.getLong(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the audit chain of " + tenantId, e);
    }
  }
}
