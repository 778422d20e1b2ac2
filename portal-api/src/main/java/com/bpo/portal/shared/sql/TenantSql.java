package com.bpo.portal.shared.sql;

import com.bpo.portal.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;

/**
 * Native SQL for the active tenant, on the transaction's own connection (so row-level security and
 * the tenant's {@code set_config} apply). Every statement must name {@code :tenant}, which this
 * class binds from the {@link TenantContext}: a query class cannot forget the tenant or take one
 * from a caller. Pending JPA changes are flushed first, so the SQL sees what the transaction wrote.
 *
 * <p>For the rare statement over tables without tenants (the tenant registry itself), use {@link
 * #global(String)}.
 */
@ApplicationScoped
public class TenantSql {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;

  private Connection held;
  private String heldTenant;

  /**
   * Statements for one tenant on a connection the caller holds and has bound to that tenant
   * (row-level security still applies): for code run outside the container, such as a fixture test
   * or the command line, that shares a feature's query class.
   */
  public static TenantSql on(Connection connection, String tenantId) {
    TenantSql sql = new TenantSql();
    sql.held = java.util.Objects.requireNonNull(connection);
    sql.heldTenant = java.util.Objects.requireNonNull(tenantId);
    return sql;
  }

  /** A statement over tenant-owned tables; its text must contain {@code :tenant}. */
  public Statement sql(String text) {
    if (!Statement.names(text).contains(Statement.TENANT)) {
      throw new IllegalArgumentException("Tenant SQL must filter by :tenant: " + text);
    }
    String tenant = heldTenant != null ? heldTenant : context.requireTenant().id();
    return new Statement(this::connection, text).bind(Statement.TENANT, tenant);
  }

  /**
   * A statement prepared once for many runs on the transaction's connection (bulk paths such as an
   * import's JDBC batches); like {@link #sql} its text must contain {@code :tenant}. Close it.
   */
  public PreparedSql prepare(String text) {
    if (!Statement.names(text).contains(Statement.TENANT)) {
      throw new IllegalArgumentException("Tenant SQL must filter by :tenant: " + text);
    }
    return new PreparedSql(connection(), text, context.requireTenant().id());
  }

  /**
   * A statement over tables that hold no tenant's data, or a setting of the transaction; it must
   * not name {@code :tenant}, which only {@link #sql} binds, from the context (a tenant bound here
   * would come from the caller).
   */
  public Statement global(String text) {
    if (Statement.names(text).contains(Statement.TENANT)) {
      throw new IllegalArgumentException(
          "Global SQL must not name :tenant; tenant SQL goes through sql(): " + text);
    }
    return new Statement(this::connection, text);
  }

  /**
   * Runs work without PostgreSQL's JIT compilation, then gives the transaction its setting back.
   * For statements the planner prices high (many rows it cannot estimate, or thousands of index
   * probes) that compiling makes slower: the close's month end (2.1 s with JIT, 1.3 s without), a
   * cash statement's block look-ups (170 ms of compiling for 50 ms of probes).
   */
  public <T> T withoutJit(java.util.function.Supplier<T> work) {
    return withSetting("jit", "off", work);
  }

  /**
   * Runs work with the generic plans of prepared statements, then gives the transaction its setting
   * back; above all the plans of the foreign-key checks the work's inserts make. Planned for a
   * tenant's own value, such a check trusts the statistics of the referenced table, and a tenant
   * they do not know yet (new, or small beside the others: PostgreSQL's most common values cover
   * the whole sample) is estimated at one row. Every index that starts with {@code tenant_id} then
   * looks as good as the key, and the check may read the tenant's rows by another index, filtering
   * on the id: the first statements of a new tenant's cash took longer with each line it wrote (30,
   * 53, 77, 100, 129, 172 s for six statements of 10,000 lines, each line's checks scanning what
   * the statements before had written). The generic plan does not know the tenant, and finds the
   * row by its key.
   */
  public <T> T withGenericPlans(java.util.function.Supplier<T> work) {
    return withSetting("plan_cache_mode", "force_generic_plan", work);
  }

  private <T> T withSetting(String name, String value, java.util.function.Supplier<T> work) {
    String before =
        global("select current_setting(:name) as value")
            .bind("name", name)
            .one(r -> r.string("value"));
    global("select set_config(:name, :value, true) as value")
        .bind("name", name)
        .bind("value", value)
        .one(r -> r.string("value"));
    // given back once the work is done; not when it fails: the setting is the transaction's and
    // ends with it, and a statement after a failed one would only replace the failure with
    // "current transaction is aborted"
    T result = work.get();
    global("select set_config(:name, :value, true) as value")
        .bind("name", name)
        .bind("value", before)
        .one(r -> r.string("value"));
    return result;
  }

  /** {@link #withoutJit(java.util.function.Supplier)} for work that answers nothing. */
  public void withoutJit(Runnable work) {
    withoutJit(
        () -> {
          work.run();
          return null;
        });
  }

  private static final java.util.regex.Pattern SEQUENCE =
      java.util.regex.Pattern.compile("[a-z][a-z0-9_]*_seq");

  /**
   * {@code count} ids drawn from a sequence in one round trip, for rows a bulk statement inserts
   * with their ids (so the caller knows each row's id without relying on the order {@code
   * returning} gives). The sequence is a name in the code, never input.
   */
  public java.util.List<Long> nextIds(String sequence, int count) {
    if (!SEQUENCE.matcher(sequence).matches()) {
      throw new IllegalArgumentException("Not a sequence name: " + sequence);
    }
    if (count <= 0) {
      return java.util.List.of();
    }
    return global("select nextval('" + sequence + "') as id from generate_series(1, :n)")
        .bind("n", count)
        .list(r -> r.longValue("id"));
  }

  /**
   * Writes the transaction's pending JPA changes and detaches every entity it has loaded. Each
   * statement here flushes first, and a flush compares every managed entity with its copy: a long
   * transaction that goes through JPA-using services thousands of times (a bank statement's lines
   * raising deductions) calls this between its units of work, so that its flushes do not grow with
   * it. The caller must hold no entity it still means to change.
   */
  public void flushAndForget() {
    if (held == null && em.isJoinedToTransaction()) {
      em.flush();
      em.clear();
    }
  }

  private Connection connection() {
    if (held != null) {
      return held;
    }
    if (em.isJoinedToTransaction()) {
      em.flush();
    }
    return em.unwrap(Connection.class);
  }
}
