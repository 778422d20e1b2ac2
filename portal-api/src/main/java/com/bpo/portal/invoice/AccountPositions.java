package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.sql.TenantSql;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The customer home's figures: one pass over the account's kept balances (receivable_balance, one
 * row per due date with something open, docs/BALANCES.md), narrowed by {@link CustomerScope} so a
 * customer reaches only their own. Overdue counts what is open and not disputed, as the aging does.
 */
@TenantService
public class AccountPositions {
  // receivable_balance (V92) holds the account's open invoices per currency and due date: a row per
  // due date, not one per invoice. Overdue sums open - disputed per invoice, as it always has.
  private static final String POSITION =
      """
      with open_items as (
        select due_date, open_amount, disputed_amount, undisputed_count from receivable_balance
         where tenant_id = :tenant and customer_account_id = :customer),
      next as (select min(due_date) due from open_items where due_date >= :today)
      select c.id, c.number, c.name, c.currency,
             (select coalesce(sum(open_amount), 0) from open_items) balance_due,
             (select coalesce(sum(open_amount - disputed_amount), 0) from open_items where due_date < :today) overdue,
             (select coalesce(sum(undisputed_count), 0) from open_items where due_date < :today) overdue_invoices,
             next.due next_due,
             (select coalesce(sum(open_amount - disputed_amount), 0) from open_items where due_date = next.due) next_due_amount
        from customer_account c cross join next
       where c.tenant_id = :tenant and c.id = :customer""";

  @Inject TenantSql sql;
  @Inject CustomerScope scope;
  @Inject TenantContext context;

  /** The signed-in customer's own account, if their sign-in is bound to one. */
  public Optional<AccountPosition> own() {
    return scope.current().account().flatMap(this::of);
  }

  /** Any account the caller may see; empty for one they may not (as if it did not exist). */
  public Optional<AccountPosition> of(long customerId) {
    if (!scope.current().sees(customerId)) {
      return Optional.empty();
    }
    LocalDate today = context.today();
    return sql.sql(POSITION)
        .bind("customer", customerId)
        .bind("today", today)
        .optional(
            row -> {
              String currency = row.string("currency").trim();
              return new AccountPosition(
                  row.longValue("id"),
                  row.string("number"),
                  row.string("name"),
                  new Money(row.decimal("balance_due"), currency),
                  new Money(row.decimal("overdue"), currency),
                  row.longValue("overdue_invoices"),
                  Optional.ofNullable(row.date("next_due")),
                  new Money(row.decimal("next_due_amount"), currency));
            });
  }
}
