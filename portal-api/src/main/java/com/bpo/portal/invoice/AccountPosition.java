package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a customer account stands today, as an AR portal leads with it: what is due in all, what of
 * it is overdue (and not under dispute) on how many invoices, and the next due date still ahead.
 */
public record AccountPosition(
    long customerId,
    String customerNumber,
    String customerName,
    Money balanceDue,
    Money overdue,
    long overdueInvoices,
    Optional<LocalDate> nextDue,
    Money nextDueAmount) {}
