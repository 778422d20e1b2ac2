package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statements of account, from the customer's invoices, payments and credit notes as dated movements.
 * Write-offs carry no date yet and are left out (they come with collections work).
 */
@TenantService
public class StatementService {
  private static final int MAX_DAYS = 366;
  private static final String MOVEMENTS = """
      with movements as (
        select issue_date d, 'INVOICE' kind, number ref, total_amount amount
          from invoice where tenant_id = ?1 and customer_account_id = ?2
        union all
        select received_on, 'PAYMENT', reference, -amount
          from payment where tenant_id = ?1 and customer_account_id = ?2
        union all
        select c.issued_on, 'CREDIT_NOTE', c.number, -c.amount
          from credit_note c join invoice i on i.tenant_id = c.tenant_id and i.id = c.invoice_id
          where c.tenant_id = ?1 and i.customer_account_id = ?2)
      """;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;
  @Inject CustomerAccountService accounts;

  @SuppressWarnings("unchecked")
  public Optional<Statement> statement(long customerId, LocalDate from, LocalDate to) {
    if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
      throw new ProblemException("validation", "Invalid request", 400,
          "The period must run forwards and span at most " + MAX_DAYS + " days.");
    }
    Optional<CustomerAccountSummary> customer = accounts.find(customerId); // narrowed for a customer
    if (customer.isEmpty()) {
      return Optional.empty();
    }
    String currency = customer.get().currency();
    String tenant = context.requireTenant().id();
    BigDecimal opening = (BigDecimal) em.createNativeQuery(MOVEMENTS
            + "select coalesce(sum(amount), 0) from movements where d < ?3")
        .setParameter(1, tenant).setParameter(2, customerId).setParameter(3, from).getSingleResult();
    List<Object[]> rows = em.createNativeQuery(MOVEMENTS
            + "select d, kind, ref, amount from movements where d between ?3 and ?4 order by d, kind desc, ref")
        .setParameter(1, tenant).setParameter(2, customerId).setParameter(3, from).setParameter(4, to)
        .getResultList();
    BigDecimal balance = opening;
    List<Statement.Entry> entries = new ArrayList<>();
    for (Object[] r : rows) {
      BigDecimal amount = (BigDecimal) r[3];
      balance = balance.add(amount);
      entries.add(new Statement.Entry(InvoiceService.localDate(r[0]), Statement.Kind.valueOf((String) r[1]),
          (String) r[2], new Money(amount, currency), new Money(balance, currency)));
    }
    return Optional.of(new Statement(customer.get(), from, to, new Money(opening, currency), entries,
        new Money(balance, currency)));
  }
}
