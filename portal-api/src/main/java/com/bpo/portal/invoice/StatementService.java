package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statements of account, from the customer's invoices, payments and credit notes as dated
 * movements. Write-offs carry no date yet and are left out (they come with collections work).
 */
@TenantService
public class StatementService {
  private static final int MAX_DAYS = 366;

  @Inject CustomerAccountService accounts;
  @Inject ReceivablesQueries queries;

  public Optional<Statement> statement(long customerId, LocalDate from, LocalDate to) {
    if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
      throw new ProblemException(
          "validation",
          "Invalid request",
          400,
          "The period must run forwards and span at most " + MAX_DAYS + " days.");
    }
    Optional<CustomerAccountSummary> customer =
        accounts.find(customerId); // narrowed for a customer
    if (customer.isEmpty()) {
      return Optional.empty();
    }
    String currency = customer.get().currency();
    BigDecimal opening = queries.balanceBefore(customerId, from);
    List<Statement.Entry> entries = new ArrayList<>();
    BigDecimal balance = opening;
    for (ReceivablesQueries.Movement m : queries.movements(customerId, from, to)) {
      balance = balance.add(m.amount());
      entries.add(
          new Statement.Entry(
              m.date(),
              m.kind(),
              m.reference(),
              new Money(m.amount(), currency),
              new Money(balance, currency)));
    }
    return Optional.of(
        new Statement(
            customer.get(),
            from,
            to,
            new Money(opening, currency),
            entries,
            new Money(balance, currency)));
  }
}
