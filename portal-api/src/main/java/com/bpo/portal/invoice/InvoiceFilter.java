package com.bpo.portal.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What the invoice list is narrowed to; every part optional. */
public record InvoiceFilter(
    Set<InvoiceStatus> statuses,
    Optional<Long> customerId,
    Optional<LocalDate> dueFrom,
    Optional<LocalDate> dueTo,
    Optional<BigDecimal> minTotal,
    Optional<BigDecimal> maxTotal,
    boolean overdueOnly,
    Optional<String> text) {
  /** The statuses of an invoice the customer still owes something on. */
  public static final Set<InvoiceStatus> UNSETTLED =
      Set.copyOf(
          EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.DISPUTED));

  public static InvoiceFilter none() {
    return of(Set.of(), Optional.empty());
  }

  /**
   * The invoices still owed on (open, partly paid or under dispute), of one account when {@code
   * customerId} is present: what a remittance or a dispute can name.
   */
  public static InvoiceFilter unsettled(Optional<Long> customerId) {
    return of(UNSETTLED, customerId);
  }

  private static InvoiceFilter of(Set<InvoiceStatus> statuses, Optional<Long> customerId) {
    return new InvoiceFilter(
        statuses,
        customerId,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty());
  }

  public InvoiceFilter withText(String value) {
    return new InvoiceFilter(
        statuses,
        customerId,
        dueFrom,
        dueTo,
        minTotal,
        maxTotal,
        overdueOnly,
        Optional.ofNullable(value).map(String::trim).filter(s -> !s.isEmpty()));
  }
}
