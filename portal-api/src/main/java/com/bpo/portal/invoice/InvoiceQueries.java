package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SQL of the invoice aggregate (invoice, its lines, the payments applied to it, its credit
 * notes), for the active tenant: the list, the detail's sub-lists, and every change of an invoice's
 * money that is not an import's batch ({@link InvoiceLedger} is the door other features use).
 */
@ApplicationScoped
public class InvoiceQueries {
  private static final String SUMMARY =
      """
      select i.id, i.number, c.id as customer_id, c.number as customer_number, c.name as customer_name,
             i.issue_date, i.due_date, i.currency, i.total_amount, i.open_amount, i.status
      from invoice i join customer_account c on c.tenant_id = i.tenant_id and c.id = i.customer_account_id
      where i.tenant_id = :tenant""";

  @Inject TenantSql sql;

  /**
   * A keyset page of the list, narrowed to {@code onlyCustomer} when present (a customer's own
   * account).
   */
  Page<InvoiceSummary> list(
      Optional<Long> onlyCustomer,
      InvoiceFilter filter,
      InvoiceSort sort,
      PageRequest page,
      LocalDate today) {
    var query = sql.sql(SUMMARY).andIf(onlyCustomer, "i.customer_account_id = :own", "own");
    if (!filter.statuses().isEmpty()) {
      query.andAnyOf("i.status", "statuses", filter.statuses());
    }
    query
        .andIf(filter.customerId(), "i.customer_account_id = :customer", "customer")
        .andIf(filter.dueFrom(), "i.due_date >= :dueFrom", "dueFrom")
        .andIf(filter.dueTo(), "i.due_date <= :dueTo", "dueTo")
        // in cents (V99): a bigint comparison can search the index under row-level security, a
        // numeric one cannot
        .andIf(filter.minTotal().map(InvoiceQueries::centsAtLeast), "i.total_cents >= :min", "min")
        .andIf(filter.maxTotal().map(InvoiceQueries::centsAtMost), "i.total_cents <= :max", "max");
    if (filter.overdueOnly()) {
      query.and("i.due_date < :today and i.open_amount > 0", "today", today);
    }
    filter
        .text()
        .ifPresent(
            t ->
                query
                    .and("(i.number like :prefix or lower(c.name) like :contains)")
                    .bind("prefix", t + "%")
                    .bind("contains", "%" + t.toLowerCase(Locale.ROOT) + "%"));
    return query.keyset(sort.keyset(), page).page(InvoiceQueries::summary, sort::keyOf);
  }

  /** The fewest cents a total of at least {@code amount} can have (totals have two places). */
  static long centsAtLeast(java.math.BigDecimal amount) {
    return amount.movePointRight(2).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
  }

  /** The most cents a total of at most {@code amount} can have. */
  static long centsAtMost(java.math.BigDecimal amount) {
    return amount.movePointRight(2).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
  }

  Optional<InvoiceSummary> summary(long id) {
    return sql.sql(SUMMARY + " and i.id = :id").bind("id", id).optional(InvoiceQueries::summary);
  }

  Optional<InvoiceSummary> summaryByNumber(String number) {
    return sql.sql(SUMMARY + " and i.number = :number")
        .bind("number", number)
        .optional(InvoiceQueries::summary);
  }

  private static InvoiceSummary summary(Row r) {
    String currency = r.string("currency").trim();
    return new InvoiceSummary(
        r.longValue("id"),
        r.string("number"),
        r.longValue("customer_id"),
        r.string("customer_number"),
        r.string("customer_name"),
        r.date("issue_date"),
        r.date("due_date"),
        new Money(r.decimal("total_amount"), currency),
        new Money(r.decimal("open_amount"), currency),
        r.enumValue("status", InvoiceStatus.class));
  }

  List<InvoiceDetail.Line> lines(long invoiceId, String currency) {
    return sql.sql(
            """
            select line_no, description, quantity, unit_price, tax_rate, net_amount, tax_amount from invoice_line
            where tenant_id = :tenant and invoice_id = :invoice order by line_no""")
        .bind("invoice", invoiceId)
        .list(
            r ->
                new InvoiceDetail.Line(
                    r.intValue("line_no"),
                    r.string("description"),
                    r.decimal("quantity"),
                    r.decimal("unit_price"),
                    r.decimal("tax_rate"),
                    new Money(r.decimal("net_amount"), currency),
                    new Money(r.decimal("tax_amount"), currency)));
  }

  List<InvoiceDetail.AppliedPayment> payments(long invoiceId, String currency) {
    return sql.sql(
            """
            select p.reference, p.received_on, a.amount
            from payment_allocation a join payment p on p.tenant_id = a.tenant_id and p.id = a.payment_id
            where a.tenant_id = :tenant and a.invoice_id = :invoice order by p.received_on, p.reference""")
        .bind("invoice", invoiceId)
        .list(
            r ->
                new InvoiceDetail.AppliedPayment(
                    r.string("reference"),
                    r.date("received_on"),
                    new Money(r.decimal("amount"), currency)));
  }

  List<InvoiceDetail.CreditNoteRef> creditNotes(long invoiceId, String currency) {
    return sql.sql(
            """
            select number, issued_on, amount, reason from credit_note
            where tenant_id = :tenant and invoice_id = :invoice order by issued_on, number""")
        .bind("invoice", invoiceId)
        .list(
            r ->
                new InvoiceDetail.CreditNoteRef(
                    r.string("number"),
                    r.date("issued_on"),
                    new Money(r.decimal("amount"), currency),
                    r.string("reason")));
  }

  // ---------------------------------------------------------------- money (InvoiceLedger's)

  /** The invoices with these ids, locked for update in id order (one order for every locker). */
  List<InvoiceLedger.OpenInvoice> lockOpen(Collection<Long> ids) {
    return sql.sql(
            """
            select id, number, customer_account_id, currency, open_amount, disputed_amount from invoice
            where tenant_id = :tenant and id = any(:ids) order by id for update""")
        .bind("ids", List.copyOf(ids))
        .list(
            r ->
                new InvoiceLedger.OpenInvoice(
                    r.longValue("id"),
                    r.string("number"),
                    r.longValue("customer_account_id"),
                    r.string("currency").trim(),
                    r.decimal("open_amount"),
                    r.decimal("disputed_amount")));
  }

  boolean hasLine(long invoiceId, int lineNo) {
    return sql.sql(
            "select 1 as found from invoice_line where tenant_id = :tenant and invoice_id = :invoice "
                + "and line_no = :line")
        .bind("invoice", invoiceId)
        .bind("line", lineNo)
        .optional(r -> r.intValue("found"))
        .isPresent();
  }

  void hold(long invoiceId, BigDecimal amount) {
    sql.sql(
            "update invoice set disputed_amount = disputed_amount + :amount, disputed = true, version = version + 1 "
                + "where tenant_id = :tenant and id = :id")
        .bind("amount", amount)
        .bind("id", invoiceId)
        .update();
  }

  void holdAll(List<Long> invoiceIds, List<BigDecimal> amounts) {
    sql.sql(
            """
            update invoice i set disputed_amount = i.disputed_amount + v.amount, disputed = true,
                   version = i.version + 1
            from unnest(:invoices, :amounts) as v(id, amount)
            where i.tenant_id = :tenant and i.id = v.id""")
        .bind("invoices", invoiceIds)
        .bind("amounts", amounts)
        .update();
  }

  void release(long invoiceId, BigDecimal amount) {
    sql.sql(
            "update invoice set disputed_amount = greatest(disputed_amount - :amount, 0), "
                + "disputed = disputed_amount - :amount > 0, version = version + 1 where tenant_id = :tenant and id = :id")
        .bind("amount", amount)
        .bind("id", invoiceId)
        .update();
  }

  /** Inserts a credit note numbered from its own id ("CN-4021"), and answers that number. */
  String insertCreditNote(long invoiceId, LocalDate issuedOn, BigDecimal amount, String reason) {
    return sql.sql(
            """
            with next as (select nextval('credit_note_id_seq') as id)
            insert into credit_note (tenant_id, id, number, invoice_id, issued_on, amount, reason)
            select :tenant, next.id, 'CN-' || next.id, :invoice, :issuedOn, :amount, :reason
            from next
            returning number""")
        .bind("invoice", invoiceId)
        .bind("issuedOn", issuedOn)
        .bind("amount", amount)
        .bind("reason", reason)
        .one(r -> r.string("number"));
  }

  void addCredited(long invoiceId, BigDecimal amount) {
    add("credited_amount", invoiceId, amount);
  }

  void addWrittenOff(long invoiceId, BigDecimal amount) {
    add("written_off_amount", invoiceId, amount);
  }

  /** Raises one of the invoice's money columns (named here, never by a caller) and its version. */
  private void add(String column, long invoiceId, BigDecimal amount) {
    sql.sql(
            "update invoice set "
                + column
                + " = "
                + column
                + " + :amount, version = version + 1 "
                + "where tenant_id = :tenant and id = :id")
        .bind("amount", amount)
        .bind("id", invoiceId)
        .update();
  }
}
