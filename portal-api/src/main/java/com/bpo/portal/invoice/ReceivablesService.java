package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Receivables figures, computed in SQL over the partial index of open invoices: aging buckets and
 * DSO. Open amounts are today's; an as-of date moves the buckets, not the payments. See docs/KPIS.md.
 */
@TenantService
public class ReceivablesService {
  // Disputed amounts are kept out of the buckets (collectors do not chase what is under dispute) and
  // shown in their own column; current + buckets + disputed = total.
  private static final String BUCKETS = """
      coalesce(sum(greatest(i.open_amount - i.disputed_amount, 0)) filter (where i.due_date >= ?2), 0),
      coalesce(sum(greatest(i.open_amount - i.disputed_amount, 0)) filter (where ?2 - i.due_date between 1 and 30), 0),
      coalesce(sum(greatest(i.open_amount - i.disputed_amount, 0)) filter (where ?2 - i.due_date between 31 and 60), 0),
      coalesce(sum(greatest(i.open_amount - i.disputed_amount, 0)) filter (where ?2 - i.due_date between 61 and 90), 0),
      coalesce(sum(greatest(i.open_amount - i.disputed_amount, 0)) filter (where ?2 - i.due_date > 90), 0),
      coalesce(sum(least(i.disputed_amount, i.open_amount)), 0),
      sum(i.open_amount)""";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;
  @Inject CustomerScope scope;

  /** The aging on {@code asOf}: the {@code limit} customers owing most, and totals over all of them. */
  @SuppressWarnings("unchecked")
  public Aging aging(LocalDate asOf, Optional<Long> customerId, int limit) {
    Optional<Long> only = narrowedTo(customerId);
    // After five executions of a prepared statement PostgreSQL may settle on a generic plan, which for
    // this aggregate drops the parallel workers (measured 294 ms against 166 ms): plan it for its values.
    em.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
    String customerCondition = only.isPresent() ? " and i.customer_account_id = ?3" : "";
    Query byCustomer = em.createNativeQuery("select c.id, c.number, c.name, c.currency, " + BUCKETS
        + " from invoice i join customer_account c on c.tenant_id = i.tenant_id and c.id = i.customer_account_id"
        + " where i.tenant_id = ?1 and i.open_amount > 0" + customerCondition
        + " group by c.id, c.number, c.name, c.currency order by sum(i.open_amount) desc, c.number limit ?4");
    Query totals = em.createNativeQuery("select null, null, null, i.currency, " + BUCKETS
        + " from invoice i where i.tenant_id = ?1 and i.open_amount > 0" + customerCondition
        + " group by i.currency order by i.currency");
    for (Query q : List.of(byCustomer, totals)) {
      q.setParameter(1, context.requireTenant().id()).setParameter(2, asOf);
      only.ifPresent(id -> q.setParameter(3, id));
    }
    byCustomer.setParameter(4, limit);
    return new Aging(asOf, rows(byCustomer.getResultList()), rows(totals.getResultList()));
  }

  /** DSO over the {@code days} up to {@code asOf}, with the overdue total beside it. */
  @SuppressWarnings("unchecked")
  public Dso dso(LocalDate asOf, int days, Optional<Long> customerId) {
    if (days < 1 || days > 366) {
      throw new ProblemException("validation", "Invalid request", 400, "days must be between 1 and 366.");
    }
    Optional<Long> only = narrowedTo(customerId);
    Query query = em.createNativeQuery("""
            select currency,
                   coalesce(sum(open_amount) filter (where open_amount > 0), 0),
                   coalesce(sum(total_amount) filter (where issue_date > cast(?2 as date) - ?3 and issue_date <= ?2), 0),
                   coalesce(sum(greatest(open_amount - disputed_amount, 0)) filter (where open_amount > 0 and due_date < ?2), 0)
            from invoice where tenant_id = ?1""" + (only.isPresent() ? " and customer_account_id = ?4" : "")
            + " group by currency order by currency")
        .setParameter(1, context.requireTenant().id()).setParameter(2, asOf).setParameter(3, days);
    only.ifPresent(id -> query.setParameter(4, id));
    List<Object[]> rows = query.getResultList();
    List<Dso.Figure> figures = new ArrayList<>();
    for (Object[] r : rows) {
      String currency = ((String) r[0]).trim();
      BigDecimal receivables = (BigDecimal) r[1];
      BigDecimal sales = (BigDecimal) r[2];
      BigDecimal dso = sales.signum() == 0 ? null
          : receivables.multiply(BigDecimal.valueOf(days)).divide(sales, 1, RoundingMode.HALF_UP);
      figures.add(new Dso.Figure(new Money(receivables, currency), new Money(sales, currency),
          new Money((BigDecimal) r[3], currency), dso));
    }
    return new Dso(asOf, days, figures);
  }

  /** A customer is narrowed to their own account whatever they ask for; others to what they ask. */
  private Optional<Long> narrowedTo(Optional<Long> requested) {
    CustomerScope.Visibility visibility = scope.current();
    if (visibility.all()) {
      return requested;
    }
    return Optional.of(visibility.account().orElse(-1L));
  }

  private static List<Aging.Row> rows(List<Object[]> result) {
    List<Aging.Row> rows = new ArrayList<>();
    for (Object[] r : result) {
      String currency = ((String) r[3]).trim();
      rows.add(new Aging.Row(r[0] == null ? null : ((Number) r[0]).longValue(), (String) r[1], (String) r[2],
          new Money((BigDecimal) r[4], currency), new Money((BigDecimal) r[5], currency),
          new Money((BigDecimal) r[6], currency), new Money((BigDecimal) r[7], currency),
          new Money((BigDecimal) r[8], currency), new Money((BigDecimal) r[9], currency),
          new Money((BigDecimal) r[10], currency)));
    }
    return rows;
  }
}
