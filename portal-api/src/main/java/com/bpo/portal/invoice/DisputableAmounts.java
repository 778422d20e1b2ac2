package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.sql.TenantSql;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is still disputable on invoices: the open amount less what other disputes already hold, the
 * ceiling the dispute service applies when a dispute is raised. Narrowed by {@link CustomerScope}:
 * a customer learns nothing about invoices outside their account.
 */
@TenantService
public class DisputableAmounts {
  @Inject TenantSql sql;
  @Inject CustomerScope scope;

  public Map<Long, Money> of(Collection<Long> invoiceIds) {
    CustomerScope.Visibility visibility = scope.current();
    if (invoiceIds.isEmpty() || visibility.seesNothing()) {
      return Map.of();
    }
    Map<Long, Money> remaining = new LinkedHashMap<>();
    sql.sql(
            """
            select id, customer_account_id, currency, greatest(open_amount - disputed_amount, 0) disputable
              from invoice where tenant_id = :tenant and id = any(:ids)""")
        .bind("ids", List.copyOf(invoiceIds))
        .forEach(
            row -> {
              if (visibility.sees(row.longValue("customer_account_id"))) {
                remaining.put(
                    row.longValue("id"),
                    new Money(row.decimal("disputable"), row.string("currency").trim()));
              }
            });
    return remaining;
  }
}
