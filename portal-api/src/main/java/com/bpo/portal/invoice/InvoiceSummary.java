package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of the invoice list. */
public record InvoiceSummary(
    Long id,
    String number,
    Long customerId,
    String customerNumber,
    String customerName,
    LocalDate issueDate,
    LocalDate dueDate,
    Money total,
    Money open,
    InvoiceStatus status) {
  /** The shape a JPQL constructor expression can fill. */
  public InvoiceSummary(
      Long id,
      String number,
      Long customerId,
      String customerNumber,
      String customerName,
      LocalDate issueDate,
      LocalDate dueDate,
      String currency,
      BigDecimal total,
      BigDecimal open,
      InvoiceStatus status) {
    this(
        id,
        number,
        customerId,
        customerNumber,
        customerName,
        issueDate,
        dueDate,
        new Money(total, currency),
        new Money(open, currency),
        status);
  }
}
