package com.bpo.portal.invoice.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.Problem.FieldError;
import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the reading of an upload refuses or accepts before any kind sees a row (no database needed).
 */
class CsvReadingTest {
  /** A kind that only keeps the rows it is given. */
  private static final class Kept extends CsvImport {
    final List<String> numbers = new ArrayList<>();

    Kept() {
      super(null);
    }

    @Override
    ImportKind kind() {
      return ImportKind.CUSTOMERS;
    }

    @Override
    List<String> columns() {
      return List.of("number", "name");
    }

    @Override
    void accept(Map<String, String> values, FieldError unreadable) {
      if (unreadable != null) {
        error(unreadable);
      } else {
        numbers.add(values.get("number"));
      }
    }

    @Override
    void finish() {}
  }

  private static Kept kept;

  private static ImportReport read(byte[] bytes) throws Exception {
    kept = new Kept();
    try (Reader reader = CsvText.utf8(new ByteArrayInputStream(bytes))) {
      return kept.read(reader, "test.csv");
    }
  }

  /** The same, with the rows read ahead on a thread of their own, as the server reads them. */
  private static ImportReport readAhead(byte[] bytes) throws Exception {
    kept = new Kept();
    try (Reader reader = CsvText.utf8(new ByteArrayInputStream(bytes))) {
      return kept.read(reader, "test.csv", Thread::new);
    }
  }

  private static ImportReport read(String text) throws Exception {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aHeaderNamingAColumnTwiceIsRefused() throws Exception {
    ImportReport report = read("number,name,number\nA-1,Acme,x\n");
    assertEquals(ImportReport.Outcome.REJECTED, report.outcome());
    FieldError error = report.errors().get(0);
    assertEquals("header", error.field());
    assertTrue(error.message().contains("[number]"), error.message());
    assertEquals(List.of(), kept.numbers, "no row is read under an ambiguous header");
  }

  @Test
  void aUtf8ByteOrderMarkIsAccepted() throws Exception {
    byte[] text = "number,name\nA-1,Zoë\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    ImportReport report = read(withBom);
    assertEquals(ImportReport.Outcome.APPLIED, report.outcome(), report.errors().toString());
    assertEquals(List.of("A-1"), kept.numbers);
  }

  @Test
  void aLatin1FileIsRefusedAsNotUtf8() throws Exception {
    ImportReport report = read("number,name\nA-1,Zoë Café\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(ImportReport.Outcome.REJECTED, report.outcome());
    FieldError error = report.errors().get(0);
    assertEquals("file", error.field());
    assertTrue(error.message().contains("UTF-8"), error.message());
  }

  @Test
  void aValueWithANulByteIsRefusedAndNamesItsColumn() throws Exception {
    ImportReport report = read("number,name\nA-1,Ac\u0000me\nA-2,Globex\n");
    assertEquals(ImportReport.Outcome.REJECTED, report.outcome());
    assertEquals(
        new FieldError(
            1, "name", "holds a NUL or another control character, which no value may contain"),
        report.errors().get(0));
    assertEquals(List.of("A-2"), kept.numbers, "the bad row never reaches the kind");
  }

  @Test
  void readAheadTheRowsAndTheirErrorsAreTheSameAndInOrder() throws Exception {
    StringBuilder csv = new StringBuilder("number,name\n");
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 2_600; i++) {
      if (i % 1_000 == 0) {
        csv.append("N-").append(i).append(",Ac\u0001me\n");
      } else {
        csv.append("N-").append(i).append(",Name ").append(i).append('\n');
        expected.add("N-" + i);
      }
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    ImportReport inline = read(bytes);
    ImportReport ahead = readAhead(bytes);
    assertEquals(expected, kept.numbers);
    assertEquals(inline, ahead);
    assertEquals(2_600, ahead.rows());
    assertEquals(List.of(1_000, 2_000), ahead.errors().stream().map(FieldError::row).toList());
  }

  @Test
  void readAheadALatin1FileIsStillRefusedAsNotUtf8AfterTheRowsBeforeIt() throws Exception {
    StringBuilder csv = new StringBuilder("number,name\n");
    for (int i = 1; i <= 3_000; i++) {
      csv.append("N-").append(i).append(",Acme\n");
    }
    csv.append("N-3001,Zoë Café\n");
    byte[] bytes = csv.toString().getBytes(StandardCharsets.ISO_8859_1);
    ImportReport inline = read(bytes);
    List<String> inlineNumbers = List.copyOf(kept.numbers);
    ImportReport ahead = readAhead(bytes);
    assertEquals(ImportReport.Outcome.REJECTED, ahead.outcome());
    assertEquals(inline, ahead);
    assertTrue(inlineNumbers.size() > 2_000, "rows before the bad bytes: " + inlineNumbers.size());
    assertEquals(inlineNumbers, kept.numbers, "the rows read before the failure, all of them");
    FieldError error = ahead.errors().get(0);
    assertEquals("file", error.field());
    assertTrue(error.message().contains("UTF-8"), error.message());
  }

  @Test
  void aHugeBadValueIsQuotedOnlyInPart() {
    String echoed = FieldParser.echo("x".repeat(10_000_000));
    assertTrue(echoed.length() < FieldParser.ECHOED + 40, "length " + echoed.length());
    assertTrue(echoed.endsWith("(10000000 characters)"), echoed.substring(FieldParser.ECHOED));
  }

  @Test
  void everyMessageIsBoundedWhateverItQuotes() throws Exception {
    Kept upload = new Kept();
    upload.error(3, "file", "y".repeat(50_000));
    // the report lists errors in row order: the empty file's header error (row 0) comes first
    assertEquals(
        CsvImport.MESSAGE_KEPT + 1,
        upload.read(Reader.nullReader(), "f").errors().stream()
            .filter(e -> e.row() == 3)
            .findFirst()
            .orElseThrow()
            .message()
            .length());
  }
}
