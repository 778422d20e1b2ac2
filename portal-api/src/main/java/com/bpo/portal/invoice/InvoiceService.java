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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Invoices of the active tenant, narrowed to the customer's own account for a customer. */
@TenantService
public class InvoiceService {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;
  @Inject AuditTrail audit;
  @Inject CustomerScope scope;
  @Inject InvoiceQueries queries;

  /**
   * A keyset page of invoices: rows after the cursor's (sort key, id) in the chosen order, so that
   * a deep page costs what the first costs and equal sort keys neither repeat nor vanish between
   * pages.
   */
  public Page<InvoiceSummary> list(InvoiceFilter filter, InvoiceSort sort, PageRequest page) {
    CustomerScope.Visibility visibility = scope.current();
    if (visibility.seesNothing()) {
      return new Page<>(List.of(), null);
    }
    Optional<Long> own = visibility.all() ? Optional.empty() : visibility.account();
    return queries.list(own, filter, sort, page, context.today());
  }

  /** The invoice with this number (as the client numbers it), if the caller may see it. */
  public Optional<InvoiceSummary> findByNumber(String number) {
    return queries.summaryByNumber(number).filter(s -> scope.current().sees(s.customerId()));
  }

  public Optional<InvoiceDetail> find(long id) {
    Optional<InvoiceSummary> summary =
        queries.summary(id).filter(s -> scope.current().sees(s.customerId()));
    if (summary.isEmpty()) {
      return Optional.empty();
    }
    Invoice invoice = em.find(Invoice.class, id);
    String currency = invoice.currency();
    return Optional.of(
        new InvoiceDetail(
            summary.get(),
            new Money(invoice.netAmount(), currency),
            new Money(invoice.taxAmount(), currency),
            new Money(invoice.paidAmount(), currency),
            new Money(invoice.creditedAmount(), currency),
            new Money(invoice.writtenOffAmount(), currency),
            invoice.version(),
            queries.lines(id, currency),
            queries.payments(id, currency),
            queries.creditNotes(id, currency)));
  }

  /** The invoice as a PDF in the tenant's language, if the caller may see it. */
  public Optional<byte[]> pdf(long id) {
    var tenant = context.requireTenant();
    return find(id)
        .map(
            detail -> {
              audit.record(
                  AuditTrail.EXPORT, "invoice", Long.toString(id), Map.of("format", "pdf"));
              return InvoicePdf.render(
                  detail, tenant.name(), Locale.forLanguageTag(tenant.locale()));
            });
  }
}
