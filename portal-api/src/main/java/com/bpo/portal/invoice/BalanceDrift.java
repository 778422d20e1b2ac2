package com.bpo.portal.invoice;

import java.time.LocalDate;

/**
 * One key where a kept summary differs from its invoices: {@code summary} names the table
 * (receivable_balance, keyed by customer, currency and due date; invoice_sales_day, by currency and
 * issue date), {@code expected} what the invoices say and {@code actual} what the table holds
 * (JSON, null where the key is missing on that side).
 */
public record BalanceDrift(
    String summary,
    Long customerId,
    String currency,
    LocalDate day,
    String expected,
    String actual) {}
