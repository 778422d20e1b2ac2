package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
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
    InvoiceStatus status) {}
