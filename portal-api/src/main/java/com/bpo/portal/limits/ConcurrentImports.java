package com.bpo.portal.limits;

import com.bpo.portal.shared.TooBusy;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds how many imports run at once, per tenant and over the whole portal, so that one tenant's
 * million-row file cannot take the connections and cores every other tenant's screens need (issue
 * 22, "no noisy neighbour"). The slots are PostgreSQL advisory locks taken with {@code
 * pg_try_advisory_xact_lock} inside the import's own transaction: every Liberty instance sees the
 * same slots, and a slot is given back when the transaction ends however it ends (commit, rollback,
 * a killed server's connection), so nothing can leak. An import beyond the limit is refused at once
 * with {@link TooBusy} (429 and Retry-After), never queued holding a thread.
 *
 * <p>A tenant's slot keys are a hash of its id: two tenants whose keys collide would share their
 * slots, which can only make one wait, never let more run.
 */
@ApplicationScoped
public class ConcurrentImports {
  @Inject
  @ConfigProperty(name = "portal.imports.concurrent.per-tenant", defaultValue = "1")
  int perTenant;

  @Inject
  @ConfigProperty(name = "portal.imports.concurrent.overall", defaultValue = "2")
  int overall;

  @Inject
  @ConfigProperty(name = "portal.imports.retry-after.seconds", defaultValue = "30")
  int retryAfterSeconds;

  /**
   * Takes a slot for the active tenant's import in the current transaction, or refuses it. Call it
   * first in the import's transaction, before any row is read.
   */
  public void admit(TenantSql sql) {
    ImportAdmission.Verdict verdict =
        new ImportAdmission(perTenant, overall)
            .admit(
                slot ->
                    sql.sql(
                            "select pg_try_advisory_xact_lock(hashtext('import:' || :tenant || ':'"
                                + " || :slot)) as taken")
                        .bind("slot", slot)
                        .one(r -> r.bool("taken")),
                slot ->
                    sql.global(
                            "select pg_try_advisory_xact_lock(hashtext('import::' || :slot)) as taken")
                        .bind("slot", slot)
                        .one(r -> r.bool("taken")));
    switch (verdict) {
      case ADMITTED -> {}
      case TENANT_BUSY ->
          throw new TooBusy(
              (perTenant == 1
                      ? "Another import for this client is still running"
                      : perTenant + " imports for this client are still running")
                  + "; nothing was imported. Try again in "
                  + retryAfterSeconds
                  + " seconds.",
              retryAfterSeconds);
      case PORTAL_BUSY ->
          throw new TooBusy(
              "The portal is running as many imports as it allows; nothing was imported. "
                  + "Try again in "
                  + retryAfterSeconds
                  + " seconds.",
              retryAfterSeconds);
    }
  }
}
