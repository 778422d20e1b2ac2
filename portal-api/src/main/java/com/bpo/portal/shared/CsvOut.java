package com.bpo.portal.shared;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer of the portal: RFC 4180, UTF-8, a header, and no cell that a spreadsheet would
 * run as a formula. Text beginning with {@code = + - @}, a tab or a carriage return is prefixed
 * with a single quote (OWASP, "CSV Injection"), so that {@code =cmd|' /C calc'!A0} as a customer's
 * name is shown, not run. Numbers are written as plain decimals and left alone, and so is text that
 * is exactly a plain number (a negative amount written as {@code -12.50} is a number, not a
 * formula).
 */
public final class CsvOut implements Closeable, Flushable {
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
  private final CSVPrinter printer;

  private CsvOut(Appendable out, String... header) throws IOException {
    this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get());
  }

  /** Writes UTF-8 to the stream; closing this closes the stream. */
  public static CsvOut to(OutputStream out, String... header) throws IOException {
    return new CsvOut(new OutputStreamWriter(out, StandardCharsets.UTF_8), header);
  }

  public static CsvOut to(Appendable out, String... header) throws IOException {
    return new CsvOut(out, header);
  }

  /** One record; null cells are empty. */
  public void row(Object... cells) throws IOException {
    printer.printRecord(Arrays.stream(cells).map(CsvOut::cell).toArray());
  }

  /** What a value becomes in a cell: never the start of a formula. */
  static String cell(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Number number) {
      return number.toString();
    }
    String text = value.toString();
    if (text.isEmpty() || PLAIN_NUMBER.matcher(text).matches()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }

  @Override
  public void flush() throws IOException {
    printer.flush();
  }

  @Override
  public void close() throws IOException {
    printer.close();
  }
}
