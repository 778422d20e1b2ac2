package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
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

  boolean paymentExists(String reference) {
    return sql.sql(
            "select 1 as one from payment where tenant_id = :tenant and reference = :reference")
        .bind("reference", reference)
        .optional(r -> r.intValue("one"))
        .isPresent();
  }

  long insertPayment(String reference, long customerId, LocalDate receivedOn, Money amount) {
    return sql.sql(
            """
            insert into payment (tenant_id, reference, customer_account_id, received_on, currency, amount)
            values (:tenant, :reference, :customer, :received, :currency, :amount) returning id""")
        .bind("reference", reference)
        .bind("customer", customerId)
        .bind("received", receivedOn)
        .bind("currency", amount.currency())
        .bind("amount", amount.amount())
        .one(r -> r.longValue("id"));
  }

  void insertAllocation(long paymentId, long invoiceId, BigDecimal amount) {
    sql.sql(
            """
            insert into payment_allocation (tenant_id, payment_id, invoice_id, amount)
            values (:tenant, :payment, :invoice, :amount)""")
        .bind("payment", paymentId)
        .bind("invoice", invoiceId)
        .bind("amount", amount)
        .update();
  }

  void pay(long invoiceId, BigDecimal paid, BigDecimal writtenOff) {
    sql.sql(
            """
            update invoice set paid_amount = paid_amount + :paid, written_off_amount = written_off_amount + :written,
                   version = version + 1
            where tenant_id = :tenant and id = :invoice""")
        .bind("paid", paid)
        .bind("written", writtenOff)
        .bind("invoice", invoiceId)
        .update();
  }
}
