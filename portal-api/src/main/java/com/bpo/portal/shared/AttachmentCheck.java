package com.bpo.portal.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Evidence files are judged by their first bytes, never by their name or the type the browser
 * claims: a program renamed {@code invoice.pdf} is still a program and is refused. Accepted are
 * PDF, PNG and JPEG up to {@link #MAX_BYTES}; each is kept with its SHA-256.
 */
public final class AttachmentCheck {
  public static final int MAX_BYTES = 5 * 1024 * 1024;
  private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  private AttachmentCheck() {}

  public record Accepted(String fileName, String mediaType, String sha256, byte[] content) {}

  public static Accepted check(String fileName, byte[] content) {
    checkSize(content, MAX_BYTES);
    String mediaType =
        sniff(content)
            .orElseThrow(
                () ->
                    new ProblemException(
                        "attachment-type",
                        "File type not accepted",
                        415,
                        "Only PDF, PNG and JPEG files are accepted, and this file's content is none of them, whatever its name says."));
    return new Accepted(safeName(fileName, mediaType), mediaType, sha256(content), content);
  }

  /**
   * Refuses an empty file (400) and one above {@code maxBytes} (413): the first check of every
   * upload, whatever types it then accepts.
   */
  public static void checkSize(byte[] content, int maxBytes) {
    if (content.length == 0) {
      throw new ProblemException("attachment-empty", "Empty file", 400, "The file is empty.");
    }
    if (content.length > maxBytes) {
      throw new ProblemException(
          "attachment-too-large",
          "File too large",
          413,
          "Files may be at most "
              + maxBytes / (1024 * 1024)
              + " MB; this one has "
              + content.length
              + " bytes.");
    }
  }

  /** The media type the content itself shows, if it is one we accept. */
  public static Optional<String> sniff(byte[] content) {
    if (startsWith(content, PDF)) {
      return Optional.of("application/pdf");
    }
    if (startsWith(content, PNG)) {
      return Optional.of("image/png");
    }
    if (startsWith(content, JPEG)) {
      return Optional.of("image/jpeg");
    }
    return Optional.empty();
  }

  /**
   * The name without any path, control or quoting characters, at most 120 characters, and with the
   * extension of what the file really is, so that a download opens in the right program.
   */
  /** The file extension of an accepted media type. */
  public static String extensionOf(String mediaType) {
    return switch (mediaType) {
      case "application/pdf" -> ".pdf";
      case "image/png" -> ".png";
      default -> ".jpg";
    };
  }

  /**
   * The name without any directory part, blanks around it, or control or quoting characters (each
   * becomes {@code _}); not yet shortened.
   */
  public static String cleanName(String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    // \p{Cc} is every control character (C0 and C1), not only ASCII's; trim before replacing so a
    // trailing tab does not become part of the name
    return name.strip().replaceAll("[\\p{Cc}\"<>|:*?]", "_");
  }

  static String safeName(String fileName, String mediaType) {
    String name = cleanName(fileName);
    String extension = extensionOf(mediaType);
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    boolean extensionMatches =
        lower.endsWith(extension) || (extension.equals(".jpg") && lower.endsWith(".jpeg"));
    if (!extensionMatches) {
      name = name + extension;
    }
    if (name.length() > 120) {
      // keep the last 120 chars (with the extension), never starting inside a two-char character
      int start = name.length() - 120;
      name = name.substring(Character.isLowSurrogate(name.charAt(start)) ? start + 1 : start);
    }
    return name.equals(extension) ? "attachment" + extension : name;
  }

  /** The hex SHA-256 of a file's bytes, as every stored upload records it. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length
        && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }
}
