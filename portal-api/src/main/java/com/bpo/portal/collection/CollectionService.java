package com.bpo.portal.collection;

import com.bpo.portal.invoice.CustomerScope;
import com.bpo.portal.mail.MailOutbox;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.StaffDirectory;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantRole;
import com.bpo.portal.tenant.TenantService;
import com.bpo.portal.webhook.WebhookEventType;
import com.bpo.portal.webhook.WebhookEvents;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The collector's work: the worklist, an account's profile and timeline, contacts logged, promises
 * to pay made, proposed by customers, answered and evaluated, strategies and settings. Customers
 * reach only their own account (anything else is a 404, as for another tenant's).
 */
@TenantService
public class CollectionService {
  static final String SYSTEM = "system";
  private static final int MAX_PROMISE_DAYS = 90;

  @Inject TenantContext context;
  @Inject CustomerScope scope;
  @Inject WorklistQueries worklist;
  @Inject AccountQueries accounts;
  @Inject ActivityQueries activities;
  @Inject PromiseQueries promises;
  @Inject StrategyQueries strategies;
  @Inject MailOutbox outbox;
  @Inject WebhookEvents webhooks;
  @Inject StaffDirectory staff;
  @Inject MetricsQueries metrics;
  @Inject com.bpo.portal.invoice.CustomerAccountService customerAccounts;

  // ------------------------------------------------------------------ worklist and accounts

  /** The worklist; an agent who names no collector sees their own accounts. */
  public Page<WorklistItem> worklist(WorklistFilter filter, PageRequest page) {
    PortalUser user = requireStaff();
    WorklistFilter effective = filter;
    if (filter.collector().isEmpty() && !user.hasRole(Roles.BPO_LEAD)) {
      effective =
          new WorklistFilter(
              Optional.of(user.username()),
              filter.riskClasses(),
              filter.minAmount(),
              filter.dueOnly());
    }
    return worklist.worklist(effective, context.today(), page);
  }

  /**
   * A lead gives accounts to another collector (one of the tenant's active agents or leads), all or
   * none, through the invoice feature that owns the account. Answers how many were given.
   */
  public int reassign(List<Long> ids, String collector) {
    requireLead();
    List<Problem.FieldError> errors = new ArrayList<>();
    List<Long> distinct =
        ids == null
            ? List.of()
            : ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    if (distinct.isEmpty() || distinct.size() > 500) {
      errors.add(new Problem.FieldError(null, "ids", "name between 1 and 500 accounts"));
    }
    if (collector == null
        || collector.isBlank()
        || !accounts.isActiveCollector(collector.strip())) {
      errors.add(
          new Problem.FieldError(
              null, "collector", "must be one of the tenant's active agents or leads"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The reassignment is not valid.", errors);
    }
    int assigned = customerAccounts.assignCollector(distinct, collector.strip());
    if (assigned != distinct.size()) {
      throw new InvalidFields(
          "The reassignment is not valid.",
          List.of(new Problem.FieldError(null, "ids", "name only accounts of this tenant")));
    }
    return assigned;
  }

  public Optional<AccountProfile> profile(long accountId) {
    requireStaff();
    return worklist.profile(accountId, context.today());
  }

  public AccountProfile changeProfile(long accountId, AccountProfile.Change change) {
    requireStaff();
    requireAccount(accountId);
    List<Problem.FieldError> errors = new ArrayList<>();
    if (change == null) {
      throw new InvalidFields(
          "Send the profile as JSON.",
          List.of(new Problem.FieldError(null, "body", "is required")));
    }
    if (change.riskClass() == null) {
      errors.add(new Problem.FieldError(null, "riskClass", "is required"));
    }
    if (change.customerType() == null) {
      errors.add(new Problem.FieldError(null, "customerType", "is required"));
    }
    if (!"en".equals(change.language()) && !"fr".equals(change.language())) {
      errors.add(new Problem.FieldError(null, "language", "must be en or fr"));
    }
    boolean hold = Boolean.TRUE.equals(change.onHold());
    String reason = ActivityQueries.blankToNull(change.holdReason());
    if (hold && reason == null) {
      errors.add(
          new Problem.FieldError(null, "holdReason", "is required when the account is on hold"));
    }
    if (reason != null && reason.length() > 500) {
      errors.add(new Problem.FieldError(null, "holdReason", "must be at most 500 characters"));
    }
    if (change.version() == null) {
      errors.add(new Problem.FieldError(null, "version", "is required"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The profile is not valid.", errors);
    }
    long current = accounts.lock(accountId);
    if (current != change.version()) {
      throw new ProblemException(
          "conflict",
          "Changed meanwhile",
          409,
          "Someone changed this account's collections profile meanwhile (version "
              + current
              + "). Reload it.");
    }
    accounts.update(
        accountId,
        change.riskClass(),
        change.customerType(),
        change.language(),
        hold,
        hold ? reason : null,
        change.nextActionOn());
    return worklist.profile(accountId, context.today()).orElseThrow();
  }

  /**
   * Who may be given accounts (the tenant's active agents and leads), by name, for a lead's pick.
   */
  public List<com.bpo.portal.tenant.StaffMember> collectors() {
    requireLead();
    return staff.staff(TenantRole.BPO);
  }

  /**
   * The tenant's staff by sign-in name, to show a person's name where a timeline or a run records
   * who acted (a customer or the system keep their sign-in name).
   */
  public Map<String, String> staffNames() {
    requireStaff();
    Map<String, String> names = new java.util.HashMap<>();
    staff
        .staff(java.util.EnumSet.allOf(TenantRole.class))
        .forEach(m -> names.putIfAbsent(m.username(), m.displayName()));
    return names;
  }

  public List<TimelineEntry> timeline(long accountId, int limit) {
    requireStaff();
    requireAccount(accountId);
    return activities.timeline(accountId, limit);
  }

  // ------------------------------------------------------------------ activities

  public Activity logActivity(long accountId, Activity.New activity) {
    PortalUser user = requireStaff();
    requireAccount(accountId);
    List<Problem.FieldError> errors = new ArrayList<>();
    if (activity == null || activity.kind() == null) {
      errors.add(new Problem.FieldError(null, "kind", "is required: CALL, MAIL, LETTER or NOTE"));
    } else {
      if (activity.kind() == ActivityKind.TASK) {
        errors.add(
            new Problem.FieldError(
                null, "kind", "TASK is made by the system; log CALL, MAIL, LETTER or NOTE"));
      }
      if (activity.kind() == ActivityKind.CALL && activity.outcome() == null) {
        errors.add(new Problem.FieldError(null, "outcome", "is required for a call"));
      }
      if (activity.kind() == ActivityKind.NOTE
          && (activity.note() == null || activity.note().isBlank())) {
        errors.add(new Problem.FieldError(null, "note", "is required for a note"));
      }
      if (activity.contact() != null && activity.contact().length() > 200) {
        errors.add(new Problem.FieldError(null, "contact", "must be at most 200 characters"));
      }
      if (activity.note() != null && activity.note().length() > 4000) {
        errors.add(new Problem.FieldError(null, "note", "must be at most 4000 characters"));
      }
      if (activity.nextActionOn() != null && activity.nextActionOn().isBefore(context.today())) {
        errors.add(new Problem.FieldError(null, "nextActionOn", "must not be in the past"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The activity is not valid.", errors);
    }
    Activity logged = activities.insert(accountId, activity, user.username());
    accounts.contacted(accountId, activity.nextActionOn(), activity.kind() != ActivityKind.NOTE);
    return logged;
  }

  // ------------------------------------------------------------------ promises

  /**
   * A promise to pay on the account: recorded OPEN by the BPO, or PROPOSED by the customer (their
   * own account only), who may name only open invoices of the account; the amount may not exceed
   * what they leave to chase.
   */
  public Promise recordPromise(long accountId, Promise.New promise) {
    PortalUser user = context.requireUser();
    boolean customer = user.isCustomer();
    if (customer && !scope.current().sees(accountId)) {
      throw ProblemException.notFound("Account " + accountId);
    }
    if (!customer) {
      requireStaff();
    }
    AccountProfile account =
        worklist
            .profile(accountId, context.today())
            .orElseThrow(() -> ProblemException.notFound("Account " + accountId));
    List<Problem.FieldError> errors = new ArrayList<>();
    if (promise == null) {
      throw new InvalidFields(
          "Send the promise as JSON.",
          List.of(new Problem.FieldError(null, "body", "is required")));
    }
    BigDecimal amount = Amounts.positive(promise.amount(), "amount", errors);
    LocalDate today = context.today();
    if (promise.promisedOn() == null) {
      errors.add(new Problem.FieldError(null, "promisedOn", "is required"));
    } else if (promise.promisedOn().isBefore(today)
        || promise.promisedOn().isAfter(today.plusDays(MAX_PROMISE_DAYS))) {
      errors.add(
          new Problem.FieldError(
              null,
              "promisedOn",
              "must be between today and " + MAX_PROMISE_DAYS + " days from today"));
    }
    if (promise.note() != null && promise.note().length() > 2000) {
      errors.add(new Problem.FieldError(null, "note", "must be at most 2000 characters"));
    }
    List<Long> ids =
        promise.invoiceIds() == null
            ? List.of()
            : List.copyOf(new LinkedHashSet<>(promise.invoiceIds()));
    if (ids.size() > 500) {
      errors.add(new Problem.FieldError(null, "invoiceIds", "must name at most 500 invoices"));
    } else if (customer && ids.isEmpty()) {
      errors.add(
          new Problem.FieldError(null, "invoiceIds", "name the invoices the promise is for"));
    }
    if (errors.isEmpty() && !ids.isEmpty()) {
      List<PromiseQueries.OpenInvoice> open = promises.openInvoices(accountId, ids);
      if (open.size() != ids.size()) {
        errors.add(
            new Problem.FieldError(null, "invoiceIds", "name only open invoices of this account"));
      } else {
        BigDecimal chaseable =
            open.stream()
                .map(PromiseQueries.OpenInvoice::chaseable)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (amount.compareTo(chaseable) > 0) {
          errors.add(
              new Problem.FieldError(
                  null,
                  "amount",
                  "must not exceed the "
                      + chaseable.toPlainString()
                      + " open and undisputed on these invoices"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The promise is not valid.", errors);
    }
    String currency = account.open().currency();
    long id =
        promises.insert(
            accountId,
            currency,
            amount,
            promise.promisedOn(),
            customer ? PromiseStatus.PROPOSED : PromiseStatus.OPEN,
            today,
            customer,
            ActivityQueries.blankToNull(promise.note()),
            user.username(),
            ids);
    if (customer) {
      tellCollector(
          accountId,
          "proposed",
          account.number(),
          account.name(),
          DunningLetter.money(new com.bpo.portal.shared.Money(amount, currency), tenantLocale()),
          DunningLetter.date(promise.promisedOn(), tenantLocale()));
    } else {
      // a promise is recorded from a contact with the customer
      accounts.contacted(accountId, promise.promisedOn(), true);
    }
    return promises.find(id).orElseThrow();
  }

  public Optional<Promise> promise(long id) {
    PortalUser user = context.requireUser();
    return promises.find(id).filter(p -> !user.isCustomer() || scope.current().sees(p.accountId()));
  }

  public List<Promise> promisesOf(long accountId) {
    PortalUser user = context.requireUser();
    if (user.isCustomer() ? !scope.current().sees(accountId) : !accounts.accountExists(accountId)) {
      throw ProblemException.notFound("Account " + accountId);
    }
    return promises.ofAccount(accountId, 200);
  }

  /** The collector's answer to a customer's proposal, with the version read. */
  public Promise decide(long promiseId, Promise.Decision decision) {
    requireStaff();
    Promise promise =
        promises
            .lock(promiseId)
            .orElseThrow(() -> ProblemException.notFound("Promise " + promiseId));
    if (decision == null || decision.answer() == null) {
      throw new InvalidFields(
          "Send the answer as JSON.",
          List.of(
              new Problem.FieldError(null, "answer", "is required: ACCEPT, COUNTER or DECLINE")));
    }
    if (decision.version() == null || decision.version() != promise.version()) {
      throw new ProblemException(
          "conflict",
          "Changed meanwhile",
          409,
          "The promise changed meanwhile (version " + promise.version() + "). Reload it.");
    }
    if (promise.status() != PromiseStatus.PROPOSED) {
      throw new ProblemException(
          "conflict",
          "Not a proposal",
          409,
          "Only a proposed promise can be accepted, countered or declined; this one is "
              + promise.status()
              + ".");
    }
    LocalDate today = context.today();
    switch (decision.answer()) {
      case DECLINE -> promises.decide(promiseId, PromiseStatus.DECLINED, BigDecimal.ZERO, today);
      case ACCEPT ->
          promises.accept(promiseId, promise.amount().amount(), promise.promisedOn(), today);
      case COUNTER -> {
        List<Problem.FieldError> errors = new ArrayList<>();
        BigDecimal amount = Amounts.positive(decision.amount(), "amount", errors);
        if (decision.promisedOn() == null
            || decision.promisedOn().isBefore(today)
            || decision.promisedOn().isAfter(today.plusDays(MAX_PROMISE_DAYS))) {
          errors.add(
              new Problem.FieldError(
                  null,
                  "promisedOn",
                  "must be between today and " + MAX_PROMISE_DAYS + " days from today"));
        }
        if (!errors.isEmpty()) {
          throw new InvalidFields("The counter-proposal is not valid.", errors);
        }
        promises.accept(promiseId, amount, decision.promisedOn(), today);
      }
      default -> throw new IllegalStateException();
    }
    if (decision.answer() != Promise.Answer.DECLINE) {
      accounts.contacted(
          promise.accountId(),
          decision.answer() == Promise.Answer.COUNTER
              ? decision.promisedOn()
              : promise.promisedOn(),
          false);
    }
    return promises.find(promiseId).orElseThrow();
  }

  /** What an evaluation decided. */
  public record Evaluation(int evaluated, int kept, int partlyKept, int broken) {}

  /**
   * Decides the open promises from the payments applied (with the tenant's tolerance). A broken or
   * partly kept promise makes a task for the account's collector, due today, and a mail to them.
   */
  public Evaluation evaluatePromises() {
    LocalDate today = context.today();
    CollectionSettings settings = accounts.settings();
    int evaluated = 0;
    int kept = 0;
    int partly = 0;
    int broken = 0;
    for (Promise promise : promises.openForEvaluation(5000)) {
      evaluated++;
      PromiseOutcome.Decision decision =
          PromiseOutcome.decide(
              promise.amount().amount(),
              promise.madeOn(),
              promise.promisedOn(),
              promises.payments(promise),
              settings.tolerance(),
              today);
      if (decision.status() == PromiseStatus.OPEN) {
        continue;
      }
      promises.decide(promise.id(), decision.status(), decision.paid(), today);
      if (decision.status() == PromiseStatus.BROKEN) {
        webhooks.publish(
            WebhookEventType.PROMISE_BROKEN,
            Map.of(
                "promiseId", promise.id(),
                "customerAccountId", promise.accountId(),
                "currency", promise.amount().currency(),
                "amount", promise.amount().amount().toPlainString(),
                "paid", decision.paid().toPlainString(),
                "promisedOn", promise.promisedOn().toString()));
      }
      switch (decision.status()) {
        case KEPT -> kept++;
        case PARTLY_KEPT -> partly++;
        case BROKEN -> broken++;
        default -> {}
      }
      if (decision.status() != PromiseStatus.KEPT) {
        String paid =
            DunningLetter.money(
                new com.bpo.portal.shared.Money(decision.paid(), promise.amount().currency()),
                tenantLocale());
        activities.insert(
            promise.accountId(),
            new Activity.New(
                ActivityKind.TASK,
                null,
                null,
                "Promise to pay "
                    + decision.status()
                    + ": "
                    + paid
                    + " of "
                    + promise.amount().amount().toPlainString()
                    + " "
                    + promise.amount().currency()
                    + " due "
                    + promise.promisedOn()
                    + " was paid.",
                today),
            SYSTEM);
        accounts.contacted(promise.accountId(), today, false);
        tellCollector(
            promise.accountId(),
            "broken",
            promise.accountNumber(),
            promise.accountName(),
            DunningLetter.money(promise.amount(), tenantLocale()),
            DunningLetter.date(promise.promisedOn(), tenantLocale()),
            paid);
      }
    }
    return new Evaluation(evaluated, kept, partly, broken);
  }

  // ------------------------------------------------------------------ metrics

  /**
   * The period's figures per collector and for the tenant (leads, agents and the client's
   * stakeholders).
   */
  public CollectionMetrics metrics(LocalDate from, LocalDate to) {
    PortalUser user = context.requireUser();
    if (user.isCustomer()) {
      throw ProblemException.forbidden("Collections metrics are for the BPO and the client.");
    }
    if (from.isAfter(to) || from.isBefore(to.minusDays(366))) {
      throw new InvalidFields(
          "The period is not valid.",
          List.of(
              new Problem.FieldError(
                  null, "from", "must be on or before to, at most a year before it")));
    }
    LocalDate today = context.today();
    List<CollectionMetrics.Row> rows = metrics.perCollector(from, to, today);
    CollectionMetrics.Row total =
        rows.stream()
            .reduce(
                new CollectionMetrics.Row(
                    null,
                    0,
                    0,
                    0,
                    BigDecimal.ZERO,
                    0,
                    BigDecimal.ZERO,
                    0,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    null),
                (a, b) -> {
                  BigDecimal collected = a.collected().add(b.collected());
                  BigDecimal overdue = a.overdue().add(b.overdue());
                  return new CollectionMetrics.Row(
                      null,
                      a.accountsWorked() + b.accountsWorked(),
                      a.contacts() + b.contacts(),
                      a.promisesMade() + b.promisesMade(),
                      a.promisedAmount().add(b.promisedAmount()),
                      a.promisesKept() + b.promisesKept(),
                      a.keptAmount().add(b.keptAmount()),
                      a.promisesDecided() + b.promisesDecided(),
                      collected,
                      overdue,
                      CollectionMetrics.percent(collected, collected.add(overdue)));
                });
    long[] coverage = metrics.coverage(from, to, today);
    return new CollectionMetrics(
        from,
        to,
        rows,
        total,
        CollectionMetrics.percent(
            BigDecimal.valueOf(total.promisesKept()), BigDecimal.valueOf(total.promisesDecided())),
        CollectionMetrics.percent(
            BigDecimal.valueOf(coverage[1]), BigDecimal.valueOf(coverage[0])));
  }

  // ------------------------------------------------------------------ strategies and settings

  public List<Strategy> strategies() {
    context.requireUser();
    return strategies.all();
  }

  /** A new version of a strategy (its code names it; the first version creates it). Leads only. */
  public Strategy newStrategyVersion(StrategyQueries.StrategyDraft draft) {
    requireLead();
    List<Problem.FieldError> errors = StrategyCheck.errors(draft);
    if (!errors.isEmpty()) {
      throw new InvalidFields("The strategy is not valid.", errors);
    }
    int version = strategies.nextVersion(draft.code());
    long id = strategies.insert(draft, version, context.requireUser().username());
    return strategies.all().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
  }

  public CollectionSettings settings() {
    requireStaff();
    return accounts.settings();
  }

  public CollectionSettings saveSettings(CollectionSettings settings) {
    requireLead();
    List<Problem.FieldError> errors = new ArrayList<>();
    if (settings == null) {
      throw new InvalidFields(
          "Send the settings as JSON.",
          List.of(new Problem.FieldError(null, "body", "is required")));
    }
    if (settings.promiseToleranceDays() < 0 || settings.promiseToleranceDays() > 30) {
      errors.add(new Problem.FieldError(null, "promiseToleranceDays", "must be between 0 and 30"));
    }
    if (settings.promiseToleranceAmount() == null
        || settings.promiseToleranceAmount().signum() < 0
        || settings.promiseToleranceAmount().precision() - settings.promiseToleranceAmount().scale()
            > 15
        || settings.promiseToleranceAmount().scale() > 2) {
      errors.add(
          new Problem.FieldError(
              null, "promiseToleranceAmount", "must be an amount of at least 0"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The settings are not valid.", errors);
    }
    if (!accounts.saveSettings(settings, settings.version())) {
      throw new ProblemException(
          "conflict",
          "Changed meanwhile",
          409,
          "The settings changed meanwhile (version "
              + accounts.settings().version()
              + "). Reload them.");
    }
    return accounts.settings();
  }

  // ------------------------------------------------------------------ helpers

  /** Today in the tenant's zone. */
  public LocalDate today() {
    return context.today();
  }

  private void tellCollector(long accountId, String what, Object... args) {
    Locale locale = tenantLocale();
    accounts
        .collectorOf(accountId)
        .flatMap(accounts::staffEmail)
        .ifPresent(
            email ->
                outbox.enqueue(
                    email,
                    CollectionMail.text(locale, what + ".subject", args[0], args[1]),
                    CollectionMail.text(locale, what + ".body", args)));
  }

  private Locale tenantLocale() {
    return Locale.forLanguageTag(context.requireTenant().locale());
  }

  private void requireAccount(long accountId) {
    if (!accounts.accountExists(accountId)) {
      throw ProblemException.notFound("Account " + accountId);
    }
  }

  /** BPO staff (or the system's own job); a customer or a stakeholder is refused. */
  public PortalUser requireStaff() {
    PortalUser user = context.requireUser();
    if (!isJob(user) && !user.hasRole(Roles.BPO_LEAD) && !user.hasRole(Roles.BPO_AGENT)) {
      throw ProblemException.forbidden("Collections work is for the BPO's agents and leads.");
    }
    return user;
  }

  /** The scheduled round, bound as the role-less user {@value #SYSTEM} (TenantContext.bindJob). */
  static boolean isJob(PortalUser user) {
    return SYSTEM.equals(user.username()) && user.roles().isEmpty();
  }

  public void requireLead() {
    PortalUser user = context.requireUser();
    if (!isJob(user) && !user.hasRole(Roles.BPO_LEAD)) {
      throw ProblemException.forbidden("Only a BPO lead may do this.");
    }
  }
}
