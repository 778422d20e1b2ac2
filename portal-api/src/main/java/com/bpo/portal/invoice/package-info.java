/**
 * Invoices and receivables. So far: customer accounts (the client's debtors) and the binding of a
 * customer's sign-in to exactly one account, which is what customer self-service is scoped by.
 */
package com.bpo.portal.invoice;
