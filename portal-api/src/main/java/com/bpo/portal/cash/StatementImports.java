package com.bpo.portal.cash;

import com.bpo.portal.cash.CashRecords.ImportResult;
import com.bpo.portal.shared.OwnTimeout;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A bank statement's import under a transaction timeout of its own, {@code
 * portal.cash.import.timeout.seconds} (default 600): a statement is imported, matched and applied
 * in one transaction, at some 5 ms a line on a two-core server (docs/PERFORMANCE.md, ninth round;
 * 16 ms in the eighth, when a statement of 5,000 lines came within seconds of the server's default,
 * Liberty's 120 s), so the 100,000 lines a statement may hold need more than that default.
 * Deliberately not transactional itself, as {@code invoice.imports.Imports}: {@link OwnTimeout}
 * sets the timeout of the transaction {@link CashService} begins.
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

  /**
   * The thread's transactions, whose next one gets the statement's timeout ({@link OwnTimeout}).
   */
  @Resource UserTransaction threadTransactions;

  public ImportResult importStatement(byte[] content) {
    return OwnTimeout.run(
        threadTransactions,
        timeoutSeconds,
        "portal.cash.import.timeout.seconds",
        () -> cash.importStatement(content));
  }
}
