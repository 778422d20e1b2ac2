package com.bpo.portal.cash;

import com.bpo.portal.cash.CashRecords.ImportResult;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A bank statement's import under a transaction timeout of its own, {@code
 * portal.cash.import.timeout.seconds} (default 600): a statement is imported, matched and applied
 * in one transaction, at some 16 ms a line on a two-core server (docs/PERFORMANCE.md, eighth
 * round), so a statement of 5,000 lines came within seconds of the server's default (Liberty: 120
 * s) and one of 10,000 would have been rolled back whole. Deliberately not transactional itself, as
 * {@code invoice.imports.Imports}: it sets the timeout of the transaction {@link CashService}
 * begins, and gives the server's default back to whatever this pooled thread runs next.
 */
@ApplicationScoped
public class StatementImports {
  static final int DEFAULT_TIMEOUT_SECONDS = 600;

  @Inject CashService cash;

  @Inject
  @ConfigProperty(
      name = "portal.cash.import.timeout.seconds",
      defaultValue = "" + DEFAULT_TIMEOUT_SECONDS)
  int timeoutSeconds;

  /** Sets the timeout of the next transaction this thread begins; 0 gives the server's default. */
  @Resource UserTransaction threadTransactions;

  public ImportResult importStatement(byte[] content) {
    transactionTimeout(timeoutSeconds);
    try {
      return cash.importStatement(content);
    } finally {
      transactionTimeout(0);
    }
  }

  private void transactionTimeout(int seconds) {
    if (seconds < 0) {
      throw new IllegalStateException(
          "portal.cash.import.timeout.seconds must be 0 (the server's default) or more");
    }
    try {
      threadTransactions.setTransactionTimeout(seconds);
    } catch (SystemException e) {
      throw new IllegalStateException("Could not set the statement import's timeout", e);
    }
  }
}
