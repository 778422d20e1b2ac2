package com.bpo.portal.invoice;

import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** The SQL of payments and what they do to invoices ({@link PaymentApplication}). */
@ApplicationScoped
public class PaymentQueries {
  @Inject TenantSql sql;

  record OpenInvoice(
      long id,
      String number,
      long customerId,
      String currency,
      BigDecimal open,
      LocalDate dueDate) {}

  /** The invoices, locked until the transaction ends, so nothing else pays them in between. */
  List<OpenInvoice> lockInvoices(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return sql.sql(
            """
            select id, number, customer_account_id, currency, open_amount, due_date from invoice
            where tenant_id = :tenant and id = any(:ids) order by id for update""")
        .bind("ids", List.copyOf(ids))
        .list(
            r ->
                new OpenInvoice(
                    r.longValue("id"),
                    r.string("number"),
                    r.longValue("customer_account_id"),
                    r.string("currency").trim(),
                    r.decimal("open_amount"),
                    r.date("due_date")));
  }

  /** Those of these payment references already recorded in the tenant. */
  List<String> existingPayments(Collection<String> references) {
    return sql.sql("select reference from payment where tenant_id = :tenant")
        .and("reference = any(:references)", "references", List.copyOf(references))
        .list(r -> r.string("reference"));
  }

  /**
   * Records many payments in one statement (the payments' statement trigger runs once); answers
   * their ids in the order given. The ids are drawn first, so the order does not rest on what
   * {@code returning} happens to give.
   */
  List<Long> insertPayments(List<PaymentApplication.PaymentRequest> payments) {
    List<Long> ids = sql.nextIds("payment_id_seq", payments.size());
    sql.sql(
            """
            insert into payment (tenant_id, id, reference, customer_account_id, received_on, currency, amount)
            select :tenant, p.id, p.reference, p.customer, p.received, p.currency, p.amount
            from unnest(:ids, :references, :customers, :received, :currencies, :amounts)
                 as p(id, reference, customer, received, currency, amount)""")
        .bind("ids", ids)
        .bind(
            "references",
            payments.stream().map(PaymentApplication.PaymentRequest::reference).toList())
        .bind(
            "customers",
            payments.stream().map(PaymentApplication.PaymentRequest::customerId).toList())
        .bind(
            "received",
            payments.stream().map(PaymentApplication.PaymentRequest::receivedOn).toList())
        .bind("currencies", payments.stream().map(p -> p.amount().currency()).toList())
        .bind("amounts", payments.stream().map(p -> p.amount().amount()).toList())
        .update();
    return ids;
  }

  /**
   * Many allocations in one statement: {@code payments[i]} pays {@code amounts[i]} of {@code
   * invoices[i]}. The facts an allocation keeps of its payment and invoice are joined here, in one
   * plan, rather than looked up row by row by the trigger that fills them when missing
   * (payment_allocation_facts, V9); a payment or invoice that is not there leaves them missing, and
   * the foreign keys refuse the row as before.
   */
  void insertAllocations(List<Long> payments, List<Long> invoices, List<BigDecimal> amounts) {
    if (payments.isEmpty()) {
      return;
    }
    sql.sql(
            """
            insert into payment_allocation (tenant_id, payment_id, invoice_id, amount, received_on,
                                            invoice_issue_date, invoice_due_date, invoice_currency)
            select :tenant, a.payment, a.invoice, a.amount, p.received_on, i.issue_date, i.due_date, i.currency
            from unnest(:payments, :invoices, :amounts) as a(payment, invoice, amount)
            left join payment p on p.tenant_id = :tenant and p.id = a.payment
            left join invoice i on i.tenant_id = :tenant and i.id = a.invoice""")
        .bind("payments", payments)
        .bind("invoices", invoices)
        .bind("amounts", amounts)
        .update();
  }

  /**
   * Raises many invoices' paid and written-off amounts in one statement (each invoice once: the
   * caller sums). The caller has locked them ({@link #lockInvoices}, in id order).
   */
  void payAll(List<Long> invoices, List<BigDecimal> paid, List<BigDecimal> writtenOff) {
    if (invoices.isEmpty()) {
      return;
    }
    sql.sql(
            """
            update invoice i set paid_amount = i.paid_amount + v.paid,
                   written_off_amount = i.written_off_amount + v.written, version = i.version + 1
            from unnest(:invoices, :paid, :written) as v(id, paid, written)
            where i.tenant_id = :tenant and i.id = v.id""")
        .bind("invoices", invoices)
        .bind("paid", paid)
        .bind("written", writtenOff)
        .update();
  }
}
