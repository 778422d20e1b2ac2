package com.bpo.portal.dispute;

import com.bpo.portal.approval.Approvals;
import com.bpo.portal.approval.DisputeResolutionApprovals;
import com.bpo.portal.invoice.CustomerScope;
import com.bpo.portal.mail.MailOutbox;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Raising, working and resolving disputes, with their money effects on invoices. Every change
 * writes its history event (and its notifications, through the outbox) in the same transaction.
 * A customer reaches only disputes of their own account; an id outside it answers "not found".
 */
@TenantService
public class DisputeService {
  static final int MAX_DESCRIPTION = 4000;
  static final int MAX_MESSAGE = 8000;
  static final int MAX_ITEMS = 50;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;
  @Inject CustomerScope scope;
  @Inject MailOutbox outbox;
  @Inject DisputeMail mail;
  @Inject Approvals approvals;

  // ---------------------------------------------------------------- reading

  /** A keyset page of the queue (for a customer: their own disputes, without internal SLA figures). */
  public Page<DisputeSummary> list(DisputeFilter filter, DisputeSort sort, PageRequest page) {
    CustomerScope.Visibility visibility = scope.current();
    if (visibility.seesNothing()) {
      return new Page<>(List.of(), null);
    }
    StringBuilder jpql = new StringBuilder(
        "select d, c.number, c.name from Dispute d, CustomerAccount c where c.id = d.customerAccountId");
    Map<String, Object> params = new LinkedHashMap<>();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    if (!visibility.all()) {
      where(jpql, params, "d.customerAccountId = :own", "own", visibility.account().orElseThrow());
    }
    if (!filter.statuses().isEmpty()) {
      where(jpql, params, "d.status in :statuses", "statuses", List.copyOf(filter.statuses()));
    } else if (filter.openOnly()) {
      where(jpql, params, "d.status in :statuses", "statuses",
          List.of(DisputeStatus.NEW, DisputeStatus.IN_REVIEW, DisputeStatus.AWAITING_CUSTOMER));
    }
    filter.reasonCode().ifPresent(r -> where(jpql, params, "d.reasonCode = :reason", "reason", r));
    if (filter.invoiceId().isPresent()) {
      // dispute_item has no entity: its few dispute ids for the invoice come from its index first
      @SuppressWarnings("unchecked")
      List<Number> ids = em.createNativeQuery("select dispute_id from dispute_item where tenant_id = ?1 and invoice_id = ?2")
          .setParameter(1, tenantId()).setParameter(2, filter.invoiceId().get()).getResultList();
      if (ids.isEmpty()) {
        return new Page<>(List.of(), null);
      }
      where(jpql, params, "d.id in :ids", "ids", ids.stream().map(Number::longValue).toList());
    }
    filter.customerId().ifPresent(id -> where(jpql, params, "d.customerAccountId = :customer", "customer", id));
    filter.assignee().ifPresent(a -> {
      if (DisputeFilter.UNASSIGNED.equals(a)) {
        jpql.append(" and d.assignee is null");
      } else {
        where(jpql, params, "d.assignee = :assignee", "assignee", a);
      }
    });
    filter.minAgeDays().ifPresent(days ->
        where(jpql, params, "d.raisedAt <= :raisedBefore", "raisedBefore", now.minusDays(days)));
    filter.maxAgeDays().ifPresent(days ->
        where(jpql, params, "d.raisedAt > :raisedAfter", "raisedAfter", now.minusDays(days + 1L)));
    filter.minAmount().ifPresent(a -> where(jpql, params, "d.disputedAmount >= :minAmount", "minAmount", a));
    filter.maxAmount().ifPresent(a -> where(jpql, params, "d.disputedAmount <= :maxAmount", "maxAmount", a));
    if (filter.breachedOnly() && visibility.all()) {
      // the same rule as SlaClock.breached, in SQL: done after the due instant, or not done and past it
      where(jpql, params, "(d.firstResponseAt > d.firstResponseDue"
          + " or (d.firstResponseAt is null and d.firstResponseDue < :now)"
          + " or d.resolvedAt > d.resolutionDue or (d.resolvedAt is null and d.resolutionDue < :now))", "now", now);
    }
    String path = sort.key().path;
    String after = sort.descending() ? "<" : ">";
    page.after().ifPresent(key -> {
      // as for invoices: the redundant "key >= k" lets the index range start at k
      jpql.append(" and ").append(path).append(' ').append(after).append("= :afterKey and (")
          .append(path).append(' ').append(after).append(" :afterKey or (")
          .append(path).append(" = :afterKey and d.id ").append(after).append(" :afterId))");
      params.put("afterKey", sort.key().parse.apply(key.get(0)));
      params.put("afterId", Long.valueOf(key.get(1)));
    });
    String direction = sort.descending() ? " desc" : " asc";
    jpql.append(" order by ").append(path).append(direction).append(", d.id").append(direction);

    TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
    params.forEach(query::setParameter);
    List<DisputeSummary> rows = new ArrayList<>();
    Instant instant = now.toInstant();
    for (Object[] r : query.setMaxResults(page.limit() + 1).getResultList()) {
      DisputeSummary summary = summary((Dispute) r[0], (String) r[1], (String) r[2], instant);
      rows.add(visibility.all() ? summary : summary.forCustomer());
    }
    return page.page(rows, row -> List.of(sort.key().valueOf.apply(row), String.valueOf(row.id())));
  }

  private static void where(StringBuilder jpql, Map<String, Object> params, String condition, String name,
                            Object value) {
    jpql.append(" and ").append(condition);
    params.put(name, value);
  }

  static DisputeSummary summary(Dispute d, String customerNumber, String customerName, Instant now) {
    return new DisputeSummary(d.id(), DisputeSummary.number(d.id()), d.kind(), d.customerAccountId(),
        customerNumber, customerName, d.reasonCode(), d.status(), d.outcome(),
        new Money(d.disputedAmount(), d.currency()), new Money(d.settledAmount(), d.currency()), d.raisedAt(),
        d.raisedBy(), d.assignee(), d.promisedResponseOn(), d.firstResponseDue(), d.resolutionDue(),
        SlaClock.breached(d.firstResponseDue().toInstant(), instant(d.firstResponseAt()), now),
        SlaClock.breached(d.resolutionDue().toInstant(), instant(d.resolvedAt()), now), d.version());
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  public Optional<DisputeDetail> find(long id) {
    return visible(id).map(this::detail);
  }

  /** The dispute if the caller may see it: any of the tenant's for staff, their account's for a customer. */
  private Optional<Dispute> visible(long id) {
    return Optional.ofNullable(em.find(Dispute.class, id)).filter(d -> scope.current().sees(d.customerAccountId()));
  }

  private Dispute require(long id) {
    return visible(id).orElseThrow(() -> ProblemException.notFound("Dispute " + id));
  }

  @SuppressWarnings("unchecked")
  private DisputeDetail detail(Dispute d) {
    PortalUser user = context.requireUser();
    Party party = Party.of(user);
    String tenant = tenantId();
    Object[] customer = (Object[]) em.createNativeQuery(
            "select number, name from customer_account where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenant).setParameter(2, d.customerAccountId()).getSingleResult();
    DisputeSummary summary = summary(d, (String) customer[0], (String) customer[1], Instant.now());
    if (!party.isBpo()) {
      summary = party == Party.CUSTOMER ? summary.forCustomer() : summary;
    }
    String reasonLabel = (String) em.createNativeQuery(
            "select label from dispute_reason where tenant_id = ?1 and code = ?2")
        .setParameter(1, tenant).setParameter(2, d.reasonCode()).getResultStream().findFirst().orElse(d.reasonCode());

    List<DisputeDetail.Item> items = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select i.id, i.number, di.line_no, di.amount, di.settled, i.open_amount
            from dispute_item di join invoice i on i.tenant_id = di.tenant_id and i.id = di.invoice_id
            where di.tenant_id = ?1 and di.dispute_id = ?2 order by i.number""")
        .setParameter(1, tenant).setParameter(2, d.id()).getResultList()) {
      items.add(new DisputeDetail.Item(((Number) r[0]).longValue(), (String) r[1],
          r[2] == null ? null : ((Number) r[2]).intValue(), new Money((BigDecimal) r[3], d.currency()),
          new Money((BigDecimal) r[4], d.currency()), new Money((BigDecimal) r[5], d.currency())));
    }

    List<String> visibilities = party.sees().stream().map(Enum::name).toList();
    List<DisputeDetail.Message> messages = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select id, author, party, visibility, body, at from dispute_message
            where tenant_id = ?1 and dispute_id = ?2 and visibility = any(?3) order by at, id""")
        .setParameter(1, tenant).setParameter(2, d.id()).setParameter(3, visibilities.toArray(String[]::new))
        .getResultList()) {
      messages.add(new DisputeDetail.Message(((Number) r[0]).longValue(), (String) r[1], Party.valueOf((String) r[2]),
          Visibility.valueOf((String) r[3]), (String) r[4], timestamp(r[5])));
    }

    List<DisputeDetail.Attachment> attachments = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select id, file_name, media_type, size_bytes, sha256, uploaded_by, at from dispute_attachment
            where tenant_id = ?1 and dispute_id = ?2 order by at, id""")
        .setParameter(1, tenant).setParameter(2, d.id()).getResultList()) {
      attachments.add(new DisputeDetail.Attachment(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
          ((Number) r[3]).intValue(), ((String) r[4]).trim(), (String) r[5], timestamp(r[6])));
    }

    List<DisputeDetail.Event> history = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("""
            select at, actor, action, from_status, to_status, note from dispute_event
            where tenant_id = ?1 and dispute_id = ?2 order by at, id""")
        .setParameter(1, tenant).setParameter(2, d.id()).getResultList()) {
      // a customer sees what happened and when; the reasons written for the BPO and the client stay with them
      history.add(new DisputeDetail.Event(timestamp(r[0]), (String) r[1], (String) r[2],
          r[3] == null ? null : DisputeStatus.valueOf((String) r[3]),
          r[4] == null ? null : DisputeStatus.valueOf((String) r[4]), party == Party.CUSTOMER ? null : (String) r[5]));
    }
    DisputeSettings settings = settings();
    Set<DisputeAction> actions = DisputeWorkflow.available(d.status(), party, instant(d.resolvedAt()),
        settings.reopenDays(), Instant.now());
    return new DisputeDetail(summary, reasonLabel, d.description(), items, messages, attachments, history,
        actions, party.sees());
  }

  private static OffsetDateTime timestamp(Object value) {
    if (value instanceof OffsetDateTime t) {
      return t;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(ZoneOffset.UTC);
    }
    if (value instanceof Instant t) {
      return t.atOffset(ZoneOffset.UTC);
    }
    throw new IllegalStateException("not a timestamp: " + value);
  }

  /** The tenant's reason codes, in their order; inactive ones only when asked (for editing). */
  @SuppressWarnings("unchecked")
  public List<DisputeReason> reasons(boolean includeInactive) {
    List<DisputeReason> reasons = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery(
            "select code, label, active, sort_order from dispute_reason where tenant_id = ?1"
                + (includeInactive ? "" : " and active") + " order by sort_order, code")
        .setParameter(1, tenantId()).getResultList()) {
      reasons.add(new DisputeReason((String) r[0], (String) r[1], (Boolean) r[2], ((Number) r[3]).intValue()));
    }
    return reasons;
  }

  /** Adds a reason code or changes its label, order or whether it can still be chosen (BPO leads). */
  public DisputeReason saveReason(DisputeReason reason) {
    if (!context.requireUser().hasRole(com.bpo.portal.shared.Roles.BPO_LEAD)) {
      throw ProblemException.forbidden("Only BPO leads change the reason catalogue.");
    }
    List<FieldError> errors = new ArrayList<>();
    if (reason.code() == null || !reason.code().matches("^[A-Z][A-Z_]{1,39}$")) {
      errors.add(new FieldError("code", "must be 2 to 40 upper-case letters or underscores"));
    }
    if (reason.label() == null || reason.label().isBlank() || reason.label().length() > 100) {
      errors.add(new FieldError("label", "must be 1 to 100 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The reason code is not valid.", errors);
    }
    em.createNativeQuery("""
            insert into dispute_reason (tenant_id, code, label, active, sort_order) values (?1, ?2, ?3, ?4, ?5)
            on conflict (tenant_id, code) do update set label = excluded.label, active = excluded.active,
                                                        sort_order = excluded.sort_order""")
        .setParameter(1, tenantId()).setParameter(2, reason.code()).setParameter(3, reason.label().strip())
        .setParameter(4, reason.active()).setParameter(5, reason.sortOrder()).executeUpdate();
    return reason;
  }

  /** The tenant's disputes desk settings, or the defaults. */
  @SuppressWarnings("unchecked")
  public DisputeSettings settings() {
    List<Object[]> rows = em.createNativeQuery("select first_response_hours, resolution_hours, "
            + "customer_promise_days, reopen_days, team_email from dispute_settings where tenant_id = ?1")
        .setParameter(1, tenantId()).getResultList();
    if (rows.isEmpty()) {
      return DisputeSettings.DEFAULTS;
    }
    Object[] r = rows.get(0);
    return new DisputeSettings(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
        ((Number) r[3]).intValue(), (String) r[4]);
  }

  /** The settings with the version an edit must send back (0 while the tenant still uses the defaults). */
  public record VersionedSettings(DisputeSettings settings, long version) {}

  @SuppressWarnings("unchecked")
  public VersionedSettings versionedSettings() {
    List<Number> versions = em.createNativeQuery("select version from dispute_settings where tenant_id = ?1")
        .setParameter(1, tenantId()).getResultList();
    return new VersionedSettings(settings(), versions.isEmpty() ? 0 : versions.get(0).longValue());
  }

  /**
   * Changes the desk's settings (BPO leads). {@code version} is the one read: an edit made meanwhile
   * by someone else answers 409 instead of being overwritten. New targets apply to disputes raised
   * from now on; those already open keep the targets they were raised under.
   */
  public VersionedSettings saveSettings(DisputeSettings settings, long version) {
    if (!context.requireUser().hasRole(com.bpo.portal.shared.Roles.BPO_LEAD)) {
      throw ProblemException.forbidden("Only BPO leads change the disputes desk's settings.");
    }
    List<FieldError> errors = new ArrayList<>();
    if (settings.firstResponseHours() < 1 || settings.firstResponseHours() > 24 * 90) {
      errors.add(new FieldError("firstResponseHours", "must be between 1 and 2160 hours"));
    }
    if (settings.resolutionHours() < settings.firstResponseHours() || settings.resolutionHours() > 24 * 365) {
      errors.add(new FieldError("resolutionHours", "must be at least the first-response target and at most 8760 hours"));
    }
    if (settings.customerPromiseDays() < 1 || settings.customerPromiseDays() > 90) {
      errors.add(new FieldError("customerPromiseDays", "must be between 1 and 90 days"));
    }
    if (settings.reopenDays() < 0 || settings.reopenDays() > 365) {
      errors.add(new FieldError("reopenDays", "must be between 0 and 365 days"));
    }
    String email = settings.teamEmail() == null ? null : settings.teamEmail().strip();
    if (email != null && !email.isEmpty() && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      errors.add(new FieldError("teamEmail", "must be an email address such as disputes@example.com"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The settings are not valid.", errors);
    }
    int changed = em.createNativeQuery("""
            insert into dispute_settings (tenant_id, first_response_hours, resolution_hours, customer_promise_days,
                                          reopen_days, team_email, version)
            values (?1, ?2, ?3, ?4, ?5, ?6, 1)
            on conflict (tenant_id) do update set first_response_hours = excluded.first_response_hours,
                resolution_hours = excluded.resolution_hours, customer_promise_days = excluded.customer_promise_days,
                reopen_days = excluded.reopen_days, team_email = excluded.team_email,
                version = dispute_settings.version + 1
            where dispute_settings.version = ?7""")
        .setParameter(1, tenantId()).setParameter(2, settings.firstResponseHours())
        .setParameter(3, settings.resolutionHours()).setParameter(4, settings.customerPromiseDays())
        .setParameter(5, settings.reopenDays()).setParameter(6, email == null || email.isEmpty() ? null : email)
        .setParameter(7, version).executeUpdate();
    if (changed == 0) {
      throw new ProblemException("conflict", "Changed meanwhile", 409,
          "Someone changed the settings meanwhile. Reload them and try again.");
    }
    return versionedSettings();
  }

  /** The tenant's BPO staff who can be given disputes, by name. */
  @SuppressWarnings("unchecked")
  public List<StaffMember> assignableStaff() {
    List<StaffMember> staff = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery("select username, display_name, email, role "
            + "from tenant_staff where tenant_id = ?1 and active and role in ('bpo-lead', 'bpo-agent') "
            + "order by display_name")
        .setParameter(1, tenantId()).getResultList()) {
      staff.add(new StaffMember((String) r[0], (String) r[1], (String) r[2], (String) r[3]));
    }
    return staff;
  }

  /** How many disputes are open, and how many of those are past an SLA target (0 for a customer's view). */
  public record Counts(long open, long breached) {}

  public Counts openCounts() {
    CustomerScope.Visibility visibility = scope.current();
    if (visibility.seesNothing()) {
      return new Counts(0, 0);
    }
    Object[] r = (Object[]) em.createNativeQuery("""
            select count(*), count(*) filter (where (first_response_at is null and first_response_due < now())
                                                    or resolution_due < now())
            from dispute where tenant_id = ?1 and status in ('NEW', 'IN_REVIEW', 'AWAITING_CUSTOMER')
              and (?2 = -1 or customer_account_id = ?2)""")
        .setParameter(1, tenantId()).setParameter(2, visibility.all() ? -1L : visibility.account().orElseThrow())
        .getSingleResult();
    long breached = visibility.all() ? ((Number) r[1]).longValue() : 0;
    return new Counts(((Number) r[0]).longValue(), breached);
  }

  // ---------------------------------------------------------------- raising

  /**
   * Raises a dispute on invoices of one customer. Each amount is at most what is still open on its
   * invoice and not already under another open dispute; the invoices are locked while this is
   * checked, so two disputes raised at once cannot together exceed the open amount.
   */
  @SuppressWarnings("unchecked")
  public DisputeDetail raise(NewDispute request) {
    PortalUser user = context.requireUser();
    Party party = Party.of(user);
    if (party == Party.CLIENT) {
      throw ProblemException.forbidden("Disputes are raised by customers or logged by the BPO for them.");
    }
    CustomerScope.Visibility visibility = scope.current();
    if (visibility.seesNothing()) {
      throw ProblemException.forbidden("Your sign-in is not bound to a customer account.");
    }
    List<FieldError> errors = new ArrayList<>();
    Dispute.Kind kind = Dispute.Kind.DISPUTE;
    if (request.kind() != null && !request.kind().isBlank()) {
      try {
        kind = Dispute.Kind.valueOf(request.kind());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("kind", "must be DISPUTE or DEDUCTION"));
      }
    }
    if (kind == Dispute.Kind.DEDUCTION && !party.isBpo()) {
      errors.add(new FieldError("kind", "a short-payment deduction is logged by the BPO"));
    }
    Set<String> reasonCodes = new HashSet<>(reasons(false).stream().map(DisputeReason::code).toList());
    if (request.reasonCode() == null || !reasonCodes.contains(request.reasonCode())) {
      errors.add(new FieldError("reasonCode", "must be one of " + reasonCodes.stream().sorted().toList()));
    }
    String description = request.description() == null ? "" : request.description().strip();
    if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
      errors.add(new FieldError("description", "must be 1 to " + MAX_DESCRIPTION + " characters"));
    }
    List<NewDispute.Item> items = request.items() == null ? List.of() : request.items();
    if (items.isEmpty() || items.size() > MAX_ITEMS) {
      errors.add(new FieldError("items", "must name 1 to " + MAX_ITEMS + " invoices"));
    }
    Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
    Map<Long, Integer> lines = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      NewDispute.Item item = items.get(i);
      String field = "items[" + i + "]";
      if (item.invoiceId() == null) {
        errors.add(new FieldError(field + ".invoiceId", "is required"));
        continue;
      }
      if (amounts.containsKey(item.invoiceId())) {
        errors.add(new FieldError(field + ".invoiceId", "names the same invoice twice"));
        continue;
      }
      Optional<BigDecimal> amount = positiveAmount(item.amount());
      if (amount.isEmpty()) {
        errors.add(new FieldError(field + ".amount", "must be a positive amount with at most 2 decimals"));
        continue;
      }
      amounts.put(item.invoiceId(), amount.get());
      if (item.lineNo() != null) {
        lines.put(item.invoiceId(), item.lineNo());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The dispute cannot be raised as it is.", errors);
    }

    String tenant = tenantId();
    List<Object[]> invoices = em.createNativeQuery("""
            select id, number, customer_account_id, currency, open_amount, disputed_amount from invoice
            where tenant_id = ?1 and id = any(?2) order by id for update""")
        .setParameter(1, tenant).setParameter(2, amounts.keySet().toArray(Long[]::new)).getResultList();
    Map<Long, Object[]> byId = new LinkedHashMap<>();
    for (Object[] r : invoices) {
      byId.put(((Number) r[0]).longValue(), r);
    }
    Long customerId = null;
    String currency = null;
    for (int i = 0; i < items.size(); i++) {
      long invoiceId = items.get(i).invoiceId();
      String field = "items[" + i + "]";
      Object[] invoice = byId.get(invoiceId);
      long invoiceCustomer = invoice == null ? -1 : ((Number) invoice[2]).longValue();
      if (invoice == null || !visibility.sees(invoiceCustomer)) {
        errors.add(new FieldError(field + ".invoiceId", "no such invoice")); // as if it did not exist
        continue;
      }
      if (customerId == null) {
        customerId = invoiceCustomer;
        currency = ((String) invoice[3]).trim();
      } else if (customerId != invoiceCustomer) {
        errors.add(new FieldError(field + ".invoiceId", "belongs to another customer; raise one dispute per customer"));
        continue;
      } else if (!currency.equals(((String) invoice[3]).trim())) {
        errors.add(new FieldError(field + ".invoiceId", "is in another currency; raise one dispute per currency"));
        continue;
      }
      BigDecimal open = (BigDecimal) invoice[4];
      BigDecimal alreadyDisputed = (BigDecimal) invoice[5];
      BigDecimal available = open.subtract(alreadyDisputed).max(BigDecimal.ZERO);
      if (amounts.get(invoiceId).compareTo(available) > 0) {
        errors.add(new FieldError(field + ".amount", "is more than the " + available.toPlainString() + " " + currency
            + " of invoice " + invoice[1] + " still open and not already disputed"));
      }
      Integer lineNo = lines.get(invoiceId);
      if (lineNo != null && !lineExists(tenant, invoiceId, lineNo)) {
        errors.add(new FieldError(field + ".lineNo", "invoice " + invoice[1] + " has no line " + lineNo));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The dispute cannot be raised as it is.", errors);
    }

    BigDecimal total = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    DisputeSettings settings = settings();
    Dispute dispute = new Dispute(kind, customerId, request.reasonCode(), currency, total, description,
        user.username(), now, SlaClock.targets(now.toInstant(), settings, zone()));
    em.persist(dispute);
    em.flush();
    for (Map.Entry<Long, BigDecimal> item : amounts.entrySet()) {
      // the cast: a null line number would otherwise be bound as text
      em.createNativeQuery("insert into dispute_item (tenant_id, dispute_id, invoice_id, line_no, amount) "
              + "values (?1, ?2, ?3, cast(?4 as integer), ?5)")
          .setParameter(1, tenant).setParameter(2, dispute.id()).setParameter(3, item.getKey())
          .setParameter(4, lines.get(item.getKey())).setParameter(5, item.getValue()).executeUpdate();
      markDisputed(tenant, item.getKey(), item.getValue());
    }
    record(dispute, kind == Dispute.Kind.DEDUCTION ? "LOGGED_DEDUCTION" : (party.isBpo() ? "LOGGED" : "RAISED"),
        null, DisputeStatus.NEW, null);
    DisputeMail.Facts facts = facts(dispute);
    outbox.enqueue(settings.teamEmail(), mail.newDisputeSubject(facts), mail.newDisputeForTeam(facts));
    for (String email : customerEmails(dispute.customerAccountId())) {
      outbox.enqueue(email, mail.newDisputeSubject(facts), mail.newDisputeForCustomer(facts));
    }
    return detail(dispute);
  }

  private static Optional<BigDecimal> positiveAmount(String text) {
    try {
      BigDecimal amount = new BigDecimal(text.strip());
      return amount.signum() > 0 && amount.scale() <= 2 ? Optional.of(amount.setScale(2, RoundingMode.UNNECESSARY))
          : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private boolean lineExists(String tenant, long invoiceId, int lineNo) {
    return !em.createNativeQuery("select 1 from invoice_line where tenant_id = ?1 and invoice_id = ?2 and line_no = ?3")
        .setParameter(1, tenant).setParameter(2, invoiceId).setParameter(3, lineNo).getResultList().isEmpty();
  }

  /** Puts an amount under dispute on an invoice: out of the overdue figures, and the invoice shows it. */
  private void markDisputed(String tenant, long invoiceId, BigDecimal amount) {
    em.createNativeQuery("update invoice set disputed_amount = disputed_amount + ?3, disputed = true, "
            + "version = version + 1 where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenant).setParameter(2, invoiceId).setParameter(3, amount).executeUpdate();
  }

  /** Takes an amount out of dispute on an invoice; the invoice stays disputed while another dispute holds some. */
  private void release(String tenant, long invoiceId, BigDecimal amount) {
    em.createNativeQuery("update invoice set disputed_amount = greatest(disputed_amount - ?3, 0), "
            + "disputed = disputed_amount - ?3 > 0, version = version + 1 where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenant).setParameter(2, invoiceId).setParameter(3, amount).executeUpdate();
  }

  // ---------------------------------------------------------------- working

  /** Takes one step of the workflow, if allowed from where the dispute stands and to the caller. */
  @SuppressWarnings("unchecked")
  public DisputeDetail transition(long id, TransitionRequest request) {
    PortalUser user = context.requireUser();
    Party party = Party.of(user);
    Dispute dispute = require(id);
    if (request.action() == null) {
      throw new InvalidFields("Say what to do.", List.of(new FieldError("action",
          "must be one of " + List.of(DisputeAction.values()))));
    }
    checkVersion(dispute, request.version());
    DisputeSettings settings = settings();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    DisputeStatus from = dispute.status();
    DisputeStatus to = DisputeWorkflow.next(from, request.action(), party, instant(dispute.resolvedAt()),
        settings.reopenDays(), now.toInstant());
    String note = request.note() == null ? "" : request.note().strip();
    List<FieldError> errors = new ArrayList<>();
    EnumSet<DisputeAction> needNote = EnumSet.of(DisputeAction.ASK_CUSTOMER, DisputeAction.RESOLVE, DisputeAction.REOPEN);
    if (needNote.contains(request.action()) && note.isEmpty()) {
      errors.add(new FieldError("note", "is required: say why, in words the customer will read"));
    }
    if (note.length() > MAX_MESSAGE) {
      errors.add(new FieldError("note", "must be at most " + MAX_MESSAGE + " characters"));
    }
    BigDecimal accepted = BigDecimal.ZERO;
    if (request.action() == DisputeAction.RESOLVE) {
      if (request.outcome() == null) {
        errors.add(new FieldError("outcome", "must be one of " + List.of(Outcome.values())));
      } else if (request.outcome() == Outcome.PARTLY_ACCEPTED) {
        Optional<BigDecimal> amount = request.acceptedAmount() == null ? Optional.empty()
            : positiveAmount(request.acceptedAmount());
        if (amount.isEmpty() || amount.get().compareTo(dispute.disputedAmount()) >= 0) {
          errors.add(new FieldError("acceptedAmount", "must be more than 0 and less than the disputed "
              + dispute.disputedAmount().toPlainString()));
        } else {
          accepted = amount.get();
        }
      } else if (request.outcome() != Outcome.REJECTED) {
        accepted = dispute.disputedAmount();
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The step cannot be taken as it is.", errors);
    }

    if (request.action() == DisputeAction.RESOLVE && accepted.signum() > 0) {
      // four eyes above the tenant's threshold: records a pending approval and stops (202), or lets it apply
      approvals.requireOrRecord(DisputeResolutionApprovals.request(dispute.id(), dispute.customerAccountId(),
          dispute.currency(), request, accepted));
    }
    String tenant = tenantId();
    if (request.action() == DisputeAction.RESOLVE) {
      settle(tenant, dispute, request.outcome(), accepted, now);
    } else if (request.action() == DisputeAction.REOPEN) {
      redispute(tenant, dispute);
    }
    dispute.moveTo(to, request.outcome(), now);
    if (party.isBpo() && request.action() != DisputeAction.CLOSE) {
      dispute.respond(now);
    }
    if (!note.isEmpty() && request.action() != DisputeAction.START_REVIEW && request.action() != DisputeAction.RESUME_REVIEW) {
      // what the customer is asked, told as the resolution, or gives as the reason to reopen, they also read
      message(dispute, user, party, Visibility.CUSTOMER, note);
    }
    record(dispute, request.action().name(), from, to, note.isEmpty() ? null : note);
    flush();
    DisputeMail.Facts facts = facts(dispute);
    if (to == DisputeStatus.RESOLVED) {
      for (String email : customerEmails(dispute.customerAccountId())) {
        outbox.enqueue(email, mail.resolvedSubject(facts), mail.resolvedForCustomer(facts, note));
      }
    } else if (to == DisputeStatus.AWAITING_CUSTOMER) {
      for (String email : customerEmails(dispute.customerAccountId())) {
        outbox.enqueue(email, mail.questionSubject(facts), mail.questionForCustomer(facts, note));
      }
    } else if (request.action() == DisputeAction.REOPEN && party == Party.CUSTOMER) {
      outbox.enqueue(settings.teamEmail(), mail.reopenedSubject(facts), mail.reopenedForTeam(facts, note));
    }
    return detail(dispute);
  }

  /**
   * The money of a resolution: the accepted amount is spread over the items in invoice order and
   * credited (a credit note per invoice) or written off; nothing beyond an invoice's open amount.
   * Every item's amount leaves dispute, so the invoice's overdue figures count it again if rejected.
   */
  @SuppressWarnings("unchecked")
  private void settle(String tenant, Dispute dispute, Outcome outcome, BigDecimal accepted, OffsetDateTime now) {
    List<Object[]> items = em.createNativeQuery("""
            select di.invoice_id, di.amount - di.settled, i.open_amount
            from dispute_item di join invoice i on i.tenant_id = di.tenant_id and i.id = di.invoice_id
            where di.tenant_id = ?1 and di.dispute_id = ?2 order by i.number for update of i""")
        .setParameter(1, tenant).setParameter(2, dispute.id()).getResultList();
    BigDecimal left = accepted;
    int creditNo = 0;
    for (Object[] item : items) {
      long invoiceId = ((Number) item[0]).longValue();
      BigDecimal remaining = (BigDecimal) item[1];
      BigDecimal open = (BigDecimal) item[2];
      BigDecimal share = left.min(remaining).min(open).max(BigDecimal.ZERO);
      if (share.signum() > 0) {
        if (outcome == Outcome.WRITTEN_OFF) {
          em.createNativeQuery("update invoice set written_off_amount = written_off_amount + ?3, version = version + 1 "
                  + "where tenant_id = ?1 and id = ?2")
              .setParameter(1, tenant).setParameter(2, invoiceId).setParameter(3, share).executeUpdate();
        } else {
          creditNo++;
          em.createNativeQuery("insert into credit_note (tenant_id, number, invoice_id, issued_on, amount, reason) "
                  + "values (?1, ?2, ?3, ?4, ?5, ?6)")
              .setParameter(1, tenant)
              .setParameter(2, "CN-" + DisputeSummary.number(dispute.id()) + "-" + creditNo + "-" + now.toEpochSecond())
              .setParameter(3, invoiceId).setParameter(4, now.atZoneSameInstant(zone()).toLocalDate())
              .setParameter(5, share).setParameter(6, "Dispute " + DisputeSummary.number(dispute.id()))
              .executeUpdate();
          em.createNativeQuery("update invoice set credited_amount = credited_amount + ?3, version = version + 1 "
                  + "where tenant_id = ?1 and id = ?2")
              .setParameter(1, tenant).setParameter(2, invoiceId).setParameter(3, share).executeUpdate();
        }
        em.createNativeQuery("update dispute_item set settled = settled + ?3 "
                + "where tenant_id = ?1 and dispute_id = ?4 and invoice_id = ?2")
            .setParameter(1, tenant).setParameter(2, invoiceId).setParameter(3, share).setParameter(4, dispute.id())
            .executeUpdate();
        dispute.settle(share);
        left = left.subtract(share);
      }
      release(tenant, invoiceId, remaining);
    }
  }

  /** A reopened dispute holds again what it did not settle, as far as the invoices are still open. */
  @SuppressWarnings("unchecked")
  private void redispute(String tenant, Dispute dispute) {
    List<Object[]> items = em.createNativeQuery("""
            select di.invoice_id, di.amount - di.settled, i.open_amount - i.disputed_amount
            from dispute_item di join invoice i on i.tenant_id = di.tenant_id and i.id = di.invoice_id
            where di.tenant_id = ?1 and di.dispute_id = ?2 order by i.number for update of i""")
        .setParameter(1, tenant).setParameter(2, dispute.id()).getResultList();
    for (Object[] item : items) {
      BigDecimal hold = ((BigDecimal) item[1]).min((BigDecimal) item[2]);
      if (hold.signum() > 0) {
        markDisputed(tenant, ((Number) item[0]).longValue(), hold);
      }
    }
  }

  /** Assigns one dispute, checking the version the caller saw. */
  public DisputeDetail assign(long id, String assignee, Long version) {
    Dispute dispute = require(id);
    requireBpo();
    checkVersion(dispute, version);
    assignOne(dispute, assignee, assignableStaff());
    flush();
    return detail(dispute);
  }

  /**
   * Assigns many disputes at once. Each still gets its own history event and a new version, so an
   * edit made meanwhile with the old version is refused, not lost. Unknown ids fail the whole batch.
   */
  public int assignAll(List<Long> ids, String assignee) {
    requireBpo();
    if (ids == null || ids.isEmpty() || ids.size() > 500) {
      throw new InvalidFields("Name the disputes to assign.", List.of(new FieldError("ids", "must hold 1 to 500 ids")));
    }
    List<StaffMember> staff = assignableStaff(); // once for the batch, not once per dispute
    for (Long id : new java.util.LinkedHashSet<>(ids)) {
      assignOne(require(id), assignee, staff);
    }
    flush();
    return ids.size();
  }

  private void assignOne(Dispute dispute, String assignee, List<StaffMember> staff) {
    String target = assignee == null || assignee.isBlank() ? null : assignee.strip();
    if (target != null && staff.stream().noneMatch(s -> s.username().equals(target))) {
      throw new InvalidFields("The dispute cannot be assigned to that person.",
          List.of(new FieldError("assignee", "is not one of this tenant's BPO staff")));
    }
    String before = dispute.assignee();
    dispute.assignTo(target);
    record(dispute, "ASSIGNED", dispute.status(), dispute.status(),
        (before == null ? "unassigned" : before) + " → " + (target == null ? "unassigned" : target));
  }

  /** Adds a message to the thread, at a visibility the caller's party may write. */
  public DisputeDetail post(long id, String body, Visibility requested) {
    PortalUser user = context.requireUser();
    Party party = Party.of(user);
    Dispute dispute = require(id);
    Visibility visibility = requested != null ? requested : (party == Party.BPO ? Visibility.INTERNAL
        : party == Party.CLIENT ? Visibility.CLIENT : Visibility.CUSTOMER);
    if (!party.mayPost(visibility)) {
      throw ProblemException.forbidden("Your role cannot write " + visibility.name().toLowerCase() + " messages.");
    }
    String text = body == null ? "" : body.strip();
    if (text.isEmpty() || text.length() > MAX_MESSAGE) {
      throw new InvalidFields("The message cannot be sent as it is.",
          List.of(new FieldError("body", "must be 1 to " + MAX_MESSAGE + " characters")));
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    message(dispute, user, party, visibility, text);
    if (party.isBpo() && visibility == Visibility.CUSTOMER) {
      dispute.respond(now);
    }
    if (party == Party.CUSTOMER) {
      if (dispute.status() == DisputeStatus.AWAITING_CUSTOMER) {
        // the customer's answer puts the dispute back in the BPO's hands
        dispute.moveTo(DisputeStatus.IN_REVIEW, null, now);
        record(dispute, "CUSTOMER_REPLIED", DisputeStatus.AWAITING_CUSTOMER, DisputeStatus.IN_REVIEW, null);
      }
      DisputeMail.Facts facts = facts(dispute);
      Set<String> recipients = new java.util.LinkedHashSet<>();
      Optional.ofNullable(settings().teamEmail()).ifPresent(recipients::add);
      if (dispute.assignee() != null) {
        assignableStaff().stream().filter(s -> s.username().equals(dispute.assignee()) && s.email() != null)
            .forEach(s -> recipients.add(s.email()));
      }
      for (String email : recipients) {
        outbox.enqueue(email, mail.replySubject(facts), mail.replyForTeam(facts, text));
      }
    }
    flush();
    return detail(dispute);
  }

  private void message(Dispute dispute, PortalUser user, Party party, Visibility visibility, String body) {
    em.createNativeQuery("insert into dispute_message (tenant_id, dispute_id, author, party, visibility, body) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, tenantId()).setParameter(2, dispute.id()).setParameter(3, user.username())
        .setParameter(4, party.name()).setParameter(5, visibility.name()).setParameter(6, body).executeUpdate();
  }

  /** Stores an evidence file after checking it by content; refused files leave nothing behind. */
  public DisputeDetail.Attachment attach(long id, String fileName, byte[] content) {
    PortalUser user = context.requireUser();
    Party party = Party.of(user);
    Dispute dispute = require(id);
    AttachmentCheck.Accepted file = AttachmentCheck.check(fileName, content);
    Number attachmentId = (Number) em.createNativeQuery("""
            insert into dispute_attachment (tenant_id, dispute_id, file_name, media_type, size_bytes, sha256,
                                            content, uploaded_by, party)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) returning id""")
        .setParameter(1, tenantId()).setParameter(2, dispute.id()).setParameter(3, file.fileName())
        .setParameter(4, file.mediaType()).setParameter(5, content.length).setParameter(6, file.sha256())
        .setParameter(7, content).setParameter(8, user.username()).setParameter(9, party.name())
        .getSingleResult();
    record(dispute, "ATTACHED", dispute.status(), dispute.status(), file.fileName());
    return new DisputeDetail.Attachment(attachmentId.longValue(), file.fileName(), file.mediaType(), content.length,
        file.sha256(), user.username(), OffsetDateTime.now(ZoneOffset.UTC));
  }

  /** An attachment's bytes, if the caller may see its dispute. */
  public record AttachmentContent(String fileName, String mediaType, byte[] content) {}

  @SuppressWarnings("unchecked")
  public Optional<AttachmentContent> attachment(long disputeId, long attachmentId) {
    if (visible(disputeId).isEmpty()) {
      return Optional.empty();
    }
    List<Object[]> rows = em.createNativeQuery("select file_name, media_type, content from dispute_attachment "
            + "where tenant_id = ?1 and dispute_id = ?2 and id = ?3")
        .setParameter(1, tenantId()).setParameter(2, disputeId).setParameter(3, attachmentId).getResultList();
    return rows.stream().findFirst().map(r -> new AttachmentContent((String) r[0], (String) r[1], (byte[]) r[2]));
  }

  // ---------------------------------------------------------------- helpers

  private void record(Dispute dispute, String action, DisputeStatus from, DisputeStatus to, String note) {
    em.createNativeQuery("insert into dispute_event (tenant_id, dispute_id, actor, action, from_status, to_status, note) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, tenantId()).setParameter(2, dispute.id()).setParameter(3, context.requireUser().username())
        .setParameter(4, action).setParameter(5, from == null ? null : from.name())
        .setParameter(6, to == null ? null : to.name()).setParameter(7, note).executeUpdate();
  }

  private void checkVersion(Dispute dispute, Long version) {
    if (version == null) {
      throw new InvalidFields("Send the version you last saw.",
          List.of(new FieldError("version", "is required, so that no change silently overwrites another")));
    }
    if (version != dispute.version()) {
      throw new ProblemException("conflict", "Changed meanwhile", 409, "Dispute " + DisputeSummary.number(dispute.id())
          + " was changed by someone else (version " + dispute.version() + ", you sent " + version
          + "). Reload it and try again.");
    }
  }

  /** Writes now, so that a concurrent change (the version moved under us) is refused as a conflict. */
  private void flush() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ProblemException("conflict", "Changed meanwhile", 409,
          "The dispute was changed by someone else while you worked on it. Reload it and try again.");
    }
  }

  private void requireBpo() {
    if (!Party.of(context.requireUser()).isBpo()) {
      throw ProblemException.forbidden("Only the BPO assigns disputes.");
    }
  }

  @SuppressWarnings("unchecked")
  private List<String> customerEmails(long customerAccountId) {
    return em.createNativeQuery("select email from customer_portal_user where tenant_id = ?1 "
            + "and customer_account_id = ?2 and email is not null order by username")
        .setParameter(1, tenantId()).setParameter(2, customerAccountId).getResultList();
  }

  private DisputeMail.Facts facts(Dispute d) {
    Tenant tenant = context.requireTenant();
    return new DisputeMail.Facts(tenant.name(), tenant.locale(), DisputeSummary.number(d.id()), d.reasonCode(),
        new Money(d.disputedAmount(), d.currency()), new Money(d.settledAmount(), d.currency()), d.outcome(),
        d.promisedResponseOn());
  }

  private String tenantId() {
    return context.requireTenant().id();
  }

  private ZoneId zone() {
    return ZoneId.of(context.requireTenant().timeZone());
  }

}
