/**
 * CSV imports of invoices, customer accounts and payments applied to invoices: the file is streamed
 * row by row, every row is checked, and the whole file lands in one transaction or, if any row is
 * wrong, not at all; each upload is recorded with its errors so that the report can be downloaded.
 * Formats: docs/IMPORT.md.
 */
package com.bpo.portal.invoice.imports;
