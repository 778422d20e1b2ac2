package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.sql.TenantSql;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} of bulk uploads, per tenant, kept {@link #HOURS} hours: a connector
 * that sends the same upload again (a retry after a lost answer) gets the first answer back and
 * nothing is imported twice; the same key with another body is a client error, never a second
 * import. Each method is its own short transaction, apart from the import's.
 */
@TenantService
public class IdempotencyKeys {
  static final int HOURS = 24;

  /** What a key means for an upload. */
  public enum State {
    /** First use: this upload runs, then {@link #answered} records its run. */
    NEW,
    /** Used before with the same kind and body: answer that run again. */
    REPLAY,
    /** Used before with another kind or body. */
    REUSED,
    /** Used by an upload of the same body that has not answered yet. */
    RUNNING
  }

  public record Claim(State state, Long runId) {}

  /** A key already there, as read. */
  record Stored(String kind, String sha256, Long runId) {}

  @Inject TenantSql sql;

  /** Claims the key for this upload, or says why it is already taken. */
  public Claim claim(String key, ImportKind kind, String sha256) {
    sql.sql(
            "delete from import_idempotency_key where tenant_id = :tenant "
                + "and created_at < now() - make_interval(hours => :hours)")
        .bind("hours", HOURS)
        .update();
    boolean claimed =
        sql.sql(
                    """
                insert into import_idempotency_key (tenant_id, idempotency_key, kind, request_sha256)
                values (:tenant, :key, :kind, :sha256) on conflict do nothing""")
                .bind("key", key)
                .bind("kind", kind.name())
                .bind("sha256", sha256)
                .update()
            == 1;
    if (claimed) {
      return new Claim(State.NEW, null);
    }
    Optional<Stored> stored =
        sql.sql(
                "select kind, request_sha256, import_run_id from import_idempotency_key "
                    + "where tenant_id = :tenant and idempotency_key = :key")
            .bind("key", key)
            .optional(
                r ->
                    new Stored(
                        r.string("kind"),
                        r.string("request_sha256"),
                        r.longOrNull("import_run_id")));
    // gone between the insert and the select (expired and deleted by another upload): taken again
    return stored.map(s -> decide(kind, sha256, s)).orElseGet(() -> claim(key, kind, sha256));
  }

  static Claim decide(ImportKind kind, String sha256, Stored stored) {
    if (!stored.kind().equals(kind.name()) || !stored.sha256().equals(sha256)) {
      return new Claim(State.REUSED, null);
    }
    return stored.runId() == null
        ? new Claim(State.RUNNING, null)
        : new Claim(State.REPLAY, stored.runId());
  }

  /** The upload that claimed the key answered with this run. */
  public void answered(String key, long runId) {
    sql.sql(
            "update import_idempotency_key set import_run_id = :run "
                + "where tenant_id = :tenant and idempotency_key = :key")
        .bind("run", runId)
        .bind("key", key)
        .update();
  }

  /** The upload that claimed the key failed without an answer: the key may be used again. */
  public void release(String key) {
    sql.sql(
            "delete from import_idempotency_key where tenant_id = :tenant "
                + "and idempotency_key = :key and import_run_id is null")
        .bind("key", key)
        .update();
  }
}
