package com.bpo.portal.audit;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.sql.Keyset;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.Statement;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.function.Consumer;

/**
 * The SQL of the audit trail: the events the application writes, the auditor's filtered reading,
 * and the sealed chain in order. The triggers of V13 write the rest. Every statement is the
 * tenant's through {@link TenantSql} (the command line's too, on its own bound connection).
 */
@ApplicationScoped
public class AuditQueries {
  private static final String COLUMNS =
      "id, occurred_at, actor, action, entity, entity_id, before::text as before, after::text as after, request_id, "
          + "seal_seq";

  @Inject TenantSql sql;

  /** For CDI. */
  AuditQueries() {}

  /**
   * Over a connection outside the container, already bound to the tenant (see {@link
   * TenantSql#on}).
   */
  public AuditQueries(TenantSql sql) {
    this.sql = sql;
  }

  /**
   * An event by the transaction's actor ({@code portal.actor}, else "system") under its request id.
   */
  void insert(String action, String entity, String entityId, JsonObject after) {
    sql.sql(
            """
        insert into audit_event (tenant_id, actor, action, entity, entity_id, after, request_id)
        values (:tenant, coalesce(nullif(current_setting('portal.actor', true), ''), 'system'), :action, :entity,
                :entityId, cast(:after as jsonb), nullif(current_setting('portal.request_id', true), ''))""")
        .bind("action", action)
        .bind("entity", entity)
        .bind("entityId", entityId)
        .bind("after", after.toString())
        .update();
  }

  /** Newest first, keyset-paginated on the record id; dates are days in {@code zone}. */
  Page<AuditRecord> list(AuditFilter filter, String zone, PageRequest page) {
    return filtered(filter, zone)
        .keyset(Keyset.byId("id", true), page)
        .page(AuditQueries::record, row -> List.of(Long.toString(row.id())));
  }

  /** The whole filtered trail, newest first, streamed row by row. */
  void forEach(AuditFilter filter, String zone, Consumer<AuditRecord> consumer) {
    filtered(filter, zone)
        .append("order by id desc")
        .fetchSize(1000)
        .forEach(r -> consumer.accept(record(r)));
  }

  private Statement filtered(AuditFilter filter, String zone) {
    Statement q =
        sql.sql("select " + COLUMNS + " from audit_event where tenant_id = :tenant")
            .andIf(filter.entity(), "entity = :entity", "entity")
            .andIf(filter.entityId(), "entity_id = :entityId", "entityId")
            .andIf(filter.actor(), "actor = :actor", "actor")
            .andIf(filter.action(), "action = :action", "action");
    filter
        .from()
        .ifPresent(
            from ->
                q.and("occurred_at >= cast(:from as date)::timestamp at time zone :zone")
                    .bind("from", from)
                    .bind("zone", zone));
    filter
        .to()
        .ifPresent(
            to ->
                q.and("occurred_at < (cast(:to as date) + 1)::timestamp at time zone :zone")
                    .bind("to", to)
                    .bind("zone", zone));
    return q;
  }

  /** The sealed records in chain order, streamed. */
  void sealedChain(Consumer<AuditChain.Link> consumer) {
    sql.sql(
            """
        select id, tenant_id, occurred_at, actor, action, entity, entity_id, before::text as before,
               after::text as after, request_id, seal_seq, prev_hash, hash
        from audit_event where tenant_id = :tenant and seal_seq is not null order by seal_seq""")
        .fetchSize(1000)
        .forEach(
            r ->
                consumer.accept(
                    new AuditChain.Link(
                        r.longValue("id"),
                        r.string("tenant_id"),
                        r.instant("occurred_at"),
                        r.string("actor"),
                        r.string("action"),
                        r.string("entity"),
                        r.string("entity_id"),
                        r.string("before"),
                        r.string("after"),
                        r.string("request_id"),
                        r.longValue("seal_seq"),
                        r.string("prev_hash"),
                        r.string("hash"))));
  }

  long unsealed() {
    return sql.sql(
            "select count(*) as unsealed from audit_event where tenant_id = :tenant and seal_seq is null")
        .one(r -> r.longValue("unsealed"));
  }

  private static AuditRecord record(Row r) {
    return new AuditRecord(
        r.longValue("id"),
        r.timestamp("occurred_at"),
        r.string("actor"),
        r.string("action"),
        r.string("entity"),
        r.string("entity_id"),
        json(r.string("before")),
        json(r.string("after")),
        r.string("request_id"),
        r.longOrNull("seal_seq"));
  }

  private static JsonObject json(String text) {
    if (text == null) {
      return null;
    }
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
