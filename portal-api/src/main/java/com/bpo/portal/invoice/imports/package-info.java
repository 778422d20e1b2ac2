/**
 * CSV imports into invoices and receivables: the file is streamed row by row, every row is checked,
 * and the whole file lands in one transaction or, if any row is wrong, not at all; each upload is
 * recorded with its errors so that the report can be downloaded. Format: docs/IMPORT.md.
 */
package com.bpo.portal.invoice.imports;
