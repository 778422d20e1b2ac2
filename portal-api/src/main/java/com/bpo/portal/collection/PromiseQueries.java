package com.bpo.portal.collection;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Promises to pay, their invoices, and the payments applied to those (read from the invoice
 * feature).
 */
@ApplicationScoped
public class PromiseQueries {
  @Inject TenantSql sql;

  private static final String SELECT =
      """
      select t.id, t.customer_account_id, c.number, c.name, t.currency, t.amount, t.promised_on, t.status,
             t.paid_amount, t.made_on, t.proposed_by_customer, t.note, t.created_by, t.decided_on, t.version,
             array(select pi.invoice_id::text from promise_invoice pi
                   where pi.tenant_id = t.tenant_id and pi.promise_id = t.id order by pi.invoice_id) as invoices
      from promise_to_pay t
      join customer_account c on c.tenant_id = t.tenant_id and c.id = t.customer_account_id
      where t.tenant_id = :tenant""";

  public Optional<Promise> find(long id) {
    return sql.sql(SELECT).and("t.id = :id", "id", id).optional(PromiseQueries::promise);
  }

  public Optional<Promise> lock(long id) {
    return sql.sql(SELECT)
        .and("t.id = :id", "id", id)
        .append("for update of t")
        .optional(PromiseQueries::promise);
  }

  public List<Promise> ofAccount(long accountId, int limit) {
    return sql.sql(SELECT)
        .and("t.customer_account_id = :account", "account", accountId)
        .append("order by t.created_at desc, t.id desc limit :limit")
        .bind("limit", limit)
        .list(PromiseQueries::promise);
  }

  /** Open promises (to be evaluated), locked and skipped when another evaluation holds them. */
  public List<Promise> openForEvaluation(int limit) {
    return sql.sql(SELECT)
        .and("t.status = 'OPEN'")
        .append("order by t.promised_on, t.id limit :limit for update of t skip locked")
        .bind("limit", limit)
        .list(PromiseQueries::promise);
  }

  public long insert(
      long accountId,
      String currency,
      BigDecimal amount,
      LocalDate promisedOn,
      PromiseStatus status,
      LocalDate madeOn,
      boolean byCustomer,
      String note,
      String by,
      List<Long> invoiceIds) {
    long id =
        sql.sql(
                """
        insert into promise_to_pay (tenant_id, customer_account_id, currency, amount, promised_on, status, made_on,
                                    proposed_by_customer, note, created_by)
        values (:tenant, :account, :currency, :amount, :on, :status, :made, :byCustomer, :note, :by) returning id""")
            .bind("account", accountId)
            .bind("currency", currency)
            .bind("amount", amount)
            .bind("on", promisedOn)
            .bind("status", status)
            .bind("made", madeOn)
            .bind("byCustomer", byCustomer)
            .bind("note", note)
            .bind("by", by)
            .one(r -> r.longValue("id"));
    if (!invoiceIds.isEmpty()) {
      sql.sql(
              "insert into promise_invoice (tenant_id, promise_id, invoice_id) "
                  + "select :tenant, :promise, unnest(:invoices) on conflict do nothing")
          .bind("promise", id)
          .bind("invoices", invoiceIds)
          .update();
    }
    return id;
  }

  /**
   * The open invoices among {@code ids} that belong to the account, with what may be chased on
   * each.
   */
  public List<OpenInvoice> openInvoices(long accountId, List<Long> ids) {
    return sql.sql(
            """
        select id, number, open_amount - least(disputed_amount, open_amount) as chaseable, currency
        from invoice where tenant_id = :tenant and customer_account_id = :account and id = any(:ids)
          and open_amount > 0 order by id""")
        .bind("account", accountId)
        .bind("ids", ids)
        .list(
            r ->
                new OpenInvoice(
                    r.longValue("id"),
                    r.string("number"),
                    r.decimal("chaseable"),
                    r.string("currency")));
  }

  public record OpenInvoice(long id, String number, BigDecimal chaseable, String currency) {}

  public void decide(long id, PromiseStatus status, BigDecimal paid, LocalDate decidedOn) {
    sql.sql(
            "update promise_to_pay set status = :status, paid_amount = :paid, decided_on = :on, version = version + 1 "
                + "where tenant_id = :tenant and id = :id")
        .bind("id", id)
        .bind("status", status)
        .bind("paid", paid)
        .bind("on", decidedOn)
        .update();
  }

  /** Accepts (or counters) a proposal: it becomes an open promise, from today. */
  public void accept(long id, BigDecimal amount, LocalDate promisedOn, LocalDate today) {
    sql.sql(
            "update promise_to_pay set status = 'OPEN', amount = :amount, promised_on = :on, made_on = :today, "
                + "version = version + 1 where tenant_id = :tenant and id = :id")
        .bind("id", id)
        .bind("amount", amount)
        .bind("on", promisedOn)
        .bind("today", today)
        .update();
  }

  /**
   * The payments that count for a promise: applied to its invoices (or, for a promise naming none,
   * every payment of the account), received from the day it was made on.
   */
  public List<PromiseOutcome.Payment> payments(Promise promise) {
    if (promise.invoiceIds().isEmpty()) {
      return sql.sql(
              "select received_on, amount from payment where tenant_id = :tenant and customer_account_id = :account "
                  + "and received_on >= :made")
          .bind("account", promise.accountId())
          .bind("made", promise.madeOn())
          .list(r -> new PromiseOutcome.Payment(r.date("received_on"), r.decimal("amount")));
    }
    return sql.sql(
            "select received_on, amount from payment_allocation where tenant_id = :tenant "
                + "and invoice_id = any(:invoices) and received_on >= :made")
        .bind("invoices", promise.invoiceIds())
        .bind("made", promise.madeOn())
        .list(r -> new PromiseOutcome.Payment(r.date("received_on"), r.decimal("amount")));
  }

  private static Promise promise(Row row) {
    String currency = row.string("currency");
    return new Promise(
        row.longValue("id"),
        row.longValue("customer_account_id"),
        row.string("number"),
        row.string("name"),
        new Money(row.decimal("amount"), currency),
        row.date("promised_on"),
        row.enumValue("status", PromiseStatus.class),
        new Money(row.decimal("paid_amount"), currency),
        row.date("made_on"),
        row.bool("proposed_by_customer"),
        row.string("note"),
        row.string("created_by"),
        row.date("decided_on"),
        row.strings("invoices").stream().map(Long::valueOf).toList(),
        row.longValue("version"));
  }
}
