package com.bpo.portal.credit;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.sql.Keyset;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.Statement;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Every statement of the credit feature: profiles, limit requests and history, reviews, holds,
 * refunds and settings, and, read across features for the profile, the account's receivables,
 * unapplied payments and disputed invoices (invoice, payment, payment_allocation, dispute_item).
 */
@ApplicationScoped
public class CreditQueries {
  @Inject TenantSql sql;

  // ---------------------------------------------------------------- profile

  /** The account's number, name and currency, if it exists in the tenant. */
  public record Account(long id, String number, String name, String currency) {}

  public Optional<Account> account(long id) {
    return sql.sql(
            "select id, number, name, currency from customer_account where tenant_id = :tenant and id = :id")
        .bind("id", id)
        .optional(
            r ->
                new Account(
                    r.longValue("id"),
                    r.string("number"),
                    r.string("name"),
                    r.string("currency").trim()));
  }

  /**
   * Makes the account's profile if it has none: the limit the invoice feature imported, medium
   * risk, first review one medium interval from today.
   */
  public void ensureProfile(long accountId, LocalDate firstReview) {
    sql.sql(
            """
            insert into credit_profile (tenant_id, customer_account_id, credit_limit, risk_class, next_review_on)
            select c.tenant_id, c.id, c.credit_limit, 'MEDIUM', :review from customer_account c
            where c.tenant_id = :tenant and c.id = :id
            on conflict (tenant_id, customer_account_id) do nothing""")
        .bind("id", accountId)
        .bind("review", firstReview)
        .update();
  }

  /** The limit the invoice feature keeps on the account: a profile's starting value. */
  public BigDecimal legacyLimit(long accountId) {
    return sql.sql(
            "select credit_limit from customer_account where tenant_id = :tenant and id = :id")
        .bind("id", accountId)
        .one(r -> r.decimal("credit_limit"));
  }

  public record ProfileRow(
      BigDecimal limit,
      RiskClass riskClass,
      LocalDate lastReviewedOn,
      LocalDate nextReviewOn,
      long version) {}

  public Optional<ProfileRow> profile(long accountId, boolean lock) {
    return sql.sql(
            """
            select credit_limit, risk_class, last_reviewed_on, next_review_on, version from credit_profile
            where tenant_id = :tenant and customer_account_id = :id"""
                + (lock ? " for update" : ""))
        .bind("id", accountId)
        .optional(
            r ->
                new ProfileRow(
                    r.decimal("credit_limit"),
                    r.enumValue("risk_class", RiskClass.class),
                    r.date("last_reviewed_on"),
                    r.date("next_review_on"),
                    r.longValue("version")));
  }

  public void setLimit(long accountId, BigDecimal limit) {
    sql.sql(
            """
            update credit_profile set credit_limit = :limit, version = version + 1
            where tenant_id = :tenant and customer_account_id = :id""")
        .bind("limit", limit)
        .bind("id", accountId)
        .update();
  }

  public boolean reviewed(
      long accountId, RiskClass riskClass, LocalDate on, LocalDate next, long version) {
    return sql.sql(
                """
            update credit_profile set risk_class = :risk, last_reviewed_on = :on, next_review_on = :next,
                   version = version + 1
            where tenant_id = :tenant and customer_account_id = :id and version = :version""")
            .bind("risk", riskClass)
            .bind("on", on)
            .bind("next", next)
            .bind("id", accountId)
            .bind("version", version)
            .update()
        == 1;
  }

  public void insertReview(
      long accountId, String by, LocalDate on, RiskClass riskClass, String note) {
    sql.sql(
            """
            insert into credit_review (tenant_id, customer_account_id, reviewed_by, reviewed_on, risk_class, note)
            values (:tenant, :id, :by, :on, :risk, :note)""")
        .bind("id", accountId)
        .bind("by", by)
        .bind("on", on)
        .bind("risk", riskClass)
        .bind("note", note)
        .update();
  }

  /**
   * Open receivables and unapplied credit (payments not yet allocated to invoices), as positive
   * sums.
   */
  public record Exposure(BigDecimal openReceivables, BigDecimal unappliedCredit) {}

  public Exposure exposure(long accountId) {
    return sql.sql(
            """
            select
              (select coalesce(sum(i.open_amount), 0) from invoice i
                where i.tenant_id = :tenant and i.customer_account_id = :id and i.open_amount > 0) as open_receivables,
              (select coalesce(sum(p.amount - coalesce(a.allocated, 0)), 0)
                 from payment p
                 left join (select pa.payment_id, sum(pa.amount) as allocated from payment_allocation pa
                            join payment pp on pp.tenant_id = pa.tenant_id and pp.id = pa.payment_id
                            where pa.tenant_id = :tenant and pp.customer_account_id = :id
                            group by pa.payment_id) a on a.payment_id = p.id
                where p.tenant_id = :tenant and p.customer_account_id = :id) as unapplied""")
        .bind("id", accountId)
        .one(r -> new Exposure(r.decimal("open_receivables"), r.decimal("unapplied")));
  }

  /**
   * The facts of the behaviour score over the invoices issued in the 365 days before {@code today}.
   */
  public record Behaviour(
      int invoices, BigDecimal averageDaysLate, BigDecimal disputeRate, int brokenPromises) {}

  /**
   * Days late: for a settled invoice the last payment's date less the due date, for an open one
   * today less the due date, never below 0; averaged over the period's invoices. Dispute rate: the
   * share of them in a dispute (any outcome). Broken promises: 0 while the portal keeps no promises
   * to pay (docs/CREDIT.md).
   */
  public Behaviour behaviour(long accountId, LocalDate today) {
    return sql.sql(
            """
            with period as (
              select i.id, i.due_date, i.open_amount,
                     (select max(p.received_on) from payment_allocation pa
                        join payment p on p.tenant_id = pa.tenant_id and p.id = pa.payment_id
                       where pa.tenant_id = i.tenant_id and pa.invoice_id = i.id) as last_paid,
                     exists (select 1 from dispute_item di
                              where di.tenant_id = i.tenant_id and di.invoice_id = i.id) as disputed
              from invoice i
              where i.tenant_id = :tenant and i.customer_account_id = :id and i.issue_date > :today - 365)
            select count(*) as invoices,
                   coalesce(avg(greatest(0, case when open_amount > 0 then :today - due_date
                                                 else coalesce(last_paid, due_date) - due_date end)), 0)
                     as average_days_late,
                   coalesce(avg(case when disputed then 1.0 else 0.0 end), 0) as dispute_rate
            from period""")
        .bind("id", accountId)
        .bind("today", today)
        .one(
            r ->
                new Behaviour(
                    r.intValue("invoices"),
                    r.decimal("average_days_late"),
                    r.decimal("dispute_rate"),
                    0));
  }

  // ---------------------------------------------------------------- limit requests and history

  private static final String REQUEST =
      """
      select r.id, r.customer_account_id, c.name as customer_name, c.currency, r.raised_by, r.raised_role, r.reason,
             r.current_limit, r.requested_limit, r.status, r.approval_id, r.raised_at, r.decided_at, r.version
      from credit_limit_request r
      join customer_account c on c.tenant_id = r.tenant_id and c.id = r.customer_account_id
      where r.tenant_id = :tenant""";

  public long insertRequest(
      long accountId,
      String by,
      String role,
      String reason,
      BigDecimal current,
      BigDecimal requested) {
    return sql.sql(
            """
            insert into credit_limit_request (tenant_id, customer_account_id, raised_by, raised_role, reason,
                                              current_limit, requested_limit)
            values (:tenant, :id, :by, :role, :reason, :current, :requested) returning id""")
        .bind("id", accountId)
        .bind("by", by)
        .bind("role", role)
        .bind("reason", reason)
        .bind("current", current)
        .bind("requested", requested)
        .one(r -> r.longValue("id"));
  }

  public void linkApproval(long requestId, long approvalId) {
    sql.sql(
            "update credit_limit_request set approval_id = :approval where tenant_id = :tenant and id = :id")
        .bind("approval", approvalId)
        .bind("id", requestId)
        .update();
  }

  public Optional<LimitRequest> request(long id) {
    return sql.sql(REQUEST).and("r.id = :id", "id", id).optional(CreditQueries::request);
  }

  public boolean hasOpenRequest(long accountId) {
    return sql.sql(
            """
            select exists (select 1 from credit_limit_request where tenant_id = :tenant
                           and customer_account_id = :id and status = 'REQUESTED') as open""")
        .bind("id", accountId)
        .one(r -> r.bool("open"));
  }

  public void decideRequest(long id, LimitRequestStatus status) {
    sql.sql(
            """
            update credit_limit_request set status = :status, decided_at = now(), version = version + 1
            where tenant_id = :tenant and id = :id and status = 'REQUESTED'""")
        .bind("status", status)
        .bind("id", id)
        .update();
  }

  public Page<LimitRequest> requests(
      Optional<Long> accountId, Optional<LimitRequestStatus> status, PageRequest page) {
    Statement s =
        sql.sql(REQUEST)
            .andIf(accountId, "r.customer_account_id = :account", "account")
            .andIf(status, "r.status = :status", "status");
    return s.keyset(Keyset.byId("r.id", true), page)
        .page(CreditQueries::request, r -> List.of(String.valueOf(r.id())));
  }

  /** The account's requests, newest first, at most {@code max}. */
  public List<LimitRequest> recentRequests(long accountId, int max) {
    return sql.sql(REQUEST)
        .and("r.customer_account_id = :account", "account", accountId)
        .append("order by r.id desc limit " + max)
        .list(CreditQueries::request);
  }

  public void insertChange(
      long accountId,
      BigDecimal oldLimit,
      BigDecimal newLimit,
      Long requestId,
      String by,
      String reason) {
    sql.sql(
            """
            insert into credit_limit_change (tenant_id, customer_account_id, old_limit, new_limit, limit_request_id,
                                             changed_by, reason)
            values (:tenant, :id, :old, :new, :request, :by, :reason)""")
        .bind("id", accountId)
        .bind("old", oldLimit)
        .bind("new", newLimit)
        .bind("request", requestId)
        .bind("by", by)
        .bind("reason", reason)
        .update();
  }

  public List<CreditProfile.LimitChange> history(long accountId, String currency, int max) {
    return sql.sql(
            """
            select id, old_limit, new_limit, changed_by, reason, limit_request_id, changed_at
            from credit_limit_change where tenant_id = :tenant and customer_account_id = :id
            order by id desc"""
                + " limit "
                + max)
        .bind("id", accountId)
        .list(
            r ->
                new CreditProfile.LimitChange(
                    r.longValue("id"),
                    r.decimal("old_limit") == null
                        ? null
                        : new Money(r.decimal("old_limit"), currency),
                    new Money(r.decimal("new_limit"), currency),
                    r.string("changed_by"),
                    r.string("reason"),
                    r.longOrNull("limit_request_id"),
                    r.timestamp("changed_at")));
  }

  // ---------------------------------------------------------------- reviews

  /** Profiles whose review date is on or before {@code until}, soonest first. */
  public Page<ReviewDue> reviewsDue(LocalDate until, LocalDate today, PageRequest page) {
    return sql.sql(
            """
            select p.customer_account_id, c.number, c.name, c.currency, p.risk_class, p.credit_limit,
                   p.last_reviewed_on, p.next_review_on
            from credit_profile p join customer_account c on c.tenant_id = p.tenant_id and c.id = p.customer_account_id
            where p.tenant_id = :tenant and p.next_review_on <= :until""")
        .bind("until", until)
        .keyset(
            Keyset.ascending("p.next_review_on", "p.customer_account_id", LocalDate::parse), page)
        .page(
            r ->
                new ReviewDue(
                    r.longValue("customer_account_id"),
                    r.string("number"),
                    r.string("name"),
                    r.enumValue("risk_class", RiskClass.class),
                    new Money(r.decimal("credit_limit"), r.string("currency").trim()),
                    r.date("last_reviewed_on"),
                    r.date("next_review_on"),
                    ReviewState.of(r.date("next_review_on"), today)),
            d -> List.of(d.nextReviewOn().toString(), String.valueOf(d.customerAccountId())));
  }

  // ---------------------------------------------------------------- holds

  public Optional<CreditProfile.Hold> activeHold(long accountId) {
    return sql.sql(
            """
            select id, reason, set_by, set_at, version from credit_hold
            where tenant_id = :tenant and customer_account_id = :id and released_at is null""")
        .bind("id", accountId)
        .optional(CreditQueries::hold);
  }

  public record HoldRow(long id, long customerAccountId, boolean released, long version) {}

  public Optional<HoldRow> hold(long id) {
    return sql.sql(
            """
            select id, customer_account_id, released_at is not null as released, version from credit_hold
            where tenant_id = :tenant and id = :id""")
        .bind("id", id)
        .optional(
            r ->
                new HoldRow(
                    r.longValue("id"),
                    r.longValue("customer_account_id"),
                    r.bool("released"),
                    r.longValue("version")));
  }

  public long insertHold(long accountId, String reason, String by) {
    return sql.sql(
            """
            insert into credit_hold (tenant_id, customer_account_id, reason, set_by)
            values (:tenant, :id, :reason, :by) returning id""")
        .bind("id", accountId)
        .bind("reason", reason)
        .bind("by", by)
        .one(r -> r.longValue("id"));
  }

  public boolean release(long id, String reason, String by, long version) {
    return sql.sql(
                """
            update credit_hold set released_at = now(), released_by = :by, release_reason = :reason,
                   version = version + 1
            where tenant_id = :tenant and id = :id and version = :version and released_at is null""")
            .bind("id", id)
            .bind("by", by)
            .bind("reason", reason)
            .bind("version", version)
            .update()
        == 1;
  }

  // ---------------------------------------------------------------- refunds

  private static final String REFUND =
      """
      select f.id, f.customer_account_id, c.name as customer_name, f.amount, f.currency, f.payee_name, f.iban,
             f.reason, f.requested_by, f.status, f.approval_id, f.requested_at, f.version
      from refund f join customer_account c on c.tenant_id = f.tenant_id and c.id = f.customer_account_id
      where f.tenant_id = :tenant""";

  public long insertRefund(
      long accountId, Money amount, String payee, Iban iban, String reason, String by) {
    return sql.sql(
            """
            insert into refund (tenant_id, customer_account_id, amount, currency, payee_name, iban, reason, requested_by)
            values (:tenant, :id, :amount, :currency, :payee, :iban, :reason, :by) returning id""")
        .bind("id", accountId)
        .bind("amount", amount.amount())
        .bind("currency", amount.currency())
        .bind("payee", payee)
        .bind("iban", iban.value())
        .bind("reason", reason)
        .bind("by", by)
        .one(r -> r.longValue("id"));
  }

  public void linkRefundApproval(long refundId, long approvalId) {
    sql.sql("update refund set approval_id = :approval where tenant_id = :tenant and id = :id")
        .bind("approval", approvalId)
        .bind("id", refundId)
        .update();
  }

  public void decideRefund(long id, RefundStatus status) {
    sql.sql(
            """
            update refund set status = :status, version = version + 1
            where tenant_id = :tenant and id = :id and status = 'REQUESTED'""")
        .bind("status", status)
        .bind("id", id)
        .update();
  }

  public Optional<Refund> refund(long id) {
    return sql.sql(REFUND).and("f.id = :id", "id", id).optional(CreditQueries::refund);
  }

  /** Refunds asked and not refused for the account: what unapplied credit is already promised. */
  public BigDecimal refundsInFlight(long accountId) {
    return sql.sql(
            """
            select coalesce(sum(amount), 0) as total from refund
            where tenant_id = :tenant and customer_account_id = :id and status <> 'REFUSED'""")
        .bind("id", accountId)
        .one(r -> r.decimal("total"));
  }

  public Page<Refund> refunds(Optional<Long> accountId, PageRequest page) {
    return sql.sql(REFUND)
        .andIf(accountId, "f.customer_account_id = :account", "account")
        .keyset(Keyset.byId("f.id", true), page)
        .page(CreditQueries::refund, f -> List.of(String.valueOf(f.id())));
  }

  // ---------------------------------------------------------------- settings

  public Optional<CreditTransferFile.Debtor> debtor() {
    return sql.sql(
            "select debtor_name, debtor_iban, debtor_bic from credit_settings where tenant_id = :tenant")
        .optional(
            r ->
                new CreditTransferFile.Debtor(
                    r.string("debtor_name"),
                    new Iban(r.string("debtor_iban")),
                    r.string("debtor_bic")));
  }

  public void saveDebtor(CreditTransferFile.Debtor debtor) {
    sql.sql(
            """
            insert into credit_settings (tenant_id, debtor_name, debtor_iban, debtor_bic)
            values (:tenant, :name, :iban, :bic)
            on conflict (tenant_id) do update set debtor_name = excluded.debtor_name,
              debtor_iban = excluded.debtor_iban, debtor_bic = excluded.debtor_bic,
              version = credit_settings.version + 1""")
        .bind("name", debtor.name())
        .bind("iban", debtor.iban().value())
        .bind("bic", debtor.bic())
        .update();
  }

  // ---------------------------------------------------------------- mapping

  private static LimitRequest request(Row r) {
    String currency = r.string("currency").trim();
    return new LimitRequest(
        r.longValue("id"),
        r.longValue("customer_account_id"),
        r.string("customer_name"),
        r.string("raised_by"),
        r.string("raised_role"),
        r.string("reason"),
        new Money(r.decimal("current_limit"), currency),
        new Money(r.decimal("requested_limit"), currency),
        r.enumValue("status", LimitRequestStatus.class),
        r.longOrNull("approval_id"),
        r.timestamp("raised_at"),
        r.timestamp("decided_at"),
        r.longValue("version"));
  }

  private static CreditProfile.Hold hold(Row r) {
    return new CreditProfile.Hold(
        r.longValue("id"),
        r.string("reason"),
        r.string("set_by"),
        r.timestamp("set_at"),
        r.longValue("version"));
  }

  private static Refund refund(Row r) {
    return new Refund(
        r.longValue("id"),
        r.longValue("customer_account_id"),
        r.string("customer_name"),
        new Money(r.decimal("amount"), r.string("currency").trim()),
        r.string("payee_name"),
        r.string("iban"),
        r.string("reason"),
        r.string("requested_by"),
        r.enumValue("status", RefundStatus.class),
        r.longOrNull("approval_id"),
        r.timestamp("requested_at"),
        r.longValue("version"));
  }
}
