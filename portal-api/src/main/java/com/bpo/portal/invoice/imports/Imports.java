package com.bpo.portal.invoice.imports;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs an upload: the import in one transaction (kept or rolled back whole), then its record in
 * another, so that a rejected file leaves its report and nothing else. Deliberately not
 * transactional itself: it gives the import's transaction its own timeout, {@code
 * portal.import.timeout.seconds} (default 1800), because a million-row file does not fit in the
 * server's default (Liberty: 120 s), and every other transaction keeps that default.
 */
@ApplicationScoped
public class Imports {
  /**
   * The default of {@code portal.import.timeout.seconds}: half an hour, about 5 times a
   * 1,000,000-invoice file.
   */
  static final int DEFAULT_TIMEOUT_SECONDS = 1800;

  @Inject ImportTransaction transaction;
  @Inject ImportRuns runs;

  @Inject
  @ConfigProperty(
      name = "portal.import.timeout.seconds",
      defaultValue = "" + DEFAULT_TIMEOUT_SECONDS)
  int timeoutSeconds;

  /**
   * Sets the timeout of the next transaction this thread begins; 0 gives the server's default back.
   */
  @Resource UserTransaction threadTransactions;

  /** A CSV file. */
  public ImportReport importFile(ImportKind kind, InputStream upload, String fileName)
      throws IOException {
    return importFile(kind, ImportFormat.CSV, upload, fileName);
  }

  public ImportReport importFile(
      ImportKind kind, ImportFormat format, InputStream upload, String fileName)
      throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    ImportReport report;
    try (Reader text = CsvText.utf8(new DigestInputStream(upload, sha256))) {
      transactionTimeout(timeoutSeconds);
      try {
        report = transaction.apply(kind, format, text, fileName);
      } finally {
        transactionTimeout(
            0); // the record, and whatever this pooled thread runs next, get the default
      }
    }
    return runs.record(report, HexFormat.of().formatHex(sha256.digest()));
  }

  private void transactionTimeout(int seconds) {
    if (seconds < 0) {
      throw new IllegalStateException(
          "portal.import.timeout.seconds must be 0 (the server's default) or more");
    }
    try {
      threadTransactions.setTransactionTimeout(seconds);
    } catch (SystemException e) {
      throw new IllegalStateException("Could not set the import's transaction timeout", e);
    }
  }
}
