package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.sql.PreparedSql;
import com.bpo.portal.shared.sql.TenantSql;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One upload of one kind while it streams, on the transaction's own connection (so row-level
 * security applies): what every kind shares, namely reading the CSV (or JSON lines) a record at a
 * time, checking the header, counting rows, keeping the first errors, and the statements it
 * prepared once for the whole file ({@link TenantSql#prepare}: each names {@code :tenant}, bound
 * there, never by a kind). A kind decides what a row means ({@link #accept}) and writes in JDBC
 * batches; it stops queueing writes at the first error but goes on checking, so that the report
 * lists every bad row. {@link ImportTransaction} rolls the whole file back if there was any.
 */
abstract class CsvImport implements AutoCloseable {
  static final int ERRORS_KEPT = 1000;
  static final int BATCH = 500;
  static final int MESSAGE_KEPT = 1000;

  private final TenantSql sql;
  private final List<FieldError> errors = new ArrayList<>();
  private final List<PreparedSql> statements = new ArrayList<>();
  long errorCount;
  long rows;
  long created;
  long updated;
  long unchanged;
  long refused;

  CsvImport(TenantSql sql) {
    this.sql = sql;
  }

  abstract ImportKind kind();

  /** The columns the header must name (in any order). */
  abstract List<String> columns();

  /**
   * Takes the next data row, numbered {@link #rows}, as its values by column name; {@code
   * unreadable} is null, or the error that makes the row unreadable as a whole (a control
   * character, a JSON line that is not an object), in which case the row counts with its document
   * but is not parsed.
   */
  abstract void accept(Map<String, String> values, FieldError unreadable) throws SQLException;

  /** After the last row: checks what is still pending and, if the file had no error, writes it. */
  abstract void finish() throws SQLException;

  /**
   * A kind's parse of one row that needs nothing but the row (no database, no state of the import),
   * done where the rows are read ({@link RowsAhead}); null when the kind parses in {@link #accept}.
   */
  RowsAhead.Parsed parseAhead(Map<String, String> values, long row) {
    return null;
  }

  /**
   * Takes the next row with what {@link #parseAhead} made of it (null if it parsed nothing); by
   * default the same as {@link #accept(Map, FieldError)}.
   */
  void accept(Map<String, String> values, FieldError unreadable, RowsAhead.Parsed parsed)
      throws SQLException {
    accept(values, unreadable);
  }

  /** Reads a CSV file whose header names the columns, on the caller's thread. */
  ImportReport read(Reader csv, String fileName) throws SQLException {
    return read(csv, fileName, null);
  }

  /**
   * Reads a CSV file whose header names the columns; with {@code threads}, its rows are read and
   * parsed on a thread of their own while this one checks and writes ({@link RowsAhead}).
   */
  ImportReport read(Reader csv, String fileName, ThreadFactory threads) throws SQLException {
    try (CSVParser parser = CsvText.FORMAT.parse(csv)) {
      List<String> header = parser.getHeaderNames();
      Set<String> twice = CsvText.duplicated(header);
      List<String> missing =
          columns().stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
      if (!twice.isEmpty()) {
        error(
            0,
            "header",
            "names the column(s) " + twice + " more than once; each column must appear once");
      } else if (!missing.isEmpty()) {
        error(0, "header", "missing column(s) " + missing + "; expected " + columns());
      } else {
        Iterator<CSVRecord> records = parser.iterator();
        takeAll(
            row -> {
              if (!records.hasNext()) {
                return null;
              }
              CSVRecord record = records.next();
              Optional<String> control = CsvText.withControlCharacter(record, header);
              return new RowsAhead.Raw(
                  record.toMap(),
                  control
                      .map(
                          field ->
                              new FieldError(
                                  (int) row,
                                  field,
                                  "holds a NUL or another control character, which no value may contain"))
                      .orElse(null));
            },
            threads);
        finish();
      }
    } catch (IOException
        | UncheckedIOException
        | IllegalArgumentException
        | IllegalStateException e) {
      fileError(e, "CSV");
    }
    return report(fileName);
  }

  /** Reads JSON lines on the caller's thread. */
  ImportReport readJsonLines(Reader lines, String fileName) throws SQLException {
    return readJsonLines(lines, fileName, null);
  }

  /**
   * Reads JSON lines (NDJSON): one object per line whose members are the columns, values as JSON
   * strings or numbers (written out in full, as in a CSV). A line is read whole but never longer
   * than {@link JsonLines#MAX_LINE} characters.
   */
  ImportReport readJsonLines(Reader lines, String fileName, ThreadFactory threads)
      throws SQLException {
    try {
      JsonLines source = new JsonLines(lines, columns());
      takeAll(
          row -> {
            JsonLines.Line line = source.next(row);
            return line == null ? null : new RowsAhead.Raw(line.values(), line.unreadable());
          },
          threads);
      finish();
    } catch (IOException | UncheckedIOException e) {
      fileError(e, "JSON lines");
    }
    return report(fileName);
  }

  /** Every row of the source, in order, to {@link #accept}. */
  private void takeAll(RowsAhead.Source source, ThreadFactory threads)
      throws IOException, SQLException {
    try (RowsAhead ahead = new RowsAhead(source, this::parseAhead, threads)) {
      for (RowsAhead.Row row = ahead.next(); row != null; row = ahead.next()) {
        rows++;
        accept(row.values(), row.unreadable(), row.parsed());
      }
    }
  }

  private void fileError(Exception e, String format) {
    error(
        rows + 1,
        "file",
        CsvText.notUtf8(e)
            ? "is not UTF-8 text: save it as \"CSV UTF-8\" (other encodings, such as Latin-1, are not read)"
            : "could not be read as " + format + ": " + e.getMessage());
  }

  private ImportReport report(String fileName) {
    boolean rejected = errorCount > 0;
    // in row order, though a kind may find a row's error after later rows' (InvoiceCsvImport
    // decides its invoices a thousand at a time)
    errors.sort(
        java.util.Comparator.comparing(
            FieldError::row, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
    return new ImportReport(
        null,
        kind().name(),
        fileName,
        rejected ? ImportReport.Outcome.REJECTED : ImportReport.Outcome.APPLIED,
        rows,
        rejected ? 0 : created,
        rejected ? 0 : updated,
        rejected ? 0 : unchanged,
        refused,
        errorCount,
        errors);
  }

  void error(FieldError error) {
    errorCount++;
    if (errors.size() < ERRORS_KEPT) {
      String message = error.message();
      // values are quoted at most FieldParser.ECHOED long; this bounds whatever else a message
      // holds
      errors.add(
          message.length() <= MESSAGE_KEPT
              ? error
              : new FieldError(
                  error.row(), error.field(), message.substring(0, MESSAGE_KEPT) + "…"));
    }
  }

  void error(long row, String field, String message) {
    error(new FieldError((int) row, field, message));
  }

  /** Prepared once per upload and closed with it. */
  PreparedSql prepare(String text) {
    PreparedSql statement = sql.prepare(text);
    statements.add(statement);
    return statement;
  }

  @Override
  public void close() {
    statements.forEach(PreparedSql::close);
  }

  /**
   * Ids drawn from a sequence a block at a time, each one used as it comes, as EclipseLink draws
   * them.
   */
  final class Ids {
    private final String sequence;
    private final Deque<Long> ids = new ArrayDeque<>();

    Ids(String sequence) {
      this.sequence = sequence;
    }

    long next() {
      if (ids.isEmpty()) {
        ids.addAll(sql.nextIds(sequence, BATCH));
      }
      return ids.poll();
    }
  }
}
