/**
 * Invoices and receivables: customer accounts (the client's debtors) and the binding of a
 * customer's sign-in to exactly one account, which is what customer self-service is scoped by;
 * invoices, their lines, payments and credit notes; aging, DSO and statements. Every change of an
 * invoice's money outside an import goes through {@link com.bpo.portal.invoice.InvoiceLedger}; the
 * SQL is in the {@code *Queries} classes.
 */
package com.bpo.portal.invoice;
