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
  private static final String SUMMARY =
      "select new com.bpo.portal.invoice.CustomerAccountSummary("
          + "c.id, c.number, c.name, c.country, c.currency, c.paymentTermsDays, c.creditLimit, c.collector) "
          + "from CustomerAccount c";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject CustomerScope scope;
  @Inject com.bpo.portal.tenant.TenantContext context;
  @Inject CustomerAccountQueries queries;

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
    search.ifPresent(
        t -> jpql.append(" and (lower(c.number) like :text or lower(c.name) like :text)"));
    page.after().ifPresent(a -> jpql.append(" and c.number > :after"));
    jpql.append(" order by c.number");

    TypedQuery<CustomerAccountSummary> query =
        em.createQuery(jpql.toString(), CustomerAccountSummary.class);
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

  /**
   * Gives the accounts to another collector (null: none), all or none: every id must be one of the
   * tenant's accounts (else 0 and nothing changes). The version of each account moves on. For the
   * collections feature's bulk reassignment, which checks who may do it and who may collect.
   */
  public int assignCollector(List<Long> ids, String collector) {
    if (ids.isEmpty()) {
      return 0;
    }
    long found =
        em.createQuery("select count(c) from CustomerAccount c where c.id in :ids", Long.class)
            .setParameter("ids", ids)
            .getSingleResult();
    if (found != ids.size()) {
      return 0;
    }
    return em.createQuery(
            "update CustomerAccount c set c.collector = :collector, c.version = c.version + 1 "
                + "where c.id in :ids")
        .setParameter("collector", collector)
        .setParameter("ids", ids)
        .executeUpdate();
  }

  public long count() {
    CustomerScope.Visibility visibility = scope.current();
    if (!visibility.all()) {
      return visibility.account().isPresent() ? 1 : 0;
    }
    return em.createQuery("select count(c) from CustomerAccount c", Long.class).getSingleResult();
  }

  /** The account's contacts, primary first; empty if the caller may not see the account. */
  public List<CustomerContact> contacts(long customerId) {
    if (find(customerId).isEmpty()) {
      return List.of();
    }
    return queries.contacts(customerId);
  }

  /**
   * The limit the credit feature approved becomes the account's own, so that every screen and
   * export that shows the account shows the limit in force. Called inside the approval's
   * transaction, never from a screen.
   */
  public void creditLimitApproved(long customerId, java.math.BigDecimal limit) {
    queries.setCreditLimit(customerId, limit);
  }

  /**
   * The customer's portal users who have an email address, to mail them (notices to the customer);
   * none if the caller may not see the account.
   */
  public List<PortalUserContact> portalUserContacts(long customerId) {
    if (find(customerId).isEmpty()) {
      return List.of();
    }
    return queries.portalUserContacts(customerId);
  }

  /** Whether the caller keeps customers' contacts (the BPO's staff): what the screens offer. */
  public boolean mayAddContacts() {
    com.bpo.portal.tenant.PortalUser user = context.requireUser();
    return user.hasRole(com.bpo.portal.shared.Roles.BPO_LEAD)
        || user.hasRole(com.bpo.portal.shared.Roles.BPO_AGENT);
  }

  /**
   * Adds a contact to an account (BPO staff). Every bad field is reported at once; a new primary
   * contact takes over from the one before.
   */
  public CustomerContact addContact(long customerId, CustomerContact.New contact) {
    com.bpo.portal.tenant.PortalUser user = context.requireUser();
    if (!mayAddContacts()) {
      throw com.bpo.portal.shared.ProblemException.forbidden(
          "The BPO keeps the customers' contacts.");
    }
    if (find(customerId).isEmpty()) {
      throw com.bpo.portal.shared.ProblemException.notFound("Customer account " + customerId);
    }
    java.util.List<com.bpo.portal.shared.Problem.FieldError> errors = new java.util.ArrayList<>();
    String name = contact.name() == null ? "" : contact.name().strip();
    if (name.isEmpty() || name.length() > 200) {
      errors.add(
          new com.bpo.portal.shared.Problem.FieldError("name", "must be 1 to 200 characters"));
    }
    String email = blankToNull(contact.email());
    if (email != null && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      errors.add(
          new com.bpo.portal.shared.Problem.FieldError(
              "email", "must be an email address such as ap@example.com"));
    }
    String phone = blankToNull(contact.phone());
    if (phone != null && !phone.matches("^[+0-9 ()./-]{4,30}$")) {
      errors.add(
          new com.bpo.portal.shared.Problem.FieldError(
              "phone", "must be a phone number such as +1 555 0100"));
    }
    if (email == null && phone == null) {
      errors.add(
          new com.bpo.portal.shared.Problem.FieldError(
              "email", "give an email address or a phone number"));
    }
    if (!errors.isEmpty()) {
      throw new com.bpo.portal.shared.InvalidFields(
          "The contact cannot be added as it is.", errors);
    }
    boolean primary = Boolean.TRUE.equals(contact.primary());
    if (primary) {
      queries.clearPrimary(customerId);
    }
    long id =
        queries.insertContact(
            customerId, name, blankToNull(contact.role()), email, phone, primary, user.username());
    return new CustomerContact(id, name, blankToNull(contact.role()), email, phone, primary);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
