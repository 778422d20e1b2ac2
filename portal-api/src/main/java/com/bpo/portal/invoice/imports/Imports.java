package com.bpo.portal.invoice.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Runs an upload: the import in one transaction (kept or rolled back whole), then its record in
 * another, so that a rejected file leaves its report and nothing else. Deliberately not
 * transactional itself.
 */
@ApplicationScoped
public class Imports {
  @Inject ImportTransaction transaction;
  @Inject ImportRuns runs;

  public ImportReport importFile(ImportKind kind, InputStream upload, String fileName) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    ImportReport report;
    try (Reader csv = new InputStreamReader(new DigestInputStream(upload, sha256), StandardCharsets.UTF_8)) {
      report = transaction.apply(kind, csv, fileName);
    }
    return runs.record(report, HexFormat.of().formatHex(sha256.digest()));
  }
}
