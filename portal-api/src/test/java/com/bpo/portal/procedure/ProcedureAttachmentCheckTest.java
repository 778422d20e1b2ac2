package com.bpo.portal.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bpo.portal.shared.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ProcedureAttachmentCheckTest {
  static final String WORD_MAIN =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
  static final String EXCEL_MAIN =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

  static byte[] zip(Map<String, String> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static String contentTypes(String main) {
    return "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Override PartName=\"/main\" ContentType=\""
        + main
        + "\"/></Types>";
  }

  static byte[] docx() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("[Content_Types].xml", contentTypes(WORD_MAIN));
    entries.put("word/document.xml", "<w:document/>");
    return zip(entries);
  }

  static byte[] xlsx() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("[Content_Types].xml", contentTypes(EXCEL_MAIN));
    entries.put("xl/workbook.xml", "<workbook/>");
    return zip(entries);
  }

  static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  private static int refusal(String name, byte[] content) {
    return assertThrows(ProblemException.class, () -> ProcedureAttachmentCheck.check(name, content))
        .status();
  }

  @Test
  void pdfDocxAndXlsxAreRecognisedByContent() {
    assertEquals(
        ProcedureAttachmentCheck.PDF, ProcedureAttachmentCheck.check("Flow.pdf", PDF).mediaType());
    assertEquals(
        ProcedureAttachmentCheck.DOCX,
        ProcedureAttachmentCheck.check("Steps.docx", docx()).mediaType());
    assertEquals(
        ProcedureAttachmentCheck.XLSX,
        ProcedureAttachmentCheck.check("Matrix.XLSX", xlsx()).mediaType());
  }

  @Test
  void aNameWithoutExtensionGetsTheOneOfItsContent() {
    assertEquals("Checklist.docx", ProcedureAttachmentCheck.check("Checklist", docx()).fileName());
    assertEquals("v1.2 notes.pdf", ProcedureAttachmentCheck.check("v1.2 notes", PDF).fileName());
    assertEquals("attachment.pdf", ProcedureAttachmentCheck.check("  ", PDF).fileName());
    assertEquals("evil.pdf", ProcedureAttachmentCheck.check("../../etc/evil.pdf", PDF).fileName());
  }

  @Test
  void renamedFilesAreRefused() {
    assertEquals(415, refusal("report.xlsx", docx()));
    assertEquals(415, refusal("report.pdf", xlsx()));
    assertEquals(415, refusal("report.docx", PDF));
    assertEquals(
        415,
        refusal(
            "invoice.pdf",
            "MZ\u0090\u0000 this is a program".getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals(
        415,
        refusal(
            "page.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void macroEnabledPackagesAreRefusedWhateverTheirName() {
    Map<String, String> docm = new LinkedHashMap<>();
    docm.put(
        "[Content_Types].xml",
        contentTypes("application/vnd.ms-word.document.macroEnabled.main+xml"));
    docm.put("word/document.xml", "<w:document/>");
    docm.put("word/vbaProject.bin", "VBA");
    assertEquals(415, refusal("steps.docx", zip(docm)));
    assertEquals(415, refusal("steps.docm", zip(docm)));

    // a VBA project slipped into an otherwise ordinary workbook
    Map<String, String> xlsm = new LinkedHashMap<>();
    xlsm.put("[Content_Types].xml", contentTypes(EXCEL_MAIN));
    xlsm.put("xl/workbook.xml", "<workbook/>");
    xlsm.put("xl/vbaProject.bin", "VBA");
    assertEquals(415, refusal("matrix.xlsx", zip(xlsm)));
  }

  @Test
  void zipsThatAreNotOfficeDocumentsAreRefused() {
    assertEquals(415, refusal("archive.docx", zip(Map.of("readme.txt", "hello"))));
    Map<String, String> noContentTypes = new LinkedHashMap<>();
    noContentTypes.put("word/document.xml", "<w:document/>");
    assertEquals(415, refusal("steps.docx", zip(noContentTypes)));
    Map<String, String> noPart = new LinkedHashMap<>();
    noPart.put("[Content_Types].xml", contentTypes(WORD_MAIN));
    assertEquals(415, refusal("steps.docx", zip(noPart)));
    Map<String, String> both = new LinkedHashMap<>();
    both.put("[Content_Types].xml", contentTypes(WORD_MAIN) + contentTypes(EXCEL_MAIN));
    both.put("word/document.xml", "<w:document/>");
    both.put("xl/workbook.xml", "<workbook/>");
    assertEquals(415, refusal("both.docx", zip(both)));
    assertEquals(415, refusal("broken.docx", new byte[] {'P', 'K', 3, 4, 1, 2, 3}));
  }

  @Test
  void emptyAndOversizedFilesAreRefused() {
    assertEquals(400, refusal("empty.pdf", new byte[0]));
    byte[] big = new byte[ProcedureAttachmentCheck.MAX_BYTES + 1];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    assertEquals(413, refusal("big.pdf", big));
  }

  @Test
  void theFingerprintIsTheSha256OfTheBytes() {
    // the accepted file carries the hash of its own bytes (sha256sum of "%PDF-1.7\n%%EOF\n")
    assertEquals(
        "1e7313ace78f0fb481a486939b4885902663102818090805515553d84e0bbfd3",
        ProcedureAttachmentCheck.check("Flow.pdf", PDF).sha256());
  }

  @Test
  void controlAndQuotingCharactersInTheNameAreReplaced() {
    assertEquals("a_b_c.pdf", ProcedureAttachmentCheck.check("a\tb\"c.pdf", PDF).fileName());
  }
}
