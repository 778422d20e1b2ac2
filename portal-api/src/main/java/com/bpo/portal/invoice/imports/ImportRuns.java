package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import com.bpo.portal.webhook.WebhookEventType;
import com.bpo.portal.webhook.WebhookEvents;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of each upload, written in its own transaction so that a rejected file is still on
 * record.
 */
@TenantService
public class ImportRuns {
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final String COLUMNS =
      "select id, kind, file_name, outcome, data_rows, created, updated, unchanged, refused, "
          + "error_count";
  private static final String FROM = " from import_run where tenant_id = :tenant";
  private static final Type ERROR_LIST =
      new ParameterizedType() {
        @Override
        public Type[] getActualTypeArguments() {
          return new Type[] {FieldError.class};
        }

        @Override
        public Type getRawType() {
          return List.class;
        }

        @Override
        public Type getOwnerType() {
          return null;
        }
      };

  @Inject TenantContext context;
  @Inject TenantSql sql;
  @Inject WebhookEvents webhooks;

  public ImportReport record(ImportReport report, String sha256) {
    long id =
        sql.sql(
                """
            insert into import_run (tenant_id, kind, file_name, sha256, outcome, data_rows, created, updated,
                                    unchanged, refused, error_count, errors, created_by)
            values (:tenant, :kind, :fileName, :sha256, :outcome, :rows, :created, :updated, :unchanged,
                    :refused, :errorCount, cast(:errors as jsonb), :createdBy) returning id""")
            .bind("kind", report.kind())
            .bind("fileName", report.fileName())
            .bind("sha256", sha256)
            .bind("outcome", report.outcome())
            .bind("rows", report.rows())
            .bind("created", report.created())
            .bind("updated", report.updated())
            .bind("unchanged", report.unchanged())
            .bind("refused", report.refused())
            .bind("errorCount", report.errorCount())
            .bind("errors", JSON.toJson(report.errors()))
            .bind("createdBy", context.requireUser().username())
            .one(r -> r.longValue("id"));
    webhooks.publish(
        WebhookEventType.IMPORT_FINISHED,
        Map.of(
            "importId", id,
            "kind", report.kind(),
            "outcome", report.outcome().name(),
            "rows", report.rows(),
            "created", report.created(),
            "unchanged", report.unchanged(),
            "errorCount", report.errorCount()));
    return report.withId(id);
  }

  public Optional<ImportReport> find(long id) {
    return sql.sql(COLUMNS + ", errors::text as errors" + FROM + " and id = :id")
        .bind("id", id)
        .optional(r -> report(r, JSON.fromJson(r.string("errors"), ERROR_LIST)));
  }

  /** The latest uploads first, without their error lists (neither read nor parsed). */
  public List<ImportReport> recent(int limit) {
    return sql.sql(COLUMNS + FROM + " order by created_at desc, id desc limit :limit")
        .bind("limit", limit)
        .list(r -> report(r, List.of()));
  }

  private static ImportReport report(Row r, List<FieldError> errors) {
    return new ImportReport(
        r.longValue("id"),
        r.string("kind"),
        r.string("file_name"),
        r.enumValue("outcome", ImportReport.Outcome.class),
        r.longValue("data_rows"),
        r.longValue("created"),
        r.longValue("updated"),
        r.longValue("unchanged"),
        r.longValue("refused"),
        r.longValue("error_count"),
        errors);
  }
}
