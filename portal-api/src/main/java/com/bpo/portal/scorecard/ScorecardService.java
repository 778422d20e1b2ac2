package com.bpo.portal.scorecard;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import com.bpo.portal.webhook.WebhookEventType;
import com.bpo.portal.webhook.WebhookEvents;
import jakarta.inject.Inject;
import java.math.BigDecimal;
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
import java.util.Set;

/**
 * The monthly scorecards of the SLA contract ({@link KpiDefinitions}). BPO leads compute, enter
 * manual values, publish and answer; client stakeholders comment, dispute a KPI and sign off;
 * sign-off locks the month and books its service credits. Which step is open to whom in which
 * status is {@link ScorecardWorkflow}'s table; every step is in the scorecard's history.
 */
@TenantService
public class ScorecardService {
  @Inject TenantContext context;
  @Inject WebhookEvents webhooks;
  @Inject ScorecardQueries queries;
  @Inject KpiQueries kpis;
  @Inject KpiDefinitions definitions;

  // ---------------------------------------------------------------- reading

  /** The latest stored month: its period, status and weighted score, for the home page. */
  public record Latest(String period, Scorecard.Status status, BigDecimal score) {}

  public Optional<Latest> latest() {
    return queries.latest(isBpo(), YearMonth.from(context.today()));
  }

  /**
   * The stored scorecard of the month, or a preview computed now (nothing saved) if there is none
   * yet. The client sees a month once the BPO has published it: before that, its figures are the
   * BPO's work in progress, and a client stakeholder gets the month without them.
   */
  public Scorecard scorecard(String period) {
    YearMonth month = month(period);
    Optional<Scorecard> stored = queries.stored(month);
    if (!isBpo() && stored.map(s -> s.status() == Scorecard.Status.DRAFT).orElse(true)) {
      return new Scorecard(
          month.toString(),
          false,
          Scorecard.Status.DRAFT,
          null,
          null,
          null,
          null,
          null,
          null,
          0,
          List.of(),
          List.of(),
          List.of(),
          List.of());
    }
    return stored.orElseGet(() -> preview(month));
  }

  /** The steps the caller may take on the scorecard now: what the screens offer. */
  public Set<ScorecardAction> available(Scorecard card) {
    return ScorecardWorkflow.available(card.status(), ScorecardWorkflow.Party.of(user()));
  }

  private boolean isBpo() {
    return user().hasRole(Roles.BPO_LEAD) || user().hasRole(Roles.BPO_AGENT);
  }

  private Scorecard preview(YearMonth month) {
    Map<String, BigDecimal> values = calculate(month);
    Map<String, List<Scorecard.Point>> trends = queries.trends(month);
    List<Scorecard.Kpi> list = new ArrayList<>();
    List<Rag.Weighted> weighted = new ArrayList<>();
    for (KpiDefinition d : definitions.definitions()) {
      if (!d.active()) {
        continue;
      }
      BigDecimal actual = d.computed() ? values.get(d.code()) : null;
      Rag rag = Rag.of(actual, d.direction(), d.target(), d.warning());
      weighted.add(new Rag.Weighted(rag, d.weight()));
      list.add(
          new Scorecard.Kpi(
              d.code(),
              d.version(),
              d.name(),
              d.unit(),
              d.direction(),
              actual,
              d.target(),
              d.warning(),
              d.weight(),
              rag,
              d.computed(),
              null,
              null,
              Scorecard.Review.OPEN,
              trends.getOrDefault(d.code(), List.of())));
    }
    return new Scorecard(
        month.toString(),
        false,
        Scorecard.Status.DRAFT,
        Rag.score(weighted),
        OffsetDateTime.now(ZoneOffset.UTC),
        null,
        null,
        null,
        null,
        0,
        list,
        List.of(),
        List.of(),
        List.of());
  }

  /** The tenant's active computed KPIs of {@code month} (none that it does not show). */
  private Map<String, BigDecimal> calculate(YearMonth month) {
    Tenant tenant = context.requireTenant();
    java.util.Set<String> shown =
        definitions.definitions().stream()
            .filter(d -> d.active() && d.computed())
            .map(KpiDefinition::code)
            .collect(java.util.stream.Collectors.toSet());
    return new KpiCalculator(kpis, tenant.currency(), ZoneId.of(tenant.timeZone()))
        .compute(month, shown);
  }

  // ---------------------------------------------------------------- the lead's work on a draft

  /**
   * Computes the month and stores it as a draft (BPO leads). A draft can be recomputed as often as
   * needed; once published it cannot. Manual values already entered are kept.
   */
  public Scorecard compute(String period) {
    requireLead();
    YearMonth month = month(period);
    Optional<Scorecard> existing = queries.stored(month);
    if (existing.isPresent()
        && !ScorecardWorkflow.allows(existing.get().status(), ScorecardAction.COMPUTE)) {
      throw locked(existing.get(), "recomputed");
    }
    Map<String, BigDecimal> values = calculate(month);
    queries.upsertDraft(month, OffsetDateTime.now(ZoneOffset.UTC));
    Map<String, Scorecard.Kpi> before = new LinkedHashMap<>();
    existing.ifPresent(s -> s.kpis().forEach(k -> before.put(k.code(), k)));
    for (KpiDefinition d : definitions.definitions()) {
      if (!d.active()) {
        continue;
      }
      Scorecard.Kpi old = before.get(d.code());
      BigDecimal actual = d.computed() ? values.get(d.code()) : old == null ? null : old.actual();
      Rag rag = Rag.of(actual, d.direction(), d.target(), d.warning());
      queries.upsertKpi(
          month,
          d,
          actual,
          rag,
          old == null ? null : old.evidence(),
          d.computed() ? "system" : null);
    }
    rescore(month);
    event(month, "COMPUTED", null);
    return queries.stored(month).orElseThrow();
  }

  /** A manual KPI's value with its evidence (BPO leads, while a draft). */
  public Scorecard enterValue(String period, String code, String value, String evidence) {
    requireLead();
    YearMonth month = month(period);
    Scorecard card =
        queries
            .stored(month)
            .orElseThrow(
                () ->
                    new ProblemException(
                        "not-computed",
                        "Not computed yet",
                        409,
                        "Compute the scorecard of " + month + " before entering values."));
    if (!ScorecardWorkflow.allows(card.status(), ScorecardAction.ENTER_VALUE)) {
      throw locked(card, "changed");
    }
    Scorecard.Kpi kpi =
        card.kpis().stream()
            .filter(k -> k.code().equals(code))
            .findFirst()
            .orElseThrow(() -> ProblemException.notFound("KPI " + code + " in " + month));
    List<FieldError> errors = new ArrayList<>();
    if (kpi.computed()) {
      errors.add(new FieldError("value", "this KPI is computed from the data, not entered"));
    }
    BigDecimal actual = decimal(value, Optional.empty(), "value", errors, false);
    String note = evidence == null ? "" : evidence.strip();
    if (note.isEmpty() || note.length() > 2000) {
      errors.add(
          new FieldError("evidence", "say where the value comes from (1 to 2000 characters)"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The value cannot be entered as it is.", errors);
    }
    Rag rag = Rag.of(actual, kpi.direction(), kpi.target(), kpi.warning());
    queries.enterValue(month, code, actual, rag, note, user().username());
    rescore(month);
    event(month, "VALUE_ENTERED", code + " = " + actual.toPlainString() + " (" + note + ")");
    return queries.stored(month).orElseThrow();
  }

  static BigDecimal decimal(
      String text,
      Optional<BigDecimal> fallback,
      String field,
      List<FieldError> errors,
      boolean nonNegative) {
    if (text == null || text.isBlank()) {
      return fallback.orElseGet(
          () -> {
            errors.add(new FieldError(field, "is required"));
            return null;
          });
    }
    try {
      BigDecimal value = com.bpo.portal.shared.Decimals.parse(text, 7, 2);
      if (nonNegative && value.signum() < 0
          || value.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
        errors.add(
            new FieldError(
                field,
                nonNegative
                    ? "must be a number of at least 0 with at most 2 decimals"
                    : "must be a number with at most 2 decimals"));
        return null;
      }
      return value;
    } catch (com.bpo.portal.shared.Decimals.Invalid e) {
      errors.add(new FieldError(field, "must be a number such as 45 or 97.5 (at most 2 decimals)"));
      return null;
    }
  }

  /**
   * The evidence file of a manual KPI (BPO leads, while a draft), judged by its content like a
   * dispute attachment: PDF, PNG or JPEG up to 5 MB. A new file replaces the one before.
   */
  public Scorecard attachEvidence(String period, String code, String fileName, byte[] content) {
    requireLead();
    YearMonth month = month(period);
    Scorecard card =
        queries.stored(month).orElseThrow(() -> ProblemException.notFound("Scorecard " + month));
    if (!ScorecardWorkflow.allows(card.status(), ScorecardAction.ATTACH_EVIDENCE)) {
      throw locked(card, "changed");
    }
    if (kpiOf(card, code).computed()) {
      throw new InvalidFields(
          "Computed KPIs take no evidence file.",
          List.of(
              new FieldError(
                  "code", "is computed from the data; evidence is for KPIs entered by hand")));
    }
    com.bpo.portal.shared.AttachmentCheck.Accepted file =
        com.bpo.portal.shared.AttachmentCheck.check(fileName, content);
    queries.attachEvidence(
        month, code, file.fileName(), file.mediaType(), file.sha256(), file.content());
    event(
        month,
        "EVIDENCE_ATTACHED",
        code + ": " + file.fileName() + " (SHA-256 " + file.sha256() + ")");
    return queries.stored(month).orElseThrow();
  }

  /** A manual KPI's evidence file. */
  public record EvidenceFile(String fileName, String mediaType, byte[] content) {}

  public Optional<EvidenceFile> evidence(String period, String code) {
    // like the figures, a draft's evidence is the BPO's until the month is published
    return queries.evidence(month(period), code, isBpo());
  }

  /** Publishes the draft to the client (BPO leads), with the version last seen. */
  public Scorecard publish(String period, Long version) {
    requireLead();
    YearMonth month = month(period);
    Scorecard card = require(month, version);
    if (!ScorecardWorkflow.allows(card.status(), ScorecardAction.PUBLISH)) {
      throw new ProblemException(
          "transition-refused",
          "Transition not allowed",
          409,
          "The scorecard of " + month + " is already " + words(card.status()) + ".");
    }
    queries.publish(month, user().username());
    event(month, "PUBLISHED", null);
    webhooks.publish(WebhookEventType.SCORECARD_PUBLISHED, Map.of("period", month.toString()));
    return queries.stored(month).orElseThrow();
  }

  // ---------------------------------------------------------------- the client's review

  /** A comment on the scorecard or one KPI (client stakeholders and BPO leads, until sign-off). */
  public Scorecard comment(String period, String code, String body) {
    PortalUser user = user();
    if (!user.hasRole(Roles.CLIENT_STAKEHOLDER) && !user.hasRole(Roles.BPO_LEAD)) {
      throw ProblemException.forbidden("Client stakeholders and BPO leads comment on scorecards.");
    }
    YearMonth month = month(period);
    Scorecard card =
        queries
            .stored(month)
            .filter(s -> s.status() != Scorecard.Status.DRAFT || user.hasRole(Roles.BPO_LEAD))
            .orElseThrow(() -> ProblemException.notFound("Scorecard " + month));
    if (!ScorecardWorkflow.allows(card.status(), ScorecardAction.COMMENT)) {
      throw locked(card, "commented");
    }
    if (code != null) {
      kpiOf(card, code);
    }
    addComment(month, code, "COMMENT", body);
    return queries.stored(month).orElseThrow();
  }

  /**
   * A client stakeholder disputes one KPI of a published scorecard; it cannot be signed off until
   * answered.
   */
  public Scorecard disputeKpi(String period, String code, String body) {
    requireRole(Roles.CLIENT_STAKEHOLDER, "Client stakeholders dispute a KPI.");
    YearMonth month = month(period);
    Scorecard card = published(month, ScorecardAction.DISPUTE_KPI);
    kpiOf(card, code);
    addComment(month, code, "DISPUTE", body);
    queries.review(month, code, Scorecard.Review.DISPUTED);
    event(month, "KPI_DISPUTED", code);
    return queries.stored(month).orElseThrow();
  }

  /** A BPO lead answers a disputed KPI. */
  public Scorecard answer(String period, String code, String body) {
    requireLead();
    YearMonth month = month(period);
    Scorecard card = published(month, ScorecardAction.ANSWER_KPI);
    if (kpiOf(card, code).review() != Scorecard.Review.DISPUTED) {
      throw new ProblemException(
          "transition-refused", "Transition not allowed", 409, "KPI " + code + " is not disputed.");
    }
    addComment(month, code, "ANSWER", body);
    queries.review(month, code, Scorecard.Review.ANSWERED);
    event(month, "KPI_ANSWERED", code);
    return queries.stored(month).orElseThrow();
  }

  /**
   * A client stakeholder signs the month off: the scorecard is locked for good, and each red KPI
   * books its service credit. Refused while a KPI is disputed and not answered.
   */
  public Scorecard signOff(String period, Long version) {
    requireRole(Roles.CLIENT_STAKEHOLDER, "Client stakeholders sign scorecards off.");
    YearMonth month = month(period);
    Scorecard card = require(month, version);
    if (!ScorecardWorkflow.allows(card.status(), ScorecardAction.SIGN_OFF)) {
      throw new ProblemException(
          "transition-refused",
          "Transition not allowed",
          409,
          "Only a published scorecard can be signed off; this one is "
              + words(card.status())
              + ".");
    }
    List<String> disputed =
        card.kpis().stream()
            .filter(k -> k.review() == Scorecard.Review.DISPUTED)
            .map(Scorecard.Kpi::code)
            .toList();
    if (!disputed.isEmpty()) {
      throw new ProblemException(
          "kpi-disputed",
          "A KPI is still disputed",
          409,
          "The BPO has not answered the dispute of " + disputed + " yet.");
    }
    queries.signOff(month, user().username());
    bookCredits(month);
    event(month, "SIGNED_OFF", null);
    webhooks.publish(WebhookEventType.SCORECARD_SIGNED_OFF, Map.of("period", month.toString()));
    return queries.stored(month).orElseThrow();
  }

  private void bookCredits(YearMonth month) {
    Optional<ScorecardQueries.Contract> contract = queries.contract();
    if (contract.isEmpty()) {
      return;
    }
    ScorecardQueries.Contract c = contract.get();
    ServiceCredits.of(queries.redKpis(month), c.amountAtRisk(), c.cap())
        .forEach((code, amount) -> queries.insertCredit(month, code, c.currency(), amount));
  }

  /**
   * The service credits of signed-off months from {@code from} on, for the client's next BPO
   * invoices.
   */
  public List<Map<String, Object>> credits(String from) {
    return queries.creditsFrom(month(from));
  }

  // ---------------------------------------------------------------- helpers

  private void rescore(YearMonth month) {
    Scorecard card = queries.stored(month).orElseThrow();
    queries.score(
        month,
        Rag.score(card.kpis().stream().map(k -> new Rag.Weighted(k.rag(), k.weight())).toList()));
  }

  private Scorecard require(YearMonth month, Long version) {
    Scorecard card =
        queries.stored(month).orElseThrow(() -> ProblemException.notFound("Scorecard " + month));
    if (version == null) {
      throw new InvalidFields(
          "Send the version you last saw.",
          List.of(
              new FieldError(
                  "version", "is required, so that no change silently overwrites another")));
    }
    if (version != card.version()) {
      throw new ProblemException(
          "conflict",
          "Changed meanwhile",
          409,
          "The scorecard of "
              + month
              + " changed meanwhile (version "
              + card.version()
              + ", you sent "
              + version
              + "). Reload it and try again.");
    }
    return card;
  }

  /**
   * The month as the client sees it (a draft is not found), open to {@code action} (signed off:
   * locked).
   */
  private Scorecard published(YearMonth month, ScorecardAction action) {
    Scorecard card =
        queries
            .stored(month)
            .filter(s -> s.status() != Scorecard.Status.DRAFT)
            .orElseThrow(() -> ProblemException.notFound("Published scorecard " + month));
    if (!ScorecardWorkflow.allows(card.status(), action)) {
      throw locked(card, "changed");
    }
    return card;
  }

  private static Scorecard.Kpi kpiOf(Scorecard card, String code) {
    return card.kpis().stream()
        .filter(k -> k.code().equals(code))
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("KPI " + code + " in " + card.period()));
  }

  private void addComment(YearMonth month, String code, String kind, String body) {
    String text = body == null ? "" : body.strip();
    if (text.isEmpty() || text.length() > 4000) {
      throw new InvalidFields(
          "The comment cannot be saved as it is.",
          List.of(new FieldError("body", "must be 1 to 4000 characters")));
    }
    queries.comment(month, code, kind, user().username(), text);
  }

  private void event(YearMonth month, String action, String note) {
    queries.event(month, user().username(), action, note);
  }

  private static ProblemException locked(Scorecard card, String what) {
    return new ProblemException(
        "scorecard-locked",
        "Scorecard locked",
        409,
        "The scorecard of "
            + card.period()
            + " is "
            + words(card.status())
            + " and cannot be "
            + what
            + ".");
  }

  private static String words(Scorecard.Status status) {
    return status.name().toLowerCase().replace('_', ' ');
  }

  /** The first month a scorecard may be asked for; the portal holds nothing older. */
  static final YearMonth EARLIEST = YearMonth.of(2000, 1);

  /** A period the caller named, from {@link #EARLIEST} to the tenant's current month. */
  private YearMonth month(String period) {
    return month(period, YearMonth.from(context.today()));
  }

  /**
   * A month like 2026-10 between {@link #EARLIEST} and {@code latest}: a month far in the future
   * would otherwise be computed, stored and then shown as the latest scorecard.
   */
  static YearMonth month(String period, YearMonth latest) {
    YearMonth month;
    try {
      month = YearMonth.parse(period == null ? "" : period.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidFields(
          "The period is not valid.",
          List.of(new FieldError("period", "must be a month like 2026-10")));
    }
    if (month.isBefore(EARLIEST) || month.isAfter(latest)) {
      throw new ProblemException(
          "period-out-of-range",
          "Period out of range",
          422,
          "The period must be a month from " + EARLIEST + " to " + latest + ".");
    }
    return month;
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
}
