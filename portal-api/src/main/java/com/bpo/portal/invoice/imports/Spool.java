package com.bpo.portal.invoice.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An upload copied to a file while its SHA-256 is computed, in a small buffer. */
final class Spool {
  private Spool() {}

  /** Copies {@code in} into {@code file} and answers the SHA-256 of what it copied, in hex. */
  static String copy(InputStream in, Path file) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
      in.transferTo(out);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }
}
