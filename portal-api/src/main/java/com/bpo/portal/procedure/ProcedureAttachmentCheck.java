package com.bpo.portal.procedure;

import com.bpo.portal.shared.AttachmentCheck;
import com.bpo.portal.shared.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Procedure attachments (PDF, DOCX, XLSX) are judged by content, like dispute evidence ({@link
 * AttachmentCheck}, whose size check and fingerprint it shares). A PDF starts with {@code %PDF-}.
 * DOCX and XLSX are ZIP packages: they must hold {@code [Content_Types].xml} declaring the main
 * part of a document or a workbook, and its part ({@code word/document.xml} or {@code
 * xl/workbook.xml}). Macro-enabled packages (a VBA project, a macroEnabled content type) are
 * refused, and so is a file whose name claims another type than its content: a renamed file is not
 * trusted to be anything.
 */
public final class ProcedureAttachmentCheck {
  public static final int MAX_BYTES = 10 * 1024 * 1024;
  public static final String PDF = "application/pdf";
  public static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final int MAX_ENTRIES = 2000;
  private static final int MAX_CONTENT_TYPES = 256 * 1024;
  private static final Set<String> KNOWN_EXTENSIONS =
      Set.of(
          "pdf", "docx", "xlsx", "docm", "xlsm", "dotx", "dotm", "xltx", "xltm", "doc", "xls",
          "zip", "exe", "js", "html", "htm", "svg", "png", "jpg", "jpeg", "txt", "csv");

  private ProcedureAttachmentCheck() {}

  public record Accepted(String fileName, String mediaType, String sha256) {}

  public static Accepted check(String fileName, byte[] content) {
    AttachmentCheck.checkSize(content, MAX_BYTES);
    String mediaType =
        sniff(content)
            .orElseThrow(
                () ->
                    refuse(
                        "Only PDF, Word (DOCX) and Excel (XLSX) files without macros are accepted, and this file's content is none of "
                            + "them, whatever its name says."));
    String extension = extensionOf(mediaType);
    String name = safeName(fileName);
    String claimed = claimedExtension(name);
    if (claimed != null && !claimed.equals(extension)) {
      throw refuse(
          "The file is named ."
              + claimed
              + " but its content is a "
              + extension.toUpperCase(Locale.ROOT)
              + " file. Renamed files are refused.");
    }
    if (claimed == null) {
      name = name + "." + extension;
    }
    return new Accepted(name, mediaType, AttachmentCheck.sha256(content));
  }

  /** The accepted type the content shows, if any. */
  static Optional<String> sniff(byte[] content) {
    if (startsWith(content, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(content, ZIP_MAGIC)) {
      return officeType(content);
    }
    return Optional.empty();
  }

  private static Optional<String> officeType(byte[] content) {
    Set<String> names = new HashSet<>();
    String contentTypes = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (names.size() >= MAX_ENTRIES) {
          return Optional.empty();
        }
        String name = entry.getName();
        names.add(name.toLowerCase(Locale.ROOT));
        if (name.equals("[Content_Types].xml")) {
          byte[] xml = zip.readNBytes(MAX_CONTENT_TYPES + 1);
          if (xml.length > MAX_CONTENT_TYPES) {
            return Optional.empty();
          }
          contentTypes = new String(xml, StandardCharsets.UTF_8);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty(); // not a readable ZIP: not a document we accept
    }
    if (contentTypes == null) {
      return Optional.empty();
    }
    String types = contentTypes.toLowerCase(Locale.ROOT);
    boolean macros =
        types.contains("macroenabled")
            || types.contains("vbaproject")
            || names.stream()
                .anyMatch(n -> n.endsWith("vbaproject.bin") || n.endsWith("vbadata.xml"));
    if (macros) {
      throw refuse(
          "Files with macros are refused: save the document as .docx or .xlsx without macros.");
    }
    boolean word =
        names.contains("word/document.xml")
            && types.contains(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
    boolean excel =
        names.contains("xl/workbook.xml")
            && types.contains(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    if (word == excel) {
      return Optional.empty(); // neither, or a package claiming to be both
    }
    return Optional.of(word ? DOCX : XLSX);
  }

  static String extensionOf(String mediaType) {
    return switch (mediaType) {
      case PDF -> "pdf";
      case DOCX -> "docx";
      default -> "xlsx";
    };
  }

  /** The name without any path, control or quoting characters, at most 120 characters. */
  static String safeName(String fileName) {
    String name = AttachmentCheck.cleanName(fileName);
    if (name.length() > 120) {
      int start = name.length() - 120;
      name = name.substring(Character.isLowSurrogate(name.charAt(start)) ? start + 1 : start);
    }
    return name.isBlank() || name.startsWith(".") ? "attachment" + name : name;
  }

  /**
   * The extension the name claims, if it is one we know of (otherwise the dot is part of the name).
   */
  private static String claimedExtension(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return null;
    }
    String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return KNOWN_EXTENSIONS.contains(extension) ? extension : null;
  }

  private static ProblemException refuse(String detail) {
    return new ProblemException("attachment-type", "File type not accepted", 415, detail);
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length
        && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }
}
