package com.bpo.portal.audit;

import com.bpo.portal.shared.CsvOut;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Writes the events no table records by itself (sign-ins, exports, bulk imports) and reads the
 * trail for the auditor. Changes to business rows are recorded by V13's triggers, not here.
 * Everything runs on the transaction's own connection, so row-level security applies as well as
 * the {@code tenant_id} predicate every statement carries.
 */
@TenantService
public class AuditTrail {
  /** Actions the application writes; the triggers write INSERT, UPDATE and DELETE. */
  public static final String SIGN_IN = "SIGN_IN";
  public static final String EXPORT = "EXPORT";
  public static final String IMPORT = "IMPORT";

  private static final String COLUMNS =
      "id, occurred_at, actor, action, entity, entity_id, before::text, after::text, request_id, seal_seq";
  private static final String FILTER = """
       where tenant_id = ?
         and (cast(? as text) is null or entity = ?)
         and (cast(? as text) is null or entity_id = ?)
         and (cast(? as text) is null or actor = ?)
         and (cast(? as text) is null or action = ?)
         and (cast(? as date) is null or occurred_at >= cast(? as date)::timestamp at time zone ?)
         and (cast(? as date) is null or occurred_at < (cast(? as date) + 1)::timestamp at time zone ?)
      """;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;

  /** Records an event of the active tenant, by the signed-in user, under the current request's id. */
  public void record(String action, String entity, String entityId, Map<String, String> detail) {
    JsonObjectBuilder after = Json.createObjectBuilder();
    detail.forEach((key, value) -> after.add(key, value == null ? "" : value));
    try (PreparedStatement insert = connection().prepareStatement("""
        insert into audit_event (tenant_id, actor, action, entity, entity_id, after, request_id)
        values (?, coalesce(nullif(current_setting('portal.actor', true), ''), 'system'), ?, ?, ?, cast(? as jsonb),
                nullif(current_setting('portal.request_id', true), ''))""")) {
      insert.setString(1, context.requireTenant().id());
      insert.setString(2, action);
      insert.setString(3, entity);
      insert.setString(4, entityId);
      insert.setString(5, after.build().toString());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write the audit trail", e);
    }
  }

  /** Newest first, keyset-paginated on the record id. */
  public Page<AuditRecord> list(AuditFilter filter, PageRequest page) {
    String sql = "select " + COLUMNS + " from audit_event" + FILTER
        + " and (cast(? as bigint) is null or id < cast(? as bigint)) order by id desc limit ?";
    Long after = page.after().map(key -> PageRequest.keyPart(key, 0, Long::valueOf)).orElse(null);
    try (PreparedStatement query = connection().prepareStatement(sql)) {
      int next = bind(query, filter);
      query.setObject(next++, after, Types.BIGINT);
      query.setObject(next++, after, Types.BIGINT);
      query.setInt(next, page.limit() + 1);
      List<AuditRecord> rows = new ArrayList<>();
      UnaryOperator<AuditRecord> visible = AuditVisibility.forReader(context.requireUser());
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          rows.add(visible.apply(read(rs)));
        }
      }
      return page.page(rows, row -> List.of(Long.toString(row.id())));
    } catch (SQLException | NumberFormatException e) {
      throw new IllegalStateException("Could not read the audit trail", e);
    }
  }

  /** The filtered trail as CSV, streamed row by row; the export is itself recorded. */
  public void exportCsv(AuditFilter filter, OutputStream out) {
    UnaryOperator<AuditRecord> visible = AuditVisibility.forReader(context.requireUser());
    record(EXPORT, "audit_event", null, Map.of("format", "csv", "filter", describe(filter)));
    String sql = "select " + COLUMNS + " from audit_event" + FILTER + " order by id desc";
    try (PreparedStatement query = connection().prepareStatement(sql)) {
      query.setFetchSize(1000);
      bind(query, filter);
      CsvOut csv = CsvOut.to(out, "id", "occurred_at", "actor", "action", "entity", "entity_id", "before", "after",
          "request_id", "seal_seq");
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          AuditRecord row = visible.apply(read(rs));
          csv.row(row.id(), row.occurredAt(), row.actor(), row.action(), row.entity(), row.entityId(),
              row.before(), row.after(), row.requestId(), row.sealSeq());
        }
      }
      csv.flush();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not export the audit trail", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Walks the tenant's sealed chain in order and checks every link (see {@link AuditChain}). */
  public AuditChain.Verification verify() {
    return AuditChainReader.verify(connection(), context.requireTenant().id());
  }

  private int bind(PreparedStatement query, AuditFilter filter) throws SQLException {
    String zone = context.requireTenant().timeZone();
    int i = 1;
    query.setString(i++, context.requireTenant().id());
    for (Optional<String> text : List.of(filter.entity(), filter.entityId(), filter.actor(), filter.action())) {
      query.setString(i++, text.orElse(null));
      query.setString(i++, text.orElse(null));
    }
    for (var date : List.of(filter.from(), filter.to())) {
      java.sql.Date value = date.map(java.sql.Date::valueOf).orElse(null);
      query.setDate(i++, value);
      query.setDate(i++, value);
      query.setString(i++, zone);
    }
    return i;
  }

  private static AuditRecord read(ResultSet rs) throws SQLException {
    long seal = rs.getLong(10);
    Long sealSeq = rs.wasNull() ? null : seal;   // asked at once: wasNull speaks of the last column read
    return new AuditRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), json(rs.getString(7)), json(rs.getString(8)), rs.getString(9),
        sealSeq);
  }

  private static JsonObject json(String text) {
    if (text == null) {
      return null;
    }
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static String describe(AuditFilter filter) {
    List<String> parts = new ArrayList<>();
    filter.entity().ifPresent(v -> parts.add("entity=" + v));
    filter.entityId().ifPresent(v -> parts.add("id=" + v));
    filter.actor().ifPresent(v -> parts.add("actor=" + v));
    filter.action().ifPresent(v -> parts.add("action=" + v));
    filter.from().ifPresent(v -> parts.add("from=" + v));
    filter.to().ifPresent(v -> parts.add("to=" + v));
    return String.join(" ", parts);
  }

  private Connection connection() {
    return em.unwrap(Connection.class);
  }
}
