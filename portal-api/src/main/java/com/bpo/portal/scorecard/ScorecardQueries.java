package com.bpo.portal.scorecard;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of monthly scorecards: the month, its KPIs, comments, history and service credits, and
 * the SLA contract they are booked under. Every statement is the tenant's through {@link
 * TenantSql}; rows are read by column name. A period is stored as {@code YYYY-MM} in a fixed-width
 * column.
 */
@ApplicationScoped
class ScorecardQueries {
  @Inject TenantSql sql;

  /** The latest stored month (any status when {@code drafts}, else published or signed off). */
  Optional<ScorecardService.Latest> latest(boolean drafts, YearMonth current) {
    // never a future month, whatever was stored before periods were bounded
    return sql.sql(
            "select period, status, overall_score from scorecard where tenant_id = :tenant"
                + " and (:drafts or status <> 'DRAFT') and period <= :current order by period desc limit 1")
        .bind("drafts", drafts)
        .bind("current", current.toString())
        .optional(
            r ->
                new ScorecardService.Latest(
                    r.string("period").trim(),
                    r.enumValue("status", Scorecard.Status.class),
                    r.decimal("overall_score")));
  }

  /** The stored month with its KPIs (each with its trend), comments, history and credits. */
  Optional<Scorecard> stored(YearMonth month) {
    String period = month.toString();
    return sql.sql(
            """
            select status, overall_score, computed_at, published_by, published_at, signed_off_by, signed_off_at,
                   version
            from scorecard where tenant_id = :tenant and period = :period""")
        .bind("period", period)
        .optional(
            s ->
                new Scorecard(
                    period,
                    true,
                    s.enumValue("status", Scorecard.Status.class),
                    s.decimal("overall_score"),
                    s.timestamp("computed_at"),
                    s.string("published_by"),
                    s.timestamp("published_at"),
                    s.string("signed_off_by"),
                    s.timestamp("signed_off_at"),
                    s.longValue("version"),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of()))
        .map(
            s ->
                new Scorecard(
                    s.period(),
                    true,
                    s.status(),
                    s.overallScore(),
                    s.computedAt(),
                    s.publishedBy(),
                    s.publishedAt(),
                    s.signedOffBy(),
                    s.signedOffAt(),
                    s.version(),
                    kpis(month),
                    comments(period),
                    history(period),
                    credits(period)));
  }

  private List<Scorecard.Kpi> kpis(YearMonth month) {
    Map<String, List<Scorecard.Point>> trends = trends(month);
    List<Scorecard.Kpi> kpis =
        sql.sql(
                """
            select k.code, k.def_version, d.name, d.unit, d.direction, k.actual, d.target, d.warning, d.weight, k.rag,
                   d.computed, k.evidence, k.review, k.evidence_file_name
            from scorecard_kpi k join kpi_definition d on d.tenant_id = k.tenant_id and d.code = k.code
                                                     and d.version = k.def_version
            where k.tenant_id = :tenant and k.period = :period""")
            .bind("period", month.toString())
            .list(
                r ->
                    new Scorecard.Kpi(
                        r.string("code"),
                        r.intValue("def_version"),
                        r.string("name"),
                        r.enumValue("unit", KpiDefinition.Unit.class),
                        r.enumValue("direction", Rag.Direction.class),
                        r.decimal("actual"),
                        r.decimal("target"),
                        r.decimal("warning"),
                        r.decimal("weight"),
                        r.enumValue("rag", Rag.class),
                        r.bool("computed"),
                        r.string("evidence"),
                        r.string("evidence_file_name"),
                        r.enumValue("review", Scorecard.Review.class),
                        trends.getOrDefault(r.string("code"), List.of())));
    List<Scorecard.Kpi> sorted = new ArrayList<>(kpis);
    sorted.sort(KpiQueries.CONTRACT_ORDER_OF_KPIS);
    return sorted;
  }

  private List<Scorecard.Comment> comments(String period) {
    return sql.sql(
            "select id, code, kind, author, body, at from scorecard_comment where tenant_id = :tenant"
                + " and period = :period order by at, id")
        .bind("period", period)
        .list(
            r ->
                new Scorecard.Comment(
                    r.longValue("id"),
                    r.string("code"),
                    r.string("kind"),
                    r.string("author"),
                    r.string("body"),
                    r.timestamp("at")));
  }

  private List<Scorecard.Event> history(String period) {
    return sql.sql(
            "select at, actor, action, note from scorecard_event where tenant_id = :tenant"
                + " and period = :period order by at, id")
        .bind("period", period)
        .list(
            r ->
                new Scorecard.Event(
                    r.timestamp("at"), r.string("actor"), r.string("action"), r.string("note")));
  }

  private List<Scorecard.Credit> credits(String period) {
    return sql.sql(
            "select code, currency, amount from service_credit where tenant_id = :tenant"
                + " and period = :period order by code")
        .bind("period", period)
        .list(
            r ->
                new Scorecard.Credit(
                    r.string("code"), new Money(r.decimal("amount"), r.string("currency").trim())));
  }

  /** The last twelve stored months before this one, per KPI, oldest first. */
  Map<String, List<Scorecard.Point>> trends(YearMonth month) {
    Map<String, List<Scorecard.Point>> trends = new LinkedHashMap<>();
    sql.sql(
            "select code, period, actual, rag from scorecard_kpi where tenant_id = :tenant"
                + " and period >= :from and period < :to order by code, period")
        .bind("from", month.minusMonths(12).toString())
        .bind("to", month.toString())
        .forEach(
            r ->
                trends
                    .computeIfAbsent(r.string("code"), c -> new ArrayList<>())
                    .add(
                        new Scorecard.Point(
                            r.string("period").trim(),
                            r.decimal("actual"),
                            r.enumValue("rag", Rag.class))));
    return trends;
  }

  // ---------------------------------------------------------------- writing

  /** Stores the month as a draft computed {@code at}, or marks an existing draft recomputed. */
  void upsertDraft(YearMonth month, OffsetDateTime at) {
    sql.sql(
            """
            insert into scorecard (tenant_id, period, status, computed_at) values (:tenant, :period, 'DRAFT', :at)
            on conflict (tenant_id, period) do update set computed_at = excluded.computed_at,
                                                         version = scorecard.version + 1""")
        .bind("period", month.toString())
        .bind("at", at)
        .update();
  }

  void upsertKpi(
      YearMonth month,
      KpiDefinition d,
      BigDecimal actual,
      Rag rag,
      String evidence,
      String enteredBy) {
    sql.sql(
            """
            insert into scorecard_kpi (tenant_id, period, code, def_version, actual, rag, evidence, entered_by)
            values (:tenant, :period, :code, :defVersion, cast(:actual as numeric), :rag, :evidence, :enteredBy)
            on conflict (tenant_id, period, code) do update set def_version = excluded.def_version,
                actual = excluded.actual, rag = excluded.rag""")
        .bind("period", month.toString())
        .bind("code", d.code())
        .bind("defVersion", d.version())
        .bind("actual", actual)
        .bind("rag", rag)
        .bind("evidence", evidence)
        .bind("enteredBy", enteredBy)
        .update();
  }

  void enterValue(
      YearMonth month, String code, BigDecimal actual, Rag rag, String evidence, String enteredBy) {
    sql.sql(
            "update scorecard_kpi set actual = :actual, rag = :rag, evidence = :evidence, entered_by = :by"
                + " where tenant_id = :tenant and period = :period and code = :code")
        .bind("period", month.toString())
        .bind("code", code)
        .bind("actual", actual)
        .bind("rag", rag)
        .bind("evidence", evidence)
        .bind("by", enteredBy)
        .update();
  }

  void attachEvidence(
      YearMonth month,
      String code,
      String fileName,
      String mediaType,
      String sha256,
      byte[] content) {
    sql.sql(
            """
            update scorecard_kpi set evidence_file_name = :name, evidence_media_type = :type, evidence_sha256 = :sha,
                   evidence_content = :content
            where tenant_id = :tenant and period = :period and code = :code""")
        .bind("period", month.toString())
        .bind("code", code)
        .bind("name", fileName)
        .bind("type", mediaType)
        .bind("sha", sha256)
        .bind("content", content)
        .update();
  }

  /**
   * A KPI's evidence file; a draft's only when {@code drafts} (the BPO's until the month is
   * published).
   */
  Optional<ScorecardService.EvidenceFile> evidence(YearMonth month, String code, boolean drafts) {
    return sql.sql(
            """
            select k.evidence_file_name, k.evidence_media_type, k.evidence_content
            from scorecard_kpi k join scorecard s on s.tenant_id = k.tenant_id and s.period = k.period
            where k.tenant_id = :tenant and k.period = :period and k.code = :code and k.evidence_content is not null
              and (:drafts or s.status <> 'DRAFT')""")
        .bind("period", month.toString())
        .bind("code", code)
        .bind("drafts", drafts)
        .optional(
            r ->
                new ScorecardService.EvidenceFile(
                    r.string("evidence_file_name"),
                    r.string("evidence_media_type"),
                    r.bytes("evidence_content")));
  }

  void score(YearMonth month, BigDecimal score) {
    sql.sql(
            "update scorecard set overall_score = cast(:score as numeric) where tenant_id = :tenant"
                + " and period = :period")
        .bind("period", month.toString())
        .bind("score", score)
        .update();
  }

  void publish(YearMonth month, String by) {
    sql.sql(
            "update scorecard set status = 'PUBLISHED', published_at = now(), published_by = :by,"
                + " version = version + 1 where tenant_id = :tenant and period = :period")
        .bind("period", month.toString())
        .bind("by", by)
        .update();
  }

  void signOff(YearMonth month, String by) {
    sql.sql(
            "update scorecard set status = 'SIGNED_OFF', signed_off_at = now(), signed_off_by = :by,"
                + " version = version + 1 where tenant_id = :tenant and period = :period")
        .bind("period", month.toString())
        .bind("by", by)
        .update();
  }

  /** Sets one KPI's review state; the month's version moves with it. */
  void review(YearMonth month, String code, Scorecard.Review review) {
    sql.sql(
            "update scorecard_kpi set review = :review where tenant_id = :tenant and period = :period"
                + " and code = :code")
        .bind("period", month.toString())
        .bind("code", code)
        .bind("review", review)
        .update();
    sql.sql(
            "update scorecard set version = version + 1 where tenant_id = :tenant and period = :period")
        .bind("period", month.toString())
        .update();
  }

  void comment(YearMonth month, String code, String kind, String author, String body) {
    sql.sql(
            "insert into scorecard_comment (tenant_id, period, code, kind, author, body)"
                + " values (:tenant, :period, :code, :kind, :author, :body)")
        .bind("period", month.toString())
        .bind("code", code)
        .bind("kind", kind)
        .bind("author", author)
        .bind("body", body)
        .update();
  }

  void event(YearMonth month, String actor, String action, String note) {
    sql.sql(
            "insert into scorecard_event (tenant_id, period, actor, action, note)"
                + " values (:tenant, :period, :actor, :action, :note)")
        .bind("period", month.toString())
        .bind("actor", actor)
        .bind("action", action)
        .bind("note", note)
        .update();
  }

  // ---------------------------------------------------------------- service credits

  /** The tenant's SLA contract: what is at risk each month, up to a cap, in one currency. */
  record Contract(String currency, BigDecimal amountAtRisk, BigDecimal cap) {}

  Optional<Contract> contract() {
    return sql.sql(
            "select currency, amount_at_risk, credit_cap from sla_contract where tenant_id = :tenant")
        .optional(
            r ->
                new Contract(
                    r.string("currency").trim(),
                    r.decimal("amount_at_risk"),
                    r.decimal("credit_cap")));
  }

  /** The red KPIs of the month, by code, with the share of the amount at risk each carries. */
  List<ServiceCredits.RedKpi> redKpis(YearMonth month) {
    return sql.sql(
            """
            select k.code, d.at_risk_pct from scorecard_kpi k
            join kpi_definition d on d.tenant_id = k.tenant_id and d.code = k.code and d.version = k.def_version
            where k.tenant_id = :tenant and k.period = :period and k.rag = 'RED' order by k.code""")
        .bind("period", month.toString())
        .list(r -> new ServiceCredits.RedKpi(r.string("code"), r.decimal("at_risk_pct")));
  }

  void insertCredit(YearMonth month, String code, String currency, BigDecimal amount) {
    sql.sql(
            "insert into service_credit (tenant_id, period, code, currency, amount)"
                + " values (:tenant, :period, :code, :currency, :amount)")
        .bind("period", month.toString())
        .bind("code", code)
        .bind("currency", currency)
        .bind("amount", amount)
        .update();
  }

  /** The credits of signed-off months from {@code from} on, as the API lists them. */
  List<Map<String, Object>> creditsFrom(YearMonth from) {
    return sql.sql(
            "select period, code, currency, amount from service_credit where tenant_id = :tenant"
                + " and period >= :from order by period, code")
        .bind("from", from.toString())
        .list(ScorecardQueries::credit);
  }

  private static Map<String, Object> credit(Row r) {
    return Map.of(
        "period",
        r.string("period").trim(),
        "kpi",
        r.string("code"),
        "amount",
        new Money(r.decimal("amount"), r.string("currency").trim()));
  }
}
