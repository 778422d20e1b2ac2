package com.bpo.portal.close;

import com.bpo.portal.close.ClosePack.AccountProvision;
import com.bpo.portal.close.ClosePack.AgingLine;
import com.bpo.portal.close.ClosePack.CurrencySection;
import com.bpo.portal.close.CloseQueries.AgingAtEnd;
import com.bpo.portal.close.CloseQueries.CloseRow;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The month-end close: computes a month's pack from the journal, and takes it through its workflow.
 * A draft is computed on every read; publishing freezes the figures the client then signs off.
 */
@TenantService
public class CloseService {
  private static final Jsonb JSON = JsonbBuilder.create();
  static final int LARGEST_PROVISIONS = 10;
  static final int WRITE_OFFS_LISTED = 50;

  @Inject CloseQueries queries;
  @Inject TenantContext context;

  /**
   * The pack of a month: frozen once published, computed now while a draft (stakeholders see no
   * drafts).
   */
  public ClosePack pack(String periodText) {
    ClosePeriod period = period(periodText);
    Optional<CloseRow> row = queries.find(period.toString());
    requireVisible(row);
    ClosePack pack =
        row.filter(r -> r.figures() != null)
            .map(r -> JSON.fromJson(r.figures(), ClosePack.class))
            .orElseGet(() -> compute(period));
    return withWorkflow(pack, row);
  }

  /** The latest months and where each stands. */
  public List<CloseRow> recent() {
    List<CloseRow> rows = queries.recent(24);
    return isBpo() ? rows : rows.stream().filter(r -> r.status() != CloseStatus.DRAFT).toList();
  }

  public ClosePack prepare(String periodText) {
    ClosePeriod period = period(periodText);
    CloseRow row = queries.lockOrCreate(period.toString(), period.end());
    CloseWorkflow.next(row.status(), CloseAction.PREPARE, roles());
    queries.touch(period.toString(), user().username());
    return pack(periodText);
  }

  public ClosePack publish(String periodText, Long version) {
    ClosePeriod period = period(periodText);
    if (!period.hasEnded(context.today())) {
      throw new ProblemException(
          "month-not-ended",
          "The month has not ended",
          409,
          "A month is published once it has ended; " + period + " ends on " + period.end() + ".");
    }
    CloseRow row = lockAt(period, version);
    CloseWorkflow.next(row.status(), CloseAction.PUBLISH, roles());
    ClosePack pack = compute(period);
    List<String> open =
        pack.currencies().stream()
            .filter(c -> !c.reconciliation().entered() || !c.reconciliation().explainedToTheCent())
            .map(CurrencySection::currency)
            .toList();
    if (!open.isEmpty()) {
      throw new ProblemException(
          "reconciliation-open",
          "The reconciliation is open",
          409,
          "Enter the ledger balance and explain the difference to the cent before publishing: "
              + open
              + ".");
    }
    queries.publish(period.toString(), JSON.toJson(pack), user().username());
    return pack(periodText);
  }

  public ClosePack withdraw(String periodText, Long version) {
    ClosePeriod period = period(periodText);
    CloseRow row = lockAt(period, version);
    CloseWorkflow.next(row.status(), CloseAction.WITHDRAW, roles());
    queries.withdraw(period.toString());
    return pack(periodText);
  }

  public ClosePack signOff(String periodText, Long version) {
    ClosePeriod period = period(periodText);
    CloseRow row = lockAt(period, version);
    CloseWorkflow.next(row.status(), CloseAction.SIGN_OFF, roles());
    if (user().username().equals(row.publishedBy())) {
      throw new ProblemException(
          "four-eyes", "Four eyes", 403, "Whoever published a close cannot sign it off.");
    }
    queries.signOff(period.toString(), user().username());
    return pack(periodText);
  }

  /** A draft is the BPO's work in progress: to anyone else it does not exist (404). */
  private void requireVisible(Optional<CloseRow> row) {
    CloseStatus status = row.map(CloseRow::status).orElse(CloseStatus.DRAFT);
    if (status == CloseStatus.DRAFT && !isBpo()) {
      throw new ProblemException(
          "not-found", "Not found", 404, "This month's close is not published yet.");
    }
  }

  /** The check alone, without computing the pack (the comments need no figures). */
  private void requireVisible(ClosePeriod period) {
    requireVisible(queries.find(period.toString()));
  }

  public List<CloseQueries.Comment> comments(String periodText) {
    ClosePeriod period = period(periodText);
    requireVisible(period);
    return queries.comments(period.toString());
  }

  public List<CloseQueries.Comment> comment(String periodText, String body) {
    ClosePeriod period = period(periodText);
    CloseRow row = queries.lockOrCreate(period.toString(), period.end());
    CloseWorkflow.next(row.status(), CloseAction.COMMENT, roles());
    String text = body == null ? "" : body.strip();
    if (text.isEmpty() || text.length() > 4000) {
      throw new com.bpo.portal.shared.InvalidFields(
          "The comment is invalid.",
          List.of(
              new com.bpo.portal.shared.Problem.FieldError(
                  "body", "must have 1 to 4000 characters")));
    }
    queries.addComment(period.toString(), user().username(), text);
    return queries.comments(period.toString());
  }

  // ---------------------------------------------------------------- reconciliation and provisions

  public void enterLedgerBalance(String periodText, String currency, BigDecimal amount) {
    ClosePeriod period = period(periodText);
    requireDraft(period);
    queries.saveLedgerBalance(period.toString(), currency, amount, user().username());
  }

  public long addReconcilingItem(
      String periodText, String currency, String kind, BigDecimal amount, String explanation) {
    ClosePeriod period = period(periodText);
    requireDraft(period);
    return queries.addReconcilingItem(
        period.toString(), currency, kind, amount, explanation.strip(), user().username());
  }

  public void removeReconcilingItem(String periodText, long id) {
    ClosePeriod period = period(periodText);
    requireDraft(period);
    if (queries.removeReconcilingItem(period.toString(), id) == 0) {
      throw new ProblemException(
          "not-found", "Not found", 404, "No such reconciling item in " + period + ".");
    }
  }

  public ProvisionPolicy policy() {
    return queries
        .latestPolicy()
        .orElseGet(() -> ProvisionPolicy.standard(LocalDate.of(2000, 1, 1)));
  }

  /** A new version of the policy, in force from the first day of the current month. */
  public ProvisionPolicy changePolicy(
      Map<ProvisionBucket, BigDecimal> rates, boolean excludeDisputed) {
    requireLead();
    ProvisionPolicy current = policy();
    ProvisionPolicy next =
        new ProvisionPolicy(
            current.version() + 1,
            rates,
            excludeDisputed,
            context.today().withDayOfMonth(1),
            user().username());
    next.validate();
    if (current.version() > 0 && current.effectiveFrom().equals(next.effectiveFrom())) {
      // one version per month: the month's rates change in place by a newer version on the same day
      // is refused
      throw new ProblemException(
          "policy-changed-this-month",
          "Policy already changed this month",
          409,
          "The policy already has a version in force from " + next.effectiveFrom() + ".");
    }
    queries.insertPolicy(next);
    return next;
  }

  public List<CloseQueries.Specific> specificProvisions() {
    requireBpoOrStakeholder();
    return queries.specificProvisionList();
  }

  public long proposeSpecificProvision(long customerId, BigDecimal amount, String reason) {
    requireLead();
    String currency =
        queries
            .customerCurrency(customerId)
            .orElseThrow(
                () ->
                    new ProblemException(
                        "not-found", "Not found", 404, "No such customer account."));
    return queries.proposeSpecific(
        customerId, currency, amount, reason.strip(), context.today(), user().username());
  }

  /**
   * A second person approves or refuses a proposed specific provision (the database refuses the
   * maker too).
   */
  public void decideSpecificProvision(long id, boolean approve, Long version) {
    requireBpoOrStakeholder();
    if (!user().hasRole(com.bpo.portal.shared.Roles.BPO_LEAD)
        && !user().hasRole(com.bpo.portal.shared.Roles.CLIENT_STAKEHOLDER)) {
      throw new ProblemException(
          "forbidden", "Forbidden", 403, "BPO leads and client stakeholders decide provisions.");
    }
    CloseQueries.Specific s =
        queries
            .specificProvision(id)
            .orElseThrow(
                () ->
                    new ProblemException(
                        "not-found", "Not found", 404, "No such specific provision."));
    if (version != null && version != s.version()) {
      throw new ProblemException(
          "conflict", "Changed meanwhile", 409, "The provision changed meanwhile; reload it.");
    }
    if (!"PROPOSED".equals(s.status())) {
      throw new ProblemException(
          "transition-refused", "Already decided", 409, "The provision is " + s.status() + ".");
    }
    if (s.proposedBy().equals(user().username())) {
      throw new ProblemException(
          "four-eyes", "Four eyes", 403, "Whoever proposed a provision cannot decide it.");
    }
    queries.decideSpecific(id, approve ? "APPROVED" : "REFUSED", user().username());
  }

  // ---------------------------------------------------------------- the computation

  ClosePack compute(ClosePeriod period) {
    ZoneId zone = ZoneId.of(context.requireTenant().timeZone());
    LocalDate end = period.end();
    OffsetDateTime endsAt = period.endsAt(zone);
    ProvisionPolicy policy = policyAt(end);

    // the opening provision is the previous month's closing: as published, else computed from the
    // aging at its end, which the month end's statement then reads along with this month's
    ClosePeriod previous = period.previous();
    Optional<ClosePack> published = published(previous);
    LocalDate previousEnd = previous.end();
    CloseQueries.MonthEnd monthEnd =
        queries.monthEnd(
            end,
            endsAt,
            published.isPresent() ? null : previousEnd,
            previous.endsAt(zone),
            policy,
            LARGEST_PROVISIONS);

    List<RollForward> flows = queries.rollForward(period.start(), end);
    List<AgingAtEnd> aging = monthEnd.aging();
    Map<String, BigDecimal> specific = queries.specificProvisions(end);
    Map<String, BigDecimal> unapplied = queries.unappliedCash(end);
    Map<String, BigDecimal> ledger = queries.ledgerBalances(period.toString());
    List<ClosePack.Item> items = queries.reconcilingItems(period.toString());
    Map<String, BigDecimal> openingProvision =
        published
            .map(CloseService::closingProvisions)
            .orElseGet(
                () ->
                    provisions(
                        policyAt(previousEnd),
                        monthEnd.openingAging(),
                        queries.specificProvisions(previousEnd)));
    List<CloseQueries.OpenDisputes> disputes = queries.disputesOpenAt(endsAt);

    TreeSet<String> currencies = new TreeSet<>();
    // the tenant's own currency always has its section, so a quiet month can still be reconciled
    currencies.add(context.requireTenant().currency());
    flows.forEach(f -> currencies.add(f.currency()));
    aging.forEach(a -> currencies.add(a.currency()));
    currencies.addAll(ledger.keySet());

    List<CurrencySection> sections = new ArrayList<>();
    for (String currency : currencies) {
      RollForward flow =
          flows.stream()
              .filter(f -> f.currency().equals(currency))
              .findFirst()
              .orElse(
                  new RollForward(
                      currency,
                      BigDecimal.ZERO.setScale(2),
                      BigDecimal.ZERO.setScale(2),
                      BigDecimal.ZERO.setScale(2),
                      BigDecimal.ZERO.setScale(2),
                      BigDecimal.ZERO.setScale(2),
                      BigDecimal.ZERO.setScale(2),
                      BigDecimal.ZERO.setScale(2)));
      List<AgingLine> lines = new ArrayList<>();
      BigDecimal general = BigDecimal.ZERO.setScale(2);
      for (ProvisionBucket bucket : ProvisionBucket.values()) {
        AgingAtEnd a =
            aging.stream()
                .filter(x -> x.currency().equals(currency) && x.bucket() == bucket)
                .findFirst()
                .orElse(
                    new AgingAtEnd(
                        currency,
                        bucket,
                        BigDecimal.ZERO.setScale(2),
                        BigDecimal.ZERO.setScale(2)));
        BigDecimal provision = policy.generalProvision(bucket, a.amount(), a.disputed());
        general = general.add(provision);
        lines.add(
            new AgingLine(
                bucket,
                money(a.amount(), currency),
                money(a.disputed(), currency),
                money(provision, currency)));
      }
      BigDecimal specificAmount = specific.getOrDefault(currency, BigDecimal.ZERO.setScale(2));
      BigDecimal closingProvision = general.add(specificAmount);
      ProvisionMovement movement =
          ProvisionMovement.of(
              openingProvision.getOrDefault(currency, BigDecimal.ZERO.setScale(2)),
              closingProvision,
              flow.writeOffs().negate());
      List<ClosePack.Item> own =
          items.stream().filter(i -> i.amount().currency().equals(currency)).toList();
      BigDecimal explained =
          own.stream()
              .map(i -> i.amount().amount())
              .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
      BigDecimal ledgerAmount = ledger.get(currency);
      ClosePack.Reconciliation reconciliation =
          new ClosePack.Reconciliation(
              ledgerAmount == null ? null : money(ledgerAmount, currency),
              money(flow.closing(), currency),
              money(explained, currency),
              ledgerAmount == null
                  ? null
                  : money(ledgerAmount.subtract(flow.closing()).subtract(explained), currency),
              own);
      CloseQueries.OpenDisputes open =
          disputes.stream()
              .filter(d -> d.currency().equals(currency))
              .findFirst()
              .orElse(new CloseQueries.OpenDisputes(currency, 0, BigDecimal.ZERO.setScale(2)));
      sections.add(
          new CurrencySection(
              currency,
              ClosePack.Flow.of(flow),
              lines,
              new ClosePack.Provision(
                  money(general, currency),
                  money(specificAmount, currency),
                  money(movement.opening(), currency),
                  money(movement.used(), currency),
                  money(movement.charge(), currency),
                  money(movement.release(), currency),
                  money(movement.closing(), currency)),
              reconciliation,
              money(unapplied.getOrDefault(currency, BigDecimal.ZERO.setScale(2)), currency),
              open.count(),
              money(open.amount(), currency)));
    }
    List<AccountProvision> largest =
        monthEnd.largest().stream()
            .map(
                a ->
                    new AccountProvision(
                        a.customerId(),
                        a.number(),
                        a.name(),
                        money(a.overdue(), a.currency()),
                        money(a.general(), a.currency()),
                        money(a.specific(), a.currency()),
                        money(a.general().add(a.specific()), a.currency())))
            .toList();
    return new ClosePack(
        period.toString(),
        end,
        CloseStatus.DRAFT,
        0,
        List.of(),
        policy.version(),
        sections,
        queries.writeOffs(period.start(), end, WRITE_OFFS_LISTED),
        largest,
        null,
        null,
        null,
        null,
        OffsetDateTime.now(ZoneOffset.UTC));
  }

  /** The policy in force on a day, or the standard one when the tenant never set one. */
  private ProvisionPolicy policyAt(LocalDate day) {
    return queries
        .policyAt(day)
        .orElseGet(() -> ProvisionPolicy.standard(LocalDate.of(2000, 1, 1)));
  }

  /** A month's pack as it was published, if it was. */
  private Optional<ClosePack> published(ClosePeriod period) {
    return queries
        .find(period.toString())
        .filter(r -> r.figures() != null)
        .map(r -> JSON.fromJson(r.figures(), ClosePack.class));
  }

  /** The closing provision of each currency of a published pack. */
  static Map<String, BigDecimal> closingProvisions(ClosePack pack) {
    Map<String, BigDecimal> closing = new TreeMap<>();
    pack.currencies().forEach(c -> closing.put(c.currency(), c.provision().closing().amount()));
    return closing;
  }

  /**
   * The provision per currency at a month end computed from its aging: the policy's rate on each
   * bucket (less the disputed part when the policy leaves it to specific provisions), rounded per
   * bucket as the pack shows it, plus the specific provisions then in force.
   */
  static Map<String, BigDecimal> provisions(
      ProvisionPolicy policy, List<AgingAtEnd> aging, Map<String, BigDecimal> specific) {
    Map<String, BigDecimal> provisions = new TreeMap<>();
    for (AgingAtEnd a : aging) {
      provisions.merge(
          a.currency(),
          policy.generalProvision(a.bucket(), a.amount(), a.disputed()),
          BigDecimal::add);
    }
    specific.forEach((currency, amount) -> provisions.merge(currency, amount, BigDecimal::add));
    return provisions;
  }

  private ClosePack withWorkflow(ClosePack pack, Optional<CloseRow> row) {
    CloseStatus status = row.map(CloseRow::status).orElse(CloseStatus.DRAFT);
    return new ClosePack(
        pack.period(),
        pack.periodEnd(),
        status,
        row.map(CloseRow::version).orElse(0L),
        CloseWorkflow.available(status, roles()),
        pack.policyVersion(),
        pack.currencies(),
        pack.writeOffs(),
        pack.largestProvisions(),
        row.map(CloseRow::publishedBy).orElse(null),
        row.map(CloseRow::publishedAt).orElse(null),
        row.map(CloseRow::signedOffBy).orElse(null),
        row.map(CloseRow::signedOffAt).orElse(null),
        pack.computedAt());
  }

  private CloseRow lockAt(ClosePeriod period, Long version) {
    CloseRow row = queries.lockOrCreate(period.toString(), period.end());
    if (version != null && version != row.version()) {
      throw new ProblemException(
          "conflict",
          "Changed meanwhile",
          409,
          "The close of "
              + period
              + " changed meanwhile (version "
              + row.version()
              + "); reload it.");
    }
    return row;
  }

  private void requireDraft(ClosePeriod period) {
    requireLead();
    CloseStatus status =
        queries.find(period.toString()).map(CloseRow::status).orElse(CloseStatus.DRAFT);
    if (status != CloseStatus.DRAFT) {
      throw new ProblemException(
          "transition-refused",
          "Not a draft",
          409,
          "The close of "
              + period
              + " is "
              + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + "; withdraw it to change its reconciliation.");
    }
  }

  private ClosePeriod period(String text) {
    return ClosePeriod.parse(text, context.today());
  }

  private static Money money(BigDecimal amount, String currency) {
    return new Money(amount, currency);
  }

  private PortalUser user() {
    return context.requireUser();
  }

  private java.util.Set<String> roles() {
    return user().roles();
  }

  private boolean isBpo() {
    return user().hasRole(com.bpo.portal.shared.Roles.BPO_LEAD)
        || user().hasRole(com.bpo.portal.shared.Roles.BPO_AGENT);
  }

  private void requireLead() {
    if (!user().hasRole(com.bpo.portal.shared.Roles.BPO_LEAD)) {
      throw new ProblemException(
          "forbidden", "Forbidden", 403, "Only BPO leads prepare a month's close.");
    }
  }

  private void requireBpoOrStakeholder() {
    if (!isBpo() && !user().hasRole(com.bpo.portal.shared.Roles.CLIENT_STAKEHOLDER)) {
      throw new ProblemException(
          "forbidden", "Forbidden", 403, "Customers have no part in the close.");
    }
  }
}
