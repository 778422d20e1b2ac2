package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import java.util.List;

/**
 * What an upload did; {@code kind} is an {@link ImportKind} name. REJECTED means nothing was
 * written; {@code errors} holds the first {@link CsvImport#ERRORS_KEPT} of {@code errorCount}
 * errors. {@code created}, {@code updated} and {@code unchanged} count documents (invoices,
 * accounts, payments), and are 0 when the upload was rejected; {@code refused} counts the documents
 * that had at least one error (a file with any is rejected whole).
 */
public record ImportReport(
    Long id,
    String kind,
    String fileName,
    Outcome outcome,
    long rows,
    long created,
    long updated,
    long unchanged,
    long refused,
    long errorCount,
    List<FieldError> errors) {
  public enum Outcome {
    APPLIED,
    REJECTED
  }

  ImportReport withId(long runId) {
    return new ImportReport(
        runId,
        kind,
        fileName,
        outcome,
        rows,
        created,
        updated,
        unchanged,
        refused,
        errorCount,
        errors);
  }
}
