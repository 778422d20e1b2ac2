package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's statement of account for a period: what they owed at its start, each invoice,
 * payment and credit note in it with the balance after it, and what they owed at its end.
 */
public record Statement(
    CustomerAccountSummary customer,
    LocalDate from,
    LocalDate to,
    Money opening,
    List<Entry> entries,
    Money closing) {
  public enum Kind {
    INVOICE,
    PAYMENT,
    CREDIT_NOTE
  }

  /** {@code amount} raises the balance (an invoice) or lowers it (a payment, a credit note). */
  public record Entry(LocalDate date, Kind kind, String reference, Money amount, Money balance) {}
}
