package com.bpo.portal.invoice;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Customer accounts of the active tenant. A customer user sees only the account their sign-in is
 * bound to; everyone else in the tenant sees all of them.
 */
@TenantService
public class CustomerAccountService {
  private static final String SUMMARY = "select new com.bpo.portal.invoice.CustomerAccountSummary("
      + "c.id, c.number, c.name, c.country, c.currency, c.paymentTermsDays, c.creditLimit, c.collector) "
      + "from CustomerAccount c";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject CustomerScope scope;

  /** Accounts ordered by number, a page at a time (keyset on number, unique per tenant). */
  public Page<CustomerAccountSummary> list(Optional<String> text, PageRequest page) {
    StringBuilder jpql = new StringBuilder(SUMMARY).append(" where 1 = 1");
    CustomerScope.Visibility visibility = scope.current();
    if (visibility.seesNothing()) {
      return new Page<>(List.of(), null);
    }
    if (!visibility.all()) {
      jpql.append(" and c.id = :own");
    }
    Optional<String> search = text.map(String::trim).filter(t -> !t.isEmpty());
    search.ifPresent(t -> jpql.append(" and (lower(c.number) like :text or lower(c.name) like :text)"));
    page.after().ifPresent(a -> jpql.append(" and c.number > :after"));
    jpql.append(" order by c.number");

    TypedQuery<CustomerAccountSummary> query = em.createQuery(jpql.toString(), CustomerAccountSummary.class);
    if (!visibility.all()) {
      query.setParameter("own", visibility.account().orElseThrow());
    }
    search.ifPresent(t -> query.setParameter("text", "%" + t.toLowerCase(Locale.ROOT) + "%"));
    page.after().ifPresent(a -> query.setParameter("after", a.get(0)));
    List<CustomerAccountSummary> rows = query.setMaxResults(page.limit() + 1).getResultList();
    return page.page(rows, row -> List.of(row.number()));
  }

  public Optional<CustomerAccountSummary> find(long id) {
    if (!scope.current().sees(id)) {
      return Optional.empty();
    }
    return em.createQuery(SUMMARY + " where c.id = :id", CustomerAccountSummary.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  public long count() {
    CustomerScope.Visibility visibility = scope.current();
    if (!visibility.all()) {
      return visibility.account().isPresent() ? 1 : 0;
    }
    return em.createQuery("select count(c) from CustomerAccount c", Long.class).getSingleResult();
  }
}
