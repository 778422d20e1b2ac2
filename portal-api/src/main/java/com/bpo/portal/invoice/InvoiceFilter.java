package com.bpo.portal.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
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
  public static InvoiceFilter none() {
    return new InvoiceFilter(
        Set.of(),
        Optional.empty(),
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
