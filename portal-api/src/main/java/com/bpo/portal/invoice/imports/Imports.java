package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.OwnTimeout;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  /** The thread's transactions, whose next one gets the import's timeout ({@link OwnTimeout}). */
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
      report =
          OwnTimeout.run(
              threadTransactions,
              timeoutSeconds,
              "portal.import.timeout.seconds",
              () -> transaction.apply(kind, format, text, fileName));
    }
    return runs.record(report, HexFormat.of().formatHex(sha256.digest()));
  }
}
