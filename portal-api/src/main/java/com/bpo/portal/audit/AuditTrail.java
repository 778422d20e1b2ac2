package com.bpo.portal.audit;

import com.bpo.portal.shared.CsvOut;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.sql.SqlFailure;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes the events no table records by itself (sign-ins, exports, bulk imports) and reads the
 * trail for the auditor. Changes to business rows are recorded by V13's triggers, not here.
 * Everything runs on the transaction's own connection, so row-level security applies as well as the
 * {@code tenant_id} predicate every statement carries; the SQL is {@link AuditQueries}'.
 */
@TenantService
public class AuditTrail {
  /** Actions the application writes; the triggers write INSERT, UPDATE and DELETE. */
  public static final String SIGN_IN = "SIGN_IN";

  public static final String EXPORT = "EXPORT";
  public static final String IMPORT = "IMPORT";

  @Inject TenantContext context;
  @Inject AuditQueries queries;

  /**
   * Records an event of the active tenant, by the signed-in user, under the current request's id.
   */
  public void record(String action, String entity, String entityId, Map<String, String> detail) {
    JsonObjectBuilder after = Json.createObjectBuilder();
    detail.forEach((key, value) -> after.add(key, value == null ? "" : value));
    queries.insert(action, entity, entityId, after.build());
  }

  /**
   * Newest first, keyset-paginated on the record id; each record as its data's own rules let the
   * reader see it.
   */
  public Page<AuditRecord> list(AuditFilter filter, PageRequest page) {
    UnaryOperator<AuditRecord> visible = AuditVisibility.forReader(context.requireUser());
    Page<AuditRecord> rows = queries.list(filter, context.requireTenant().timeZone(), page);
    return new Page<>(rows.items().stream().map(visible).toList(), rows.next());
  }

  /**
   * The filtered trail as CSV (formulas neutralised), streamed row by row; the export is itself
   * recorded.
   */
  public void exportCsv(AuditFilter filter, OutputStream out) {
    UnaryOperator<AuditRecord> visible = AuditVisibility.forReader(context.requireUser());
    record(EXPORT, "audit_event", null, Map.of("format", "csv", "filter", describe(filter)));
    try {
      CsvOut csv =
          CsvOut.to(
              out,
              "id",
              "occurred_at",
              "actor",
              "action",
              "entity",
              "entity_id",
              "before",
              "after",
              "request_id",
              "seal_seq");
      queries.forEach(
          filter,
          context.requireTenant().timeZone(),
          read -> {
            AuditRecord row = visible.apply(read);
            try {
              csv.row(
                  row.id(),
                  row.occurredAt(),
                  row.actor(),
                  row.action(),
                  row.entity(),
                  row.entityId(),
                  row.before(),
                  row.after(),
                  row.requestId(),
                  row.sealSeq());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      csv.flush();
    } catch (SqlFailure e) {
      throw new IllegalStateException("Could not export the audit trail", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Walks the tenant's sealed chain in order and checks every link (see {@link AuditChain}). */
  public AuditChain.Verification verify() {
    return AuditChainReader.verify(queries, context.requireTenant().id());
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
}
