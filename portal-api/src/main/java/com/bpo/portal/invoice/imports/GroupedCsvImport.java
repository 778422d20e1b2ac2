package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An import whose documents span several consecutive rows (an invoice and its lines, a payment and
 * its allocations). Rows are gathered until the key column changes, then the document is checked as
 * a whole; a key seen again after other documents is refused, since a document's rows must be
 * together. Only the current document's rows are held, and the keys already seen as digests.
 */
abstract class GroupedCsvImport<R> extends CsvImport {
  /** Keys finished in this file ({@link SeenNumbers}): one seen again later is a duplicate. */
  private final SeenNumbers finished = new SeenNumbers();

  /** The rows of the document being read (null for a row with field errors), and its key. */
  private final List<R> current = new ArrayList<>();

  private String currentKey;
  private boolean currentBroken;

  /** The error count when the current document started: any more, and it is refused. */
  private long errorsBefore;

  GroupedCsvImport(com.bpo.portal.shared.sql.TenantSql sql) {
    super(sql);
  }

  /** The column naming a document, e.g. {@code invoice_number}. */
  abstract String keyColumn();

  /** What a document is called in messages, e.g. "invoice", and what its key is, e.g. "number". */
  abstract String documentWord();

  abstract String keyWord();

  /** One row parsed, or null when it has field errors (added to {@code errors}). */
  abstract R parse(Map<String, String> values, long row, List<FieldError> errors);

  /** Checks a finished document's valid rows as a whole and queues it for writing. */
  abstract void complete(List<R> rows) throws SQLException;

  /** A row's fields need nothing else: they are parsed where the rows are read. */
  @Override
  final RowsAhead.Parsed parseAhead(Map<String, String> values, long row) {
    List<FieldError> rowErrors = new ArrayList<>();
    R parsed = parse(values, row, rowErrors);
    return new RowsAhead.Parsed(parsed, rowErrors);
  }

  @Override
  final void accept(Map<String, String> values, FieldError unreadable) throws SQLException {
    accept(values, unreadable, unreadable == null ? parseAhead(values, rows) : null);
  }

  /** {@code parsed} is what {@link #parseAhead} made of the row; null when it is unreadable. */
  @Override
  @SuppressWarnings("unchecked") // parsed.row() is what parseAhead made: an R
  final void accept(Map<String, String> values, FieldError unreadable, RowsAhead.Parsed parsed)
      throws SQLException {
    List<FieldError> rowErrors = new ArrayList<>();
    R row = null;
    if (unreadable != null) {
      rowErrors.add(unreadable);
    } else {
      row = (R) parsed.row();
      rowErrors.addAll(parsed.errors());
    }
    String key = values.getOrDefault(keyColumn(), "").trim();
    if (!current.isEmpty() && !key.equals(currentKey)) {
      flush();
    }
    if (current.isEmpty()) {
      currentKey = key;
      errorsBefore = errorCount;
      if (finished.contains(key)) {
        error(
            rows,
            keyColumn(),
            "'"
                + FieldParser.echo(key)
                + "' appears again after other "
                + documentWord()
                + "s: a "
                + documentWord()
                + "'s rows must be together and its "
                + keyWord()
                + " unique");
        currentBroken = true;
      }
    }
    rowErrors.forEach(this::error);
    current.add(row); // null for a row with field errors: the document is then not written
    currentBroken |= row == null;
  }

  /** Writes what the documents queued, once the whole file is known to be good. */
  abstract void executeBatches() throws SQLException;

  /**
   * After each document has been checked and counted (refused or not): a kind that decides
   * documents several at a time (one look-up for many) does so here, counting its own refusals.
   */
  void afterDocument() throws SQLException {}

  /** After the last document, before the final write: whatever {@link #afterDocument} holds. */
  void afterLastDocument() throws SQLException {}

  @Override
  final void finish() throws SQLException {
    flush();
    afterLastDocument();
    if (errorCount == 0) {
      executeBatches();
    }
  }

  private void flush() throws SQLException {
    if (current.isEmpty()) {
      return;
    }
    finished.add(currentKey);
    List<R> valid = current.stream().filter(Objects::nonNull).toList();
    boolean broken = currentBroken;
    current.clear();
    currentBroken = false;
    if (!broken && !valid.isEmpty()) {
      complete(valid);
    }
    if (errorCount > errorsBefore) {
      refused++;
    }
    afterDocument();
  }
}
