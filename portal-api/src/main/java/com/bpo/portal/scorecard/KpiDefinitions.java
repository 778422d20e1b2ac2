package com.bpo.portal.scorecard;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SLA contract's KPIs, each a list of versions: BPO leads change a KPI by adding a version, and
 * scorecards already made keep the version they were scored under.
 */
@TenantService
public class KpiDefinitions {
  @Inject TenantContext context;
  @Inject KpiQueries queries;

  /** The current (latest) version of each KPI of the contract, in contract order. */
  public List<KpiDefinition> definitions() {
    return queries.currentDefinitions();
  }

  /** Every version of one KPI, newest first. */
  public List<KpiDefinition> history(String code) {
    List<KpiDefinition> result = queries.history(code);
    if (result.isEmpty()) {
      throw ProblemException.notFound("KPI " + code);
    }
    return result;
  }

  /**
   * Changes a KPI (BPO leads) by adding a version: scorecards already made keep the version they
   * were scored under. A new code adds a manual KPI unless it says otherwise.
   */
  public KpiDefinition change(String code, KpiDefinition.Change change) {
    if (!context.requireUser().hasRole(Roles.BPO_LEAD)) {
      throw ProblemException.forbidden("Only BPO leads change scorecards and KPI definitions.");
    }
    List<FieldError> errors = new ArrayList<>();
    if (code == null || !code.matches("^[A-Z][A-Z0-9_]{1,39}$")) {
      errors.add(
          new FieldError("code", "must be 2 to 40 upper-case letters, digits or underscores"));
    }
    Optional<KpiDefinition> current =
        definitions().stream().filter(d -> d.code().equals(code)).findFirst();
    String name =
        change.name() != null ? change.name().strip() : current.map(KpiDefinition::name).orElse("");
    if (name.isEmpty() || name.length() > 100) {
      errors.add(new FieldError("name", "must be 1 to 100 characters"));
    }
    KpiDefinition.Unit unit =
        change.unit() != null ? change.unit() : current.map(KpiDefinition::unit).orElse(null);
    Rag.Direction direction =
        change.direction() != null
            ? change.direction()
            : current.map(KpiDefinition::direction).orElse(null);
    if (unit == null) {
      errors.add(new FieldError("unit", "must be DAYS, PERCENT or NUMBER"));
    }
    if (direction == null) {
      errors.add(new FieldError("direction", "must be HIGHER or LOWER"));
    }
    BigDecimal target =
        ScorecardService.decimal(
            change.target(), current.map(KpiDefinition::target), "target", errors, false);
    BigDecimal warning =
        ScorecardService.decimal(
            change.warning(), current.map(KpiDefinition::warning), "warning", errors, true);
    BigDecimal weight =
        ScorecardService.decimal(
            change.weight(), current.map(KpiDefinition::weight), "weight", errors, true);
    BigDecimal atRisk =
        ScorecardService.decimal(
            change.atRiskPct(),
            current.map(KpiDefinition::atRiskPct).or(() -> Optional.of(BigDecimal.ZERO)),
            "atRiskPct",
            errors,
            true);
    if (atRisk != null && atRisk.compareTo(BigDecimal.valueOf(100)) > 0) {
      errors.add(new FieldError("atRiskPct", "must be at most 100"));
    }
    boolean computed = current.map(KpiDefinition::computed).orElse(false);
    if (change.computed() != null && change.computed() && !KpiCalculator.COMPUTED.contains(code)) {
      errors.add(
          new FieldError(
              "computed", "only the standard KPIs are computed; this one is entered by hand"));
    } else if (change.computed() != null) {
      computed = change.computed();
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The KPI definition is not valid.", errors);
    }
    int version = current.map(d -> d.version() + 1).orElse(1);
    boolean active =
        change.active() == null ? current.map(KpiDefinition::active).orElse(true) : change.active();
    queries.insertDefinition(
        new KpiDefinition(
            code,
            version,
            name,
            unit,
            direction,
            target,
            warning,
            weight,
            atRisk,
            computed,
            active,
            context.requireUser().username(),
            null));
    return history(code).get(0);
  }
}
