package com.bpo.portal.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AttachmentCheckTest {
  private static final byte[] PDF = ascii("%PDF-1.7\n%evidence\n");
  private static final byte[] PNG =
      bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R');
  private static final byte[] JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0);

  @Test
  void aPdfIsAcceptedWithItsRealSha256() {
    AttachmentCheck.Accepted accepted = AttachmentCheck.check("invoice 4711.pdf", PDF);
    assertEquals("application/pdf", accepted.mediaType());
    assertEquals("invoice 4711.pdf", accepted.fileName());
    // sha256sum of the same bytes
    assertEquals(
        "0d9ae5041aaf0e471997d871514fdb635c11eb70e3abed25470fe2402ff2e5be", accepted.sha256());
    assertArrayEquals(PDF, accepted.content());
  }

  @Test
  void aPngIsAcceptedAsAPng() {
    AttachmentCheck.Accepted accepted = AttachmentCheck.check("scan.png", PNG);
    assertEquals("image/png", accepted.mediaType());
    assertEquals("scan.png", accepted.fileName());
  }

  @Test
  void aJpegIsAcceptedAsAJpeg() {
    AttachmentCheck.Accepted accepted = AttachmentCheck.check("photo.jpeg", JPEG);
    assertEquals("image/jpeg", accepted.mediaType());
    assertEquals("photo.jpeg", accepted.fileName());
  }

  @Test
  void sha256IsTheStandardDigestInLowerCaseHex() {
    // FIPS 180-2 test vector for "abc"
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        AttachmentCheck.sha256(ascii("abc")));
  }

  @Test
  void anEmptyFileIsRefusedAs400() {
    assertEquals(400, refusal("invoice.pdf", new byte[0]).status());
  }

  @Test
  void aFileOfExactlyTheLimitIsAccepted() {
    assertEquals(
        "application/pdf",
        AttachmentCheck.check("big.pdf", pdfOfSize(AttachmentCheck.MAX_BYTES)).mediaType());
  }

  @Test
  void aFileOneByteOverTheLimitIsRefusedAs413() {
    assertEquals(413, refusal("big.pdf", pdfOfSize(AttachmentCheck.MAX_BYTES + 1)).status());
  }

  @Test
  void theLimitIsFiveMebibytes() {
    assertEquals(5 * 1024 * 1024, AttachmentCheck.MAX_BYTES);
  }

  @Test
  void aWindowsProgramRenamedInvoicePdfIsRefusedAs415() {
    byte[] program = bytes('M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0);
    assertEquals(415, refusal("invoice.pdf", program).status());
  }

  private static Stream<Arguments> contentsThatAreNoneOfTheAcceptedTypes() {
    return Stream.of(
        Arguments.of("plain text named .pdf", ascii("hello, this is not a PDF")),
        Arguments.of("HTML named .png", ascii("<html><script>alert(1)</script></html>")),
        Arguments.of("SVG named .png", ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")),
        Arguments.of("ZIP", bytes('P', 'K', 3, 4, 20, 0, 0, 0)),
        Arguments.of("GIF", ascii("GIF89a\u0001\u0000\u0001\u0000")),
        Arguments.of("PDF magic without the dash", ascii("%PDF1.7 and more text")),
        Arguments.of("PDF magic not at the start", ascii(" %PDF-1.7")),
        Arguments.of("shorter than any magic", ascii("%P")),
        Arguments.of("PNG signature cut after four bytes", bytes(0x89, 'P', 'N', 'G')),
        Arguments.of(
            "PNG signature with a wrong byte",
            bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, 'X', 0, 0)),
        Arguments.of("JPEG start of image without the marker byte", bytes(0xff, 0xd8)),
        Arguments.of("a single zero byte", bytes(0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contentsThatAreNoneOfTheAcceptedTypes")
  void contentThatIsNoneOfTheAcceptedTypesIsRefusedAs415WhateverItsName(
      String what, byte[] content) {
    assertEquals(415, refusal("evidence.pdf", content).status());
    assertEquals(415, refusal("evidence.png", content).status());
  }

  @Test
  void theNameGetsTheExtensionOfWhatTheFileReallyIs() {
    assertEquals("invoice.pdf.png", AttachmentCheck.check("invoice.pdf", PNG).fileName());
  }

  @ParameterizedTest
  @CsvSource({
    "invoice.PDF, application/pdf, invoice.PDF",
    "scan.PNG, image/png, scan.PNG",
    "photo.jpg, image/jpeg, photo.jpg",
    "photo.JPEG, image/jpeg, photo.JPEG",
    "photo.png, image/jpeg, photo.png.jpg",
    "report, application/pdf, report.pdf",
    "report.jpg, image/png, report.jpg.png"
  })
  void anExtensionIsKeptOnlyWhenItMatchesTheContent(
      String name, String mediaType, String expected) {
    assertEquals(expected, AttachmentCheck.safeName(name, mediaType));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../../etc/passwd.pdf",
        "/var/tmp/passwd.pdf",
        "C:\\Users\\ann\\passwd.pdf",
        "..\\..\\passwd.pdf",
        "dir/sub\\passwd.pdf"
      })
  void anyPathIsDropped(String name) {
    assertEquals("passwd.pdf", AttachmentCheck.safeName(name, "application/pdf"));
  }

  @Test
  void controlAndQuotingCharactersAreReplaced() {
    assertEquals(
        "a_b_c_d_e_f_g_h_i_j_k.pdf",
        AttachmentCheck.safeName("a\rb\nc\u0000d\"e<f>g|h:i*j?k.pdf", "application/pdf"));
  }

  @Test
  void surroundingBlanksAreStripped() {
    assertEquals("scan.png", AttachmentCheck.safeName("  scan.png  ", "image/png"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "folder/", "C:\\folder\\", ".pdf"})
  void aNameThatLeavesNothingBecomesAttachment(String name) {
    assertEquals("attachment.pdf", AttachmentCheck.safeName(name, "application/pdf"));
  }

  @Test
  void aLongNameIsCutTo120CharactersKeepingItsExtension() {
    String name = "x".repeat(300) + ".pdf";
    String safe = AttachmentCheck.safeName(name, "application/pdf");
    assertEquals(120, safe.length());
    assertTrue(safe.endsWith(".pdf"), safe);
  }

  @Test
  void aNameOf120CharactersIsKeptWhole() {
    String name = "y".repeat(116) + ".png";
    assertEquals(name, AttachmentCheck.safeName(name, "image/png"));
  }

  @Test
  void aLongNameWithTheWrongExtensionIsCutAfterTheRealOneIsAdded() {
    String safe = AttachmentCheck.safeName("z".repeat(200) + ".exe", "image/jpeg");
    assertEquals(120, safe.length());
    assertTrue(safe.endsWith(".exe.jpg"), safe);
  }

  @Test
  void aCutNeverLeavesHalfACharacter() {
    String name =
        "x" + "\uD83D\uDCC4".repeat(60) + "a.pdf"; // 126 chars; the cut at 6 falls inside an emoji
    String safe = AttachmentCheck.safeName(name, "application/pdf");
    assertTrue(safe.length() <= 120, safe);
    assertTrue(!Character.isLowSurrogate(safe.charAt(0)), "starts with half a character");
  }

  @Test
  void c1ControlCharactersAreReplacedToo() {
    assertEquals("a_b_.pdf", AttachmentCheck.safeName("a\u0085b\u009b.pdf", "application/pdf"));
  }

  private static ProblemException refusal(String name, byte[] content) {
    return assertThrows(ProblemException.class, () -> AttachmentCheck.check(name, content));
  }

  private static byte[] pdfOfSize(int size) {
    byte[] content = Arrays.copyOf(PDF, size);
    Arrays.fill(content, PDF.length, size, (byte) ' ');
    return content;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (byte) values[i];
    }
    return result;
  }
}
