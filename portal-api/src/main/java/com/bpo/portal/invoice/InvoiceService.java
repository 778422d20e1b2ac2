package com.bpo.portal.invoice;

import com.bpo.portal.audit.AuditTrail;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Invoices of the active tenant, narrowed to the customer's own account for a customer. */
@TenantService
public class InvoiceService {
  private static final String SUMMARY = "select new com.bpo.portal.invoice.InvoiceSummary("
      + "i.id, i.number, c.id, c.number, c.name, i.issueDate, i.dueDate, i.currency, i.totalAmount, "
      + "i.openAmount, i.status) from Invoice i, CustomerAccount c where c.id = i.customerAccountId";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;
  @Inject AuditTrail audit;
  @Inject CustomerScope scope;

  /**
   * A keyset page of invoices: rows after the cursor's (sort key, id) in the chosen order, so that a
   * deep page costs what the first costs and equal sort keys neither repeat nor vanish between pages.
   */
  public Page<InvoiceSummary> list(InvoiceFilter filter, InvoiceSort sort, PageRequest page) {
    CustomerScope.Visibility visibility = scope.current();
    if (visibility.seesNothing()) {
      return new Page<>(List.of(), null);
    }
    StringBuilder jpql = new StringBuilder(SUMMARY);
    Map<String, Object> params = new LinkedHashMap<>();
    if (!visibility.all()) {
      where(jpql, params, "i.customerAccountId = :own", "own", visibility.account().orElseThrow());
    }
    if (!filter.statuses().isEmpty()) {
      where(jpql, params, "i.status in :statuses", "statuses", List.copyOf(filter.statuses()));
    }
    filter.customerId().ifPresent(id -> where(jpql, params, "i.customerAccountId = :customer", "customer", id));
    filter.dueFrom().ifPresent(d -> where(jpql, params, "i.dueDate >= :dueFrom", "dueFrom", d));
    filter.dueTo().ifPresent(d -> where(jpql, params, "i.dueDate <= :dueTo", "dueTo", d));
    filter.minTotal().ifPresent(a -> where(jpql, params, "i.totalAmount >= :minTotal", "minTotal", a));
    filter.maxTotal().ifPresent(a -> where(jpql, params, "i.totalAmount <= :maxTotal", "maxTotal", a));
    if (filter.overdueOnly()) {
      where(jpql, params, "i.dueDate < :today and i.openAmount > 0", "today", context.today());
    }
    filter.text().ifPresent(t -> {
      jpql.append(" and (i.number like :prefix or lower(c.name) like :contains)");
      params.put("prefix", t + "%");
      params.put("contains", "%" + t.toLowerCase(Locale.ROOT) + "%");
    });
    String path = sort.key().path;
    String after = sort.descending() ? "<" : ">";
    page.after().ifPresent(key -> {
      // JPQL has no row comparison (key, id) > (k, x); the redundant "key >= k" lets PostgreSQL start
      // the index range at k instead of walking from the first row, so a deep page costs what the first does
      jpql.append(" and ").append(path).append(' ').append(after).append("= :afterKey and (")
          .append(path).append(' ').append(after).append(" :afterKey or (")
          .append(path).append(" = :afterKey and i.id ").append(after).append(" :afterId))");
      params.put("afterKey", PageRequest.keyPart(key, 0, sort.key().parse));
      params.put("afterId", PageRequest.keyPart(key, 1, Long::valueOf));
    });
    String direction = sort.descending() ? " desc" : " asc";
    jpql.append(" order by ").append(path).append(direction).append(", i.id").append(direction);

    TypedQuery<InvoiceSummary> query = em.createQuery(jpql.toString(), InvoiceSummary.class);
    params.forEach(query::setParameter);
    List<InvoiceSummary> rows = query.setMaxResults(page.limit() + 1).getResultList();
    return page.page(rows, row -> List.of(sort.key().valueOf.apply(row), String.valueOf(row.id())));
  }

  private static void where(StringBuilder jpql, Map<String, Object> params, String condition, String name,
                            Object value) {
    jpql.append(" and ").append(condition);
    params.put(name, value);
  }

  public Optional<InvoiceDetail> find(long id) {
    Optional<InvoiceSummary> summary = em.createQuery(SUMMARY + " and i.id = :id", InvoiceSummary.class)
        .setParameter("id", id).getResultStream().findFirst()
        .filter(s -> scope.current().sees(s.customerId()));
    if (summary.isEmpty()) {
      return Optional.empty();
    }
    Invoice invoice = em.find(Invoice.class, id);
    String currency = invoice.currency();
    String tenant = context.requireTenant().id();
    return Optional.of(new InvoiceDetail(summary.get(),
        new Money(invoice.netAmount(), currency), new Money(invoice.taxAmount(), currency),
        new Money(invoice.paidAmount(), currency), new Money(invoice.creditedAmount(), currency),
        new Money(invoice.writtenOffAmount(), currency), invoice.version(),
        lines(tenant, id, currency), payments(tenant, id, currency), creditNotes(tenant, id, currency)));
  }

  /** The invoice as a PDF in the tenant's language, if the caller may see it. */
  public Optional<byte[]> pdf(long id) {
    var tenant = context.requireTenant();
    return find(id).map(detail -> {
      audit.record(AuditTrail.EXPORT, "invoice", Long.toString(id), Map.of("format", "pdf"));
      return InvoicePdf.render(detail, tenant.name(), Locale.forLanguageTag(tenant.locale()));
    });
  }

  // The sub-lists are plain SQL over their (tenant_id, invoice_id) keys; row-level security applies
  // to them as to everything, and the explicit tenant predicate is the application's own filter.

  @SuppressWarnings("unchecked")
  private List<InvoiceDetail.Line> lines(String tenant, long invoiceId, String currency) {
    List<Object[]> rows = em.createNativeQuery("select line_no, description, quantity, unit_price, tax_rate, "
            + "net_amount, tax_amount from invoice_line where tenant_id = ?1 and invoice_id = ?2 order by line_no")
        .setParameter(1, tenant).setParameter(2, invoiceId).getResultList();
    List<InvoiceDetail.Line> lines = new ArrayList<>();
    for (Object[] r : rows) {
      lines.add(new InvoiceDetail.Line(((Number) r[0]).intValue(), (String) r[1], (BigDecimal) r[2],
          (BigDecimal) r[3], (BigDecimal) r[4], new Money((BigDecimal) r[5], currency),
          new Money((BigDecimal) r[6], currency)));
    }
    return lines;
  }

  @SuppressWarnings("unchecked")
  private List<InvoiceDetail.AppliedPayment> payments(String tenant, long invoiceId, String currency) {
    List<Object[]> rows = em.createNativeQuery("select p.reference, p.received_on, a.amount "
            + "from payment_allocation a join payment p on p.tenant_id = a.tenant_id and p.id = a.payment_id "
            + "where a.tenant_id = ?1 and a.invoice_id = ?2 order by p.received_on, p.reference")
        .setParameter(1, tenant).setParameter(2, invoiceId).getResultList();
    List<InvoiceDetail.AppliedPayment> payments = new ArrayList<>();
    for (Object[] r : rows) {
      payments.add(new InvoiceDetail.AppliedPayment((String) r[0], localDate(r[1]),
          new Money((BigDecimal) r[2], currency)));
    }
    return payments;
  }

  @SuppressWarnings("unchecked")
  private List<InvoiceDetail.CreditNoteRef> creditNotes(String tenant, long invoiceId, String currency) {
    List<Object[]> rows = em.createNativeQuery("select number, issued_on, amount, reason from credit_note "
            + "where tenant_id = ?1 and invoice_id = ?2 order by issued_on, number")
        .setParameter(1, tenant).setParameter(2, invoiceId).getResultList();
    List<InvoiceDetail.CreditNoteRef> notes = new ArrayList<>();
    for (Object[] r : rows) {
      notes.add(new InvoiceDetail.CreditNoteRef((String) r[0], localDate(r[1]),
          new Money((BigDecimal) r[2], currency), (String) r[3]));
    }
    return notes;
  }

  static LocalDate localDate(Object value) {
    return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
