/**
 * Cash application: bank statements in (camt.053, MT940, CSV; {@code StatementParsers}), each
 * credit line matched to open invoices by ordered, pure rules ({@code CashMatcher}, docs/CASH.md),
 * applied above the tenant's confidence threshold through the invoice feature ({@code
 * invoice.PaymentApplication}), a short payment opened as a deduction through the dispute feature,
 * and the rest left in the exception queue (unapplied cash) for a person to apply, split, put on
 * account or mark for refund. SQL lives in the query classes ({@code StatementQueries}, {@code
 * MatchQueries}) through {@code shared.sql.TenantSql}.
 */
package com.bpo.portal.cash;
