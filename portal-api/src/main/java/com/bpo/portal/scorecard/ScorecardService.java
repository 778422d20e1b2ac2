package com.bpo.portal.scorecard;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SLA contract and the monthly scorecards. BPO leads define KPIs, compute, enter manual values,
 * publish and answer; client stakeholders comment, dispute a KPI and sign off; sign-off locks the
 * month and books its service credits. Every step is in the scorecard's history.
 */
@TenantService
public class ScorecardService {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;
  @Inject ScorecardMonths months;

  // ---------------------------------------------------------------- definitions

  /** The current (latest) version of each KPI of the contract, in contract order. */
  @SuppressWarnings("unchecked")
  public List<KpiDefinition> definitions() {
    List<KpiDefinition> result = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select distinct on (code) code, version, name, unit, direction, target, warning, weight, at_risk_pct,
                   computed, active, changed_by, changed_at
            from kpi_definition where tenant_id = ?1 order by code, version desc""")
        .setParameter(1, tenant()).getResultList()) {
      result.add(definition(r));
    }
    result.sort(java.util.Comparator.comparing(d -> ORDER.indexOf(d.code()) < 0 ? 99 : ORDER.indexOf(d.code())));
    return result;
  }

  /** The standard KPIs in the order a scorecard shows them; a tenant's own codes come after. */
  static final List<String> ORDER = List.of("DSO", "DSO_COUNTBACK", "BEST_DSO", "ADD", "CEI", "PCT_CURRENT",
      "PCT_OVER_90", "DISPUTE_CYCLE_MEAN", "DISPUTE_CYCLE_P90", "DISPUTE_RESPONSE_SLA", "DISPUTE_RESOLUTION_SLA",
      "INVOICE_ACCURACY", "CSAT");

  /** Every version of one KPI, newest first. */
  @SuppressWarnings("unchecked")
  public List<KpiDefinition> history(String code) {
    List<KpiDefinition> result = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select code, version, name, unit, direction, target, warning, weight, at_risk_pct, computed, active,
                   changed_by, changed_at
            from kpi_definition where tenant_id = ?1 and code = ?2 order by version desc""")
        .setParameter(1, tenant()).setParameter(2, code).getResultList()) {
      result.add(definition(r));
    }
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
    requireLead();
    List<FieldError> errors = new ArrayList<>();
    if (code == null || !code.matches("^[A-Z][A-Z0-9_]{1,39}$")) {
      errors.add(new FieldError("code", "must be 2 to 40 upper-case letters, digits or underscores"));
    }
    Optional<KpiDefinition> current = definitions().stream().filter(d -> d.code().equals(code)).findFirst();
    String name = change.name() != null ? change.name().strip() : current.map(KpiDefinition::name).orElse("");
    if (name.isEmpty() || name.length() > 100) {
      errors.add(new FieldError("name", "must be 1 to 100 characters"));
    }
    KpiDefinition.Unit unit = change.unit() != null ? change.unit() : current.map(KpiDefinition::unit).orElse(null);
    Rag.Direction direction = change.direction() != null ? change.direction()
        : current.map(KpiDefinition::direction).orElse(null);
    if (unit == null) {
      errors.add(new FieldError("unit", "must be DAYS, PERCENT or NUMBER"));
    }
    if (direction == null) {
      errors.add(new FieldError("direction", "must be HIGHER or LOWER"));
    }
    BigDecimal target = decimal(change.target(), current.map(KpiDefinition::target), "target", errors, false);
    BigDecimal warning = decimal(change.warning(), current.map(KpiDefinition::warning), "warning", errors, true);
    BigDecimal weight = decimal(change.weight(), current.map(KpiDefinition::weight), "weight", errors, true);
    BigDecimal atRisk = decimal(change.atRiskPct(), current.map(KpiDefinition::atRiskPct).or(() -> Optional.of(BigDecimal.ZERO)),
        "atRiskPct", errors, true);
    if (atRisk != null && atRisk.compareTo(BigDecimal.valueOf(100)) > 0) {
      errors.add(new FieldError("atRiskPct", "must be at most 100"));
    }
    boolean computed = current.map(KpiDefinition::computed).orElse(false);
    if (change.computed() != null && change.computed() && !KpiCalculator.COMPUTED.contains(code)) {
      errors.add(new FieldError("computed", "only the standard KPIs are computed; this one is entered by hand"));
    } else if (change.computed() != null) {
      computed = change.computed();
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The KPI definition is not valid.", errors);
    }
    int version = current.map(d -> d.version() + 1).orElse(1);
    em.createNativeQuery("""
            insert into kpi_definition (tenant_id, code, version, name, unit, direction, target, warning, weight,
                                        at_risk_pct, computed, active, changed_by)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)""")
        .setParameter(1, tenant()).setParameter(2, code).setParameter(3, version).setParameter(4, name)
        .setParameter(5, unit.name()).setParameter(6, direction.name()).setParameter(7, target)
        .setParameter(8, warning).setParameter(9, weight).setParameter(10, atRisk).setParameter(11, computed)
        .setParameter(12, change.active() == null ? current.map(KpiDefinition::active).orElse(true) : change.active())
        .setParameter(13, user().username()).executeUpdate();
    return history(code).get(0);
  }

  private static BigDecimal decimal(String text, Optional<BigDecimal> fallback, String field, List<FieldError> errors,
                                    boolean nonNegative) {
    if (text == null || text.isBlank()) {
      return fallback.orElseGet(() -> {
        errors.add(new FieldError(field, "is required"));
        return null;
      });
    }
    try {
      BigDecimal value = new BigDecimal(text.strip());
      if (nonNegative && value.signum() < 0 || value.scale() > 2 || value.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
        errors.add(new FieldError(field, nonNegative ? "must be a number of at least 0 with at most 2 decimals"
            : "must be a number with at most 2 decimals"));
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(field, "must be a number such as 45 or 97.5"));
      return null;
    }
  }

  // ---------------------------------------------------------------- scorecards

  /** The latest stored month: its period, status and weighted score, for the home page. */
  public record Latest(String period, Scorecard.Status status, BigDecimal score) {}

  /** Never a month after the current one: see {@link ScorecardMonths}, which the agenda and home share. */
  public Optional<Latest> latest() {
    return months.latest();
  }

  /**
   * The stored scorecard of the month, or a preview computed now (nothing saved) if there is none
   * yet. The client sees a month once the BPO has published it: before that, its figures are the
   * BPO's work in progress, and a client stakeholder gets the month without them.
   */
  public Scorecard scorecard(String period) {
    YearMonth month = month(period);
    Optional<Scorecard> stored = stored(month);
    if (!isBpo() && stored.map(s -> s.status() == Scorecard.Status.DRAFT).orElse(true)) {
      return new Scorecard(month.toString(), false, Scorecard.Status.DRAFT, null, null, null, null, null, null, 0,
          List.of(), List.of(), List.of(), List.of());
    }
    return stored.orElseGet(() -> preview(month));
  }

  private boolean isBpo() {
    return user().hasRole(Roles.BPO_LEAD) || user().hasRole(Roles.BPO_AGENT);
  }

  @SuppressWarnings("unchecked")
  private Optional<Scorecard> stored(YearMonth month) {
    String tenant = tenant();
    List<Object[]> rows = em.createNativeQuery("""
            select status, overall_score, computed_at, published_by, published_at, signed_off_by, signed_off_at, version
            from scorecard where tenant_id = ?1 and period = ?2""")
        .setParameter(1, tenant).setParameter(2, month.toString()).getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] s = rows.get(0);
    Map<String, List<Scorecard.Point>> trends = trends(month);
    List<Scorecard.Kpi> kpis = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select k.code, k.def_version, d.name, d.unit, d.direction, k.actual, d.target, d.warning, d.weight, k.rag,
                   d.computed, k.evidence, k.review, k.evidence_file_name
            from scorecard_kpi k join kpi_definition d on d.tenant_id = k.tenant_id and d.code = k.code
                                                     and d.version = k.def_version
            where k.tenant_id = ?1 and k.period = ?2""")
        .setParameter(1, tenant).setParameter(2, month.toString()).getResultList()) {
      String code = (String) r[0];
      kpis.add(new Scorecard.Kpi(code, ((Number) r[1]).intValue(), (String) r[2],
          KpiDefinition.Unit.valueOf((String) r[3]), Rag.Direction.valueOf((String) r[4]), (BigDecimal) r[5],
          (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8], Rag.valueOf((String) r[9]), (Boolean) r[10],
          (String) r[11], (String) r[13], Scorecard.Review.valueOf((String) r[12]), trends.getOrDefault(code, List.of())));
    }
    kpis.sort(java.util.Comparator.comparing(k -> ORDER.indexOf(k.code()) < 0 ? 99 : ORDER.indexOf(k.code())));
    List<Scorecard.Comment> comments = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("select id, code, kind, author, body, at "
            + "from scorecard_comment where tenant_id = ?1 and period = ?2 order by at, id")
        .setParameter(1, tenant).setParameter(2, month.toString()).getResultList()) {
      comments.add(new Scorecard.Comment(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
          (String) r[4], timestamp(r[5])));
    }
    List<Scorecard.Event> history = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("select at, actor, action, note "
            + "from scorecard_event where tenant_id = ?1 and period = ?2 order by at, id")
        .setParameter(1, tenant).setParameter(2, month.toString()).getResultList()) {
      history.add(new Scorecard.Event(timestamp(r[0]), (String) r[1], (String) r[2], (String) r[3]));
    }
    List<Scorecard.Credit> credits = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("select code, currency, amount "
            + "from service_credit where tenant_id = ?1 and period = ?2 order by code")
        .setParameter(1, tenant).setParameter(2, month.toString()).getResultList()) {
      credits.add(new Scorecard.Credit((String) r[0], new Money((BigDecimal) r[2], ((String) r[1]).trim())));
    }
    return Optional.of(new Scorecard(month.toString(), true, Scorecard.Status.valueOf((String) s[0]),
        (BigDecimal) s[1], timestamp(s[2]), (String) s[3], timestamp(s[4]), (String) s[5], timestamp(s[6]),
        ((Number) s[7]).longValue(), kpis, comments, history, credits));
  }

  /** The last twelve stored months before this one, per KPI, oldest first. */
  @SuppressWarnings("unchecked")
  private Map<String, List<Scorecard.Point>> trends(YearMonth month) {
    Map<String, List<Scorecard.Point>> trends = new LinkedHashMap<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select code, period, actual, rag from scorecard_kpi
            where tenant_id = ?1 and period >= ?2 and period < ?3 order by code, period""")
        .setParameter(1, tenant()).setParameter(2, month.minusMonths(12).toString())
        .setParameter(3, month.toString()).getResultList()) {
      trends.computeIfAbsent((String) r[0], c -> new ArrayList<>())
          .add(new Scorecard.Point(((String) r[1]).trim(), (BigDecimal) r[2], Rag.valueOf((String) r[3])));
    }
    return trends;
  }

  private Scorecard preview(YearMonth month) {
    Map<String, BigDecimal> values = calculate(month);
    Map<String, List<Scorecard.Point>> trends = trends(month);
    List<Scorecard.Kpi> kpis = new ArrayList<>();
    List<Rag.Weighted> weighted = new ArrayList<>();
    for (KpiDefinition d : definitions()) {
      if (!d.active()) {
        continue;
      }
      BigDecimal actual = d.computed() ? values.get(d.code()) : null;
      Rag rag = Rag.of(actual, d.direction(), d.target(), d.warning());
      weighted.add(new Rag.Weighted(rag, d.weight()));
      kpis.add(new Scorecard.Kpi(d.code(), d.version(), d.name(), d.unit(), d.direction(), actual, d.target(),
          d.warning(), d.weight(), rag, d.computed(), null, null, Scorecard.Review.OPEN,
          trends.getOrDefault(d.code(), List.of())));
    }
    return new Scorecard(month.toString(), false, Scorecard.Status.DRAFT, Rag.score(weighted),
        OffsetDateTime.now(ZoneOffset.UTC), null, null, null, null, 0, kpis, List.of(), List.of(), List.of());
  }

  private Map<String, BigDecimal> calculate(YearMonth month) {
    Tenant tenant = context.requireTenant();
    try {
      return new KpiCalculator(em.unwrap(Connection.class), tenant.id(), tenant.currency(),
          ZoneId.of(tenant.timeZone())).compute(month);
    } catch (SQLException e) {
      throw new IllegalStateException("KPI queries failed for " + month, e);
    }
  }

  /**
   * Computes the month and stores it as a draft (BPO leads). A draft can be recomputed as often as
   * needed; once published it cannot. Manual values already entered are kept.
   */
  public Scorecard compute(String period) {
    requireLead();
    YearMonth month = month(period);
    Optional<Scorecard> existing = stored(month);
    if (existing.isPresent() && existing.get().status() != Scorecard.Status.DRAFT) {
      throw locked(existing.get(), "recomputed");
    }
    Map<String, BigDecimal> values = calculate(month);
    String tenant = tenant();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    em.createNativeQuery("""
            insert into scorecard (tenant_id, period, status, computed_at) values (?1, ?2, 'DRAFT', ?3)
            on conflict (tenant_id, period) do update set computed_at = excluded.computed_at,
                                                         version = scorecard.version + 1""")
        .setParameter(1, tenant).setParameter(2, month.toString()).setParameter(3, now).executeUpdate();
    Map<String, Scorecard.Kpi> before = new LinkedHashMap<>();
    existing.ifPresent(s -> s.kpis().forEach(k -> before.put(k.code(), k)));
    for (KpiDefinition d : definitions()) {
      if (!d.active()) {
        continue;
      }
      Scorecard.Kpi old = before.get(d.code());
      BigDecimal actual = d.computed() ? values.get(d.code()) : old == null ? null : old.actual();
      Rag rag = Rag.of(actual, d.direction(), d.target(), d.warning());
      em.createNativeQuery("""
              insert into scorecard_kpi (tenant_id, period, code, def_version, actual, rag, evidence, entered_by)
              values (?1, ?2, ?3, ?4, cast(?5 as numeric), ?6, ?7, ?8)
              on conflict (tenant_id, period, code) do update set def_version = excluded.def_version,
                  actual = excluded.actual, rag = excluded.rag""")
          .setParameter(1, tenant).setParameter(2, month.toString()).setParameter(3, d.code())
          .setParameter(4, d.version()).setParameter(5, actual).setParameter(6, rag.name())
          .setParameter(7, old == null ? null : old.evidence()).setParameter(8, d.computed() ? "system" : null)
          .executeUpdate();
    }
    rescore(month);
    event(month, "COMPUTED", null);
    return stored(month).orElseThrow();
  }

  /** A manual KPI's value with its evidence (BPO leads, while a draft). */
  public Scorecard enterValue(String period, String code, String value, String evidence) {
    requireLead();
    YearMonth month = month(period);
    Scorecard card = stored(month).orElseThrow(() -> new ProblemException("not-computed", "Not computed yet", 409,
        "Compute the scorecard of " + month + " before entering values."));
    if (card.status() != Scorecard.Status.DRAFT) {
      throw locked(card, "changed");
    }
    Scorecard.Kpi kpi = card.kpis().stream().filter(k -> k.code().equals(code)).findFirst()
        .orElseThrow(() -> ProblemException.notFound("KPI " + code + " in " + month));
    List<FieldError> errors = new ArrayList<>();
    if (kpi.computed()) {
      errors.add(new FieldError("value", "this KPI is computed from the data, not entered"));
    }
    BigDecimal actual = decimal(value, Optional.empty(), "value", errors, false);
    String note = evidence == null ? "" : evidence.strip();
    if (note.isEmpty() || note.length() > 2000) {
      errors.add(new FieldError("evidence", "say where the value comes from (1 to 2000 characters)"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The value cannot be entered as it is.", errors);
    }
    Rag rag = Rag.of(actual, kpi.direction(), kpi.target(), kpi.warning());
    em.createNativeQuery("update scorecard_kpi set actual = ?4, rag = ?5, evidence = ?6, entered_by = ?7 "
            + "where tenant_id = ?1 and period = ?2 and code = ?3")
        .setParameter(1, tenant()).setParameter(2, month.toString()).setParameter(3, code).setParameter(4, actual)
        .setParameter(5, rag.name()).setParameter(6, note).setParameter(7, user().username()).executeUpdate();
    rescore(month);
    event(month, "VALUE_ENTERED", code + " = " + actual.toPlainString() + " (" + note + ")");
    return stored(month).orElseThrow();
  }

  /**
   * The evidence file of a manual KPI (BPO leads, while a draft), judged by its content like a
   * dispute attachment: PDF, PNG or JPEG up to 5 MB. A new file replaces the one before.
   */
  public Scorecard attachEvidence(String period, String code, String fileName, byte[] content) {
    requireLead();
    YearMonth month = month(period);
    Scorecard card = stored(month).orElseThrow(() -> ProblemException.notFound("Scorecard " + month));
    if (card.status() != Scorecard.Status.DRAFT) {
      throw locked(card, "changed");
    }
    if (kpiOf(card, code).computed()) {
      throw new InvalidFields("Computed KPIs take no evidence file.",
          List.of(new FieldError("code", "is computed from the data; evidence is for KPIs entered by hand")));
    }
    com.bpo.portal.dispute.AttachmentCheck.Accepted file = com.bpo.portal.dispute.AttachmentCheck.check(fileName, content);
    em.createNativeQuery("update scorecard_kpi set evidence_file_name = ?4, evidence_media_type = ?5, "
            + "evidence_sha256 = ?6, evidence_content = ?7 where tenant_id = ?1 and period = ?2 and code = ?3")
        .setParameter(1, tenant()).setParameter(2, month.toString()).setParameter(3, code)
        .setParameter(4, file.fileName()).setParameter(5, file.mediaType()).setParameter(6, file.sha256())
        .setParameter(7, file.content()).executeUpdate();
    event(month, "EVIDENCE_ATTACHED", code + ": " + file.fileName() + " (SHA-256 " + file.sha256() + ")");
    return stored(month).orElseThrow();
  }

  /** A manual KPI's evidence file. */
  public record EvidenceFile(String fileName, String mediaType, byte[] content) {}

  @SuppressWarnings("unchecked")
  public Optional<EvidenceFile> evidence(String period, String code) {
    // like the figures, a draft's evidence is the BPO's until the month is published
    List<Object[]> rows = em.createNativeQuery("select k.evidence_file_name, k.evidence_media_type, k.evidence_content "
            + "from scorecard_kpi k join scorecard s on s.tenant_id = k.tenant_id and s.period = k.period "
            + "where k.tenant_id = ?1 and k.period = ?2 and k.code = ?3 and k.evidence_content is not null "
            + "and (?4 or s.status <> 'DRAFT')")
        .setParameter(1, tenant()).setParameter(2, month(period).toString()).setParameter(3, code)
        .setParameter(4, isBpo()).getResultList();
    return rows.stream().findFirst().map(r -> new EvidenceFile((String) r[0], (String) r[1], (byte[]) r[2]));
  }

  /** Publishes the draft to the client (BPO leads), with the version last seen. */
  public Scorecard publish(String period, Long version) {
    requireLead();
    YearMonth month = month(period);
    Scorecard card = require(month, version);
    if (card.status() != Scorecard.Status.DRAFT) {
      throw new ProblemException("transition-refused", "Transition not allowed", 409,
          "The scorecard of " + month + " is already " + card.status().name().toLowerCase().replace('_', ' ') + ".");
    }
    update(month, "status = 'PUBLISHED', published_at = now(), published_by = ?3", user().username());
    event(month, "PUBLISHED", null);
    return stored(month).orElseThrow();
  }

  /** A comment on the scorecard or one KPI (client stakeholders and BPO leads, until sign-off). */
  public Scorecard comment(String period, String code, String body) {
    PortalUser user = user();
    if (!user.hasRole(Roles.CLIENT_STAKEHOLDER) && !user.hasRole(Roles.BPO_LEAD)) {
      throw ProblemException.forbidden("Client stakeholders and BPO leads comment on scorecards.");
    }
    YearMonth month = month(period);
    Scorecard card = stored(month).filter(s -> s.status() != Scorecard.Status.DRAFT || user.hasRole(Roles.BPO_LEAD))
        .orElseThrow(() -> ProblemException.notFound("Scorecard " + month));
    if (card.status() == Scorecard.Status.SIGNED_OFF) {
      throw locked(card, "commented");
    }
    if (code != null) {
      kpiOf(card, code);
    }
    addComment(month, code, "COMMENT", body);
    return stored(month).orElseThrow();
  }

  /** A client stakeholder disputes one KPI of a published scorecard; it cannot be signed off until answered. */
  public Scorecard disputeKpi(String period, String code, String body) {
    requireRole(Roles.CLIENT_STAKEHOLDER, "Client stakeholders dispute a KPI.");
    YearMonth month = month(period);
    Scorecard card = published(month);
    kpiOf(card, code);
    addComment(month, code, "DISPUTE", body);
    review(month, code, Scorecard.Review.DISPUTED);
    event(month, "KPI_DISPUTED", code);
    return stored(month).orElseThrow();
  }

  /** A BPO lead answers a disputed KPI. */
  public Scorecard answer(String period, String code, String body) {
    requireLead();
    YearMonth month = month(period);
    Scorecard card = published(month);
    if (kpiOf(card, code).review() != Scorecard.Review.DISPUTED) {
      throw new ProblemException("transition-refused", "Transition not allowed", 409, "KPI " + code + " is not disputed.");
    }
    addComment(month, code, "ANSWER", body);
    review(month, code, Scorecard.Review.ANSWERED);
    event(month, "KPI_ANSWERED", code);
    return stored(month).orElseThrow();
  }

  /**
   * A client stakeholder signs the month off: the scorecard is locked for good, and each red KPI
   * books its service credit. Refused while a KPI is disputed and not answered.
   */
  public Scorecard signOff(String period, Long version) {
    requireRole(Roles.CLIENT_STAKEHOLDER, "Client stakeholders sign scorecards off.");
    YearMonth month = month(period);
    Scorecard card = require(month, version);
    if (card.status() != Scorecard.Status.PUBLISHED) {
      throw new ProblemException("transition-refused", "Transition not allowed", 409,
          "Only a published scorecard can be signed off; this one is " + card.status().name().toLowerCase().replace('_', ' ') + ".");
    }
    List<String> disputed = card.kpis().stream().filter(k -> k.review() == Scorecard.Review.DISPUTED)
        .map(Scorecard.Kpi::code).toList();
    if (!disputed.isEmpty()) {
      throw new ProblemException("kpi-disputed", "A KPI is still disputed", 409,
          "The BPO has not answered the dispute of " + disputed + " yet.");
    }
    update(month, "status = 'SIGNED_OFF', signed_off_at = now(), signed_off_by = ?3", user().username());
    bookCredits(month, card);
    event(month, "SIGNED_OFF", null);
    return stored(month).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private void bookCredits(YearMonth month, Scorecard card) {
    List<Object[]> contract = em.createNativeQuery(
            "select currency, amount_at_risk, credit_cap from sla_contract where tenant_id = ?1")
        .setParameter(1, tenant()).getResultList();
    if (contract.isEmpty()) {
      return;
    }
    Map<String, BigDecimal> atRisk = new LinkedHashMap<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select k.code, d.at_risk_pct from scorecard_kpi k
            join kpi_definition d on d.tenant_id = k.tenant_id and d.code = k.code and d.version = k.def_version
            where k.tenant_id = ?1 and k.period = ?2 and k.rag = 'RED' order by k.code""")
        .setParameter(1, tenant()).setParameter(2, month.toString()).getResultList()) {
      atRisk.put((String) r[0], (BigDecimal) r[1]);
    }
    Map<String, BigDecimal> credits = ServiceCredits.of(atRisk.entrySet().stream()
            .map(e -> new ServiceCredits.RedKpi(e.getKey(), e.getValue())).toList(),
        (BigDecimal) contract.get(0)[1], (BigDecimal) contract.get(0)[2]);
    String currency = ((String) contract.get(0)[0]).trim();
    credits.forEach((code, amount) -> em.createNativeQuery(
            "insert into service_credit (tenant_id, period, code, currency, amount) values (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, tenant()).setParameter(2, month.toString()).setParameter(3, code)
        .setParameter(4, currency).setParameter(5, amount).executeUpdate());
  }

  /** The service credits of signed-off months from {@code from} on, for the client's next BPO invoices. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> credits(String from) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("select period, code, currency, amount from service_credit "
            + "where tenant_id = ?1 and period >= ?2 order by period, code")
        .setParameter(1, tenant()).setParameter(2, month(from).toString()).getResultList()) {
      rows.add(Map.of("period", ((String) r[0]).trim(), "kpi", r[1],
          "amount", new Money((BigDecimal) r[3], ((String) r[2]).trim())));
    }
    return rows;
  }

  // ---------------------------------------------------------------- helpers

  private void rescore(YearMonth month) {
    Scorecard card = stored(month).orElseThrow();
    BigDecimal score = Rag.score(card.kpis().stream().map(k -> new Rag.Weighted(k.rag(), k.weight())).toList());
    // casts: EclipseLink binds a null as text, which a numeric column refuses
    em.createNativeQuery("update scorecard set overall_score = cast(?3 as numeric) where tenant_id = ?1 and period = ?2")
        .setParameter(1, tenant()).setParameter(2, month.toString()).setParameter(3, score).executeUpdate();
  }

  private Scorecard require(YearMonth month, Long version) {
    Scorecard card = stored(month).orElseThrow(() -> ProblemException.notFound("Scorecard " + month));
    if (version == null) {
      throw new InvalidFields("Send the version you last saw.",
          List.of(new FieldError("version", "is required, so that no change silently overwrites another")));
    }
    if (version != card.version()) {
      throw new ProblemException("conflict", "Changed meanwhile", 409, "The scorecard of " + month
          + " changed meanwhile (version " + card.version() + ", you sent " + version + "). Reload it and try again.");
    }
    return card;
  }

  private Scorecard published(YearMonth month) {
    Scorecard card = stored(month).filter(s -> s.status() != Scorecard.Status.DRAFT)
        .orElseThrow(() -> ProblemException.notFound("Published scorecard " + month));
    if (card.status() == Scorecard.Status.SIGNED_OFF) {
      throw locked(card, "changed");
    }
    return card;
  }

  private static Scorecard.Kpi kpiOf(Scorecard card, String code) {
    return card.kpis().stream().filter(k -> k.code().equals(code)).findFirst()
        .orElseThrow(() -> ProblemException.notFound("KPI " + code + " in " + card.period()));
  }

  private void update(YearMonth month, String set, String actor) {
    em.createNativeQuery("update scorecard set " + set + ", version = version + 1 where tenant_id = ?1 and period = ?2")
        .setParameter(1, tenant()).setParameter(2, month.toString()).setParameter(3, actor).executeUpdate();
  }

  private void review(YearMonth month, String code, Scorecard.Review review) {
    em.createNativeQuery("update scorecard_kpi set review = ?4 where tenant_id = ?1 and period = ?2 and code = ?3")
        .setParameter(1, tenant()).setParameter(2, month.toString()).setParameter(3, code)
        .setParameter(4, review.name()).executeUpdate();
    em.createNativeQuery("update scorecard set version = version + 1 where tenant_id = ?1 and period = ?2")
        .setParameter(1, tenant()).setParameter(2, month.toString()).executeUpdate();
  }

  private void addComment(YearMonth month, String code, String kind, String body) {
    String text = body == null ? "" : body.strip();
    if (text.isEmpty() || text.length() > 4000) {
      throw new InvalidFields("The comment cannot be saved as it is.",
          List.of(new FieldError("body", "must be 1 to 4000 characters")));
    }
    em.createNativeQuery("insert into scorecard_comment (tenant_id, period, code, kind, author, body) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, tenant()).setParameter(2, month.toString()).setParameter(3, code).setParameter(4, kind)
        .setParameter(5, user().username()).setParameter(6, text).executeUpdate();
  }

  private void event(YearMonth month, String action, String note) {
    em.createNativeQuery("insert into scorecard_event (tenant_id, period, actor, action, note) values (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, tenant()).setParameter(2, month.toString()).setParameter(3, user().username())
        .setParameter(4, action).setParameter(5, note).executeUpdate();
  }

  private static ProblemException locked(Scorecard card, String what) {
    return new ProblemException("scorecard-locked", "Scorecard locked", 409, "The scorecard of " + card.period()
        + " is " + card.status().name().toLowerCase().replace('_', ' ') + " and cannot be " + what + ".");
  }

  static YearMonth month(String period) {
    try {
      return YearMonth.parse(period == null ? "" : period.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidFields("The period is not valid.", List.of(new FieldError("period", "must be a month like 2026-10")));
    }
  }

  private void requireLead() {
    requireRole(Roles.BPO_LEAD, "Only BPO leads change scorecards and KPI definitions.");
  }

  private void requireRole(String role, String message) {
    if (!user().hasRole(role)) {
      throw ProblemException.forbidden(message);
    }
  }

  private PortalUser user() {
    return context.requireUser();
  }

  private String tenant() {
    return context.requireTenant().id();
  }

  private static KpiDefinition definition(Object[] r) {
    return new KpiDefinition((String) r[0], ((Number) r[1]).intValue(), (String) r[2],
        KpiDefinition.Unit.valueOf((String) r[3]), Rag.Direction.valueOf((String) r[4]), (BigDecimal) r[5],
        (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8], (Boolean) r[9], (Boolean) r[10], (String) r[11],
        timestamp(r[12]));
  }

  private static OffsetDateTime timestamp(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime t) {
      return t;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant().atOffset(ZoneOffset.UTC);
    }
    if (value instanceof Instant t) {
      return t.atOffset(ZoneOffset.UTC);
    }
    throw new IllegalStateException("not a timestamp: " + value);
  }

}
