package com.bpo.portal.collection;

import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Strategy versions with their steps. A tenant has a handful, so they are read whole. */
@ApplicationScoped
public class StrategyQueries {
  @Inject TenantSql sql;

  /** Every version of every strategy, with its steps. */
  public List<Strategy> all() {
    Map<Long, List<Strategy.Step>> steps = new LinkedHashMap<>();
    sql.sql(
            "select strategy_id, step_no, day_offset, level, action, template_key, needs_release "
                + "from collection_strategy_step where tenant_id = :tenant order by strategy_id, day_offset")
        .forEach(
            r ->
                steps
                    .computeIfAbsent(r.longValue("strategy_id"), k -> new ArrayList<>())
                    .add(
                        new Strategy.Step(
                            r.intValue("step_no"),
                            r.intValue("day_offset"),
                            r.intValue("level"),
                            r.enumValue("action", StepAction.class),
                            r.string("template_key"),
                            r.bool("needs_release"))));
    return sql.sql(
            "select id, code, version_no, name, rank, risk_classes, customer_types, min_balance, max_balance, "
                + "effective_from from collection_strategy where tenant_id = :tenant order by rank, code, version_no")
        .list(r -> strategy(r, steps.getOrDefault(r.longValue("id"), List.of())));
  }

  public int nextVersion(String code) {
    sql.sql("select pg_advisory_xact_lock(hashtext(:tenant || ':strategy:' || :code))")
        .bind("code", code)
        .one(r -> true);
    return sql.sql(
            "select coalesce(max(version_no), 0) + 1 as next from collection_strategy "
                + "where tenant_id = :tenant and code = :code")
        .bind("code", code)
        .one(r -> r.intValue("next"));
  }

  public long insert(StrategyDraft draft, int versionNo, String by) {
    long id =
        sql.sql(
                """
        insert into collection_strategy (tenant_id, code, version_no, name, rank, risk_classes, customer_types,
                                         min_balance, max_balance, effective_from, created_by)
        values (:tenant, :code, :version, :name, :rank, :risks, :types, :min, :max, :from, :by) returning id""")
            .bind("code", draft.code())
            .bind("version", versionNo)
            .bind("name", draft.name().strip())
            .bind("rank", draft.rank() == null ? 100 : draft.rank())
            .bind(
                "risks",
                draft.riskClasses() == null || draft.riskClasses().isEmpty()
                    ? null
                    : draft.riskClasses().stream().map(Enum::name).toList())
            .bind(
                "types",
                draft.customerTypes() == null || draft.customerTypes().isEmpty()
                    ? null
                    : draft.customerTypes().stream().map(Enum::name).toList())
            .bind("min", draft.minBalance())
            .bind("max", draft.maxBalance())
            .bind("from", draft.effectiveFrom())
            .bind("by", by)
            .one(r -> r.longValue("id"));
    int no = 1;
    for (Strategy.Step step : draft.steps()) {
      sql.sql(
              """
          insert into collection_strategy_step (tenant_id, strategy_id, step_no, day_offset, level, action,
                                                template_key, needs_release)
          values (:tenant, :strategy, :no, :offset, :level, :action, :template, :release)""")
          .bind("strategy", id)
          .bind("no", no++)
          .bind("offset", step.dayOffset())
          .bind("level", step.level())
          .bind("action", step.action())
          .bind("template", step.templateKey())
          .bind("release", step.needsRelease())
          .update();
    }
    return id;
  }

  private static Strategy strategy(Row r, List<Strategy.Step> steps) {
    return new Strategy(
        r.longValue("id"),
        r.string("code"),
        r.intValue("version_no"),
        r.string("name"),
        r.intValue("rank"),
        new Strategy.Segment(
            enums(r.strings("risk_classes"), RiskClass.class),
            enums(r.strings("customer_types"), CustomerType.class),
            r.decimal("min_balance"),
            r.decimal("max_balance")),
        r.date("effective_from"),
        steps);
  }

  private static <E extends Enum<E>> Set<E> enums(List<String> names, Class<E> type) {
    Set<E> set = EnumSet.noneOf(type);
    names.forEach(n -> set.add(Enum.valueOf(type, n)));
    return set;
  }

  /** A new version as a lead writes it. */
  public record StrategyDraft(
      String code,
      String name,
      Integer rank,
      Set<RiskClass> riskClasses,
      Set<CustomerType> customerTypes,
      BigDecimal minBalance,
      BigDecimal maxBalance,
      LocalDate effectiveFrom,
      List<Strategy.Step> steps) {}
}
