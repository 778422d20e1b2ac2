package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The record of each upload, written in its own transaction so that a rejected file is still on record. */
@TenantService
public class ImportRuns {
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final Type ERROR_LIST = new ParameterizedType() {
    @Override public Type[] getActualTypeArguments() { return new Type[] {FieldError.class}; }
    @Override public Type getRawType() { return List.class; }
    @Override public Type getOwnerType() { return null; }
  };

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;

  public ImportReport record(ImportReport report, String sha256) {
    Number id = (Number) em.createNativeQuery("insert into import_run (tenant_id, kind, file_name, sha256, outcome, "
            + "data_rows, created, unchanged, error_count, errors, created_by) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 as jsonb), ?11) returning id")
        .setParameter(1, context.requireTenant().id()).setParameter(2, report.kind())
        .setParameter(3, report.fileName()).setParameter(4, sha256).setParameter(5, report.outcome().name())
        .setParameter(6, report.rows()).setParameter(7, report.created()).setParameter(8, report.unchanged())
        .setParameter(9, report.errorCount()).setParameter(10, JSON.toJson(report.errors()))
        .setParameter(11, context.requireUser().username())
        .getSingleResult();
    return report.withId(id.longValue());
  }

  public Optional<ImportReport> find(long id) {
    return query(" and id = ?2", id, 1).stream().findFirst();
  }

  /** The latest uploads first, without their error lists. */
  public List<ImportReport> recent(int limit) {
    return query("", null, limit).stream()
        .map(r -> new ImportReport(r.id(), r.kind(), r.fileName(), r.outcome(), r.rows(), r.created(),
            r.unchanged(), r.errorCount(), List.of()))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<ImportReport> query(String condition, Long id, int limit) {
    var query = em.createNativeQuery("select id, kind, file_name, outcome, data_rows, created, unchanged, "
        + "error_count, errors::text from import_run where tenant_id = ?1" + condition
        + " order by created_at desc, id desc limit " + limit)
        .setParameter(1, context.requireTenant().id());
    if (id != null) {
      query.setParameter(2, id);
    }
    List<ImportReport> reports = new ArrayList<>();
    for (Object[] r : (List<Object[]>) query.getResultList()) {
      List<FieldError> errors = JSON.fromJson((String) r[8], ERROR_LIST);
      reports.add(new ImportReport(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
          ImportReport.Outcome.valueOf((String) r[3]), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(),
          ((Number) r[6]).longValue(), ((Number) r[7]).longValue(), errors));
    }
    return reports;
  }
}
