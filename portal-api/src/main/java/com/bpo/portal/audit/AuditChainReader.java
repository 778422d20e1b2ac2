package com.bpo.portal.audit;

import com.bpo.portal.shared.sql.SqlFailure;
import com.bpo.portal.shared.sql.TenantSql;
import java.sql.Connection;

/**
 * Streams a tenant's sealed records in chain order into an {@link AuditChain}. Shared by the
 * service (the application's connection, inside a tenant-bound transaction) and the command line
 * (the owner's connection, bound to the tenant the same way).
 */
public final class AuditChainReader {
  private AuditChainReader() {}

  public static AuditChain.Verification verify(Connection db, String tenantId) {
    return verify(new AuditQueries(TenantSql.on(db, tenantId)), tenantId);
  }

  static AuditChain.Verification verify(AuditQueries queries, String tenantId) {
    AuditChain chain = new AuditChain();
    try {
      queries.sealedChain(chain::accept);
      return chain.result(queries.unsealed());
    } catch (SqlFailure e) {
      throw new IllegalStateException("Could not read the audit chain of " + tenantId, e);
    }
  }
}
