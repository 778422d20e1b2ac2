package com.bpo.portal.invoice.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * How an uploaded file becomes text and records, before any kind reads a row: UTF-8 only (a Latin-1
 * file is refused, not stored as mojibake), with or without the byte-order mark spreadsheets write
 * for "CSV UTF-8"; a header naming a column twice is refused (otherwise the last one silently
 * wins); and no value may hold a NUL or another control character, which PostgreSQL's text refuses
 * (or would store unseen).
 */
final class CsvText {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /**
   * Header and rows of an upload; duplicated header names are kept here so that they can be
   * refused.
   */
  static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
          .get();

  private CsvText() {}

  /** The upload as text: strict UTF-8 (a malformed byte fails the read), a leading BOM skipped. */
  static Reader utf8(InputStream upload) throws IOException {
    InputStream in = upload.markSupported() ? upload : new BufferedInputStream(upload);
    in.mark(BOM.length);
    byte[] start = in.readNBytes(BOM.length);
    if (!java.util.Arrays.equals(start, BOM)) {
      in.reset();
    }
    return new InputStreamReader(
        in,
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /** True when a failure came from bytes that are not UTF-8. */
  static boolean notUtf8(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CharacterCodingException) {
        return true;
      }
    }
    return false;
  }

  /** The header names that appear more than once, each named once. */
  static Set<String> duplicated(List<String> headerNames) {
    Set<String> seen = new HashSet<>();
    Set<String> twice = new LinkedHashSet<>();
    for (String name : headerNames) {
      if (!seen.add(name)) {
        twice.add(name);
      }
    }
    return twice;
  }

  /** The first column whose value holds a control character other than tab, if any. */
  static Optional<String> withControlCharacter(CSVRecord record, List<String> headerNames) {
    for (int i = 0; i < record.size(); i++) {
      if (hasControlCharacter(record.get(i))) {
        return Optional.of(i < headerNames.size() ? headerNames.get(i) : "column " + (i + 1));
      }
    }
    return Optional.empty();
  }

  /** The same for values by name (JSON lines). */
  static Optional<String> withControlCharacter(Map<String, String> values) {
    return values.entrySet().stream()
        .filter(e -> hasControlCharacter(e.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .findFirst();
  }

  private static boolean hasControlCharacter(String value) {
    for (int c = 0; c < value.length(); c++) {
      char ch = value.charAt(c);
      if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0x7f) {
        return true;
      }
    }
    return false;
  }
}
