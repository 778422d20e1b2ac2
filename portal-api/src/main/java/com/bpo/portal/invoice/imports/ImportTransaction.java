package com.bpo.portal.invoice.imports;

import com.bpo.portal.invoice.ReceivablesQueries;
import com.bpo.portal.limits.ConcurrentImports;
import com.bpo.portal.shared.sql.SqlFailure;
import com.bpo.portal.shared.sql.TenantSql;
import com.bpo.portal.tenant.TenantService;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.Reader;
import java.sql.SQLException;

/**
 * The transaction of an upload: the file of any kind is streamed into the active tenant on the
 * transaction's own connection and kept whole, or rolled back whole if any row was wrong.
 */
@TenantService
public class ImportTransaction {
  @Inject TenantSql sql;
  @Inject ReceivablesQueries balances;
  @Inject ConcurrentImports concurrentImports;

  @Resource TransactionSynchronizationRegistry transactions;

  /** The thread that reads and parses the file ahead of this one ({@link RowsAhead}). */
  @Resource ManagedThreadFactory threads;

  public ImportReport apply(ImportKind kind, ImportFormat format, Reader text, String fileName) {
    // a slot of the tenant's and one of the portal's, held until this transaction ends; refused
    // (429) before a row is read when the tenant or the portal runs as many imports as allowed
    concurrentImports.admit(sql);
    // a million rows would mean a million audit records: the import's own run record (written by
    // ImportRuns with the file's SHA-256 and counts) is what the audit trail keeps of it
    sql.global("select set_config('portal.audit', 'summary', true) as audit")
        .one(r -> r.string("audit"));
    // the receivable balances and sales days take the whole file's changes once, before the commit,
    // not once per statement of ten thousand invoices (V106); the commit is refused without the
    // fold
    balances.deferBalances();
    try (CsvImport upload = kind.start(sql)) {
      ImportReport report =
          format == ImportFormat.JSON_LINES
              ? upload.readJsonLines(text, fileName, threads)
              : upload.read(text, fileName, threads);
      if (report.outcome() == ImportReport.Outcome.REJECTED) {
        transactions.setRollbackOnly();
      } else {
        balances.foldDeferredBalances();
      }
      return report;
    } catch (SQLException | SqlFailure e) {
      throw new IllegalStateException("Import failed in the database", e);
    }
  }
}
