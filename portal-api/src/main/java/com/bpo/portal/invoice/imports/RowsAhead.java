package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The rows of an upload read, and parsed as far as a kind can without the database, on a thread of
 * their own while the transaction's thread checks and writes the rows before them: an import is
 * bound by its one PostgreSQL backend (docs/PERFORMANCE.md), so the reading and parsing that used
 * to sit between two statements now overlaps them. At most {@link #BLOCKS_AHEAD} blocks of {@link
 * #BLOCK} rows wait, so memory stays flat whatever the file's size.
 *
 * <p>Only pure work happens on the reading thread: reading the body (and the digest it feeds), the
 * CSV or JSON-lines syntax, the control-character check and the kind's {@link Parser}. Everything
 * that touches the database, the import's counters or its errors stays on the transaction's thread,
 * which receives the rows in the file's order; a failure of the reading (unreadable text, a body
 * over the limit) reaches that thread after the rows read before it, as the same exception.
 *
 * <p>Without a thread factory (plain unit tests) the rows are read on the caller's thread, one at a
 * time, as before.
 */
final class RowsAhead implements AutoCloseable {
  static final int BLOCK = 500;
  static final int BLOCKS_AHEAD = 4;

  /** How long {@link #close} waits for a reading thread stopped early to notice. */
  private static final long STOP_WAIT_MILLIS = 10_000;

  /** Where raw rows come from: the next one, numbered {@code row}, or null at the end. */
  interface Source {
    Raw next(long row) throws IOException;
  }

  /** A row as read: its values by column, or why it cannot be read at all. */
  record Raw(Map<String, String> values, FieldError unreadable) {}

  /**
   * A kind's pure parse of one readable row: the parsed row (null when a field is bad) and its
   * field errors; or null from {@link Parser#parse} when the kind parses in its own {@code accept}.
   */
  record Parsed(Object row, List<FieldError> errors) {}

  interface Parser {
    Parsed parse(Map<String, String> values, long row);
  }

  /** A row ready for the transaction's thread. */
  record Row(Map<String, String> values, FieldError unreadable, Parsed parsed) {}

  private static final Object END = new Object();

  private final Source source;
  private final Parser parser;
  private final Thread reader;
  private final BlockingQueue<Object> blocks = new ArrayBlockingQueue<>(BLOCKS_AHEAD);
  private volatile boolean stopped;
  private Iterator<Row> current = Collections.emptyIterator();
  private boolean ended;
  private long taken;

  RowsAhead(Source source, Parser parser, ThreadFactory threads) {
    this.source = source;
    this.parser = parser;
    if (threads == null) {
      reader = null;
    } else {
      reader = threads.newThread(this::readAll);
      reader.setName("import-reader-" + reader.getId());
      reader.start();
    }
  }

  /**
   * The next row in the file's order, or null after the last; throws what stopped the reading, once
   * the rows before it have been taken.
   */
  Row next() throws IOException {
    if (reader == null) {
      return ended ? null : readOne(taken + 1);
    }
    while (!current.hasNext()) {
      if (ended) {
        return null;
      }
      Object item;
      try {
        item = blocks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the upload's rows", e);
      }
      if (item == END) {
        ended = true;
        return null;
      }
      if (item instanceof Throwable failure) {
        ended = true;
        throw rethrown(failure);
      }
      @SuppressWarnings("unchecked")
      List<Row> block = (List<Row>) item;
      current = block.iterator();
    }
    taken++;
    return current.next();
  }

  private Row readOne(long row) throws IOException {
    Raw raw = source.next(row);
    if (raw == null) {
      ended = true;
      return null;
    }
    taken++;
    return row(raw, row);
  }

  private Row row(Raw raw, long row) {
    return new Row(
        raw.values(),
        raw.unreadable(),
        raw.unreadable() == null ? parser.parse(raw.values(), row) : null);
  }

  /** The reading thread: blocks of rows until the end, then the end or the failure. */
  private void readAll() {
    long row = 0;
    List<Row> block = new ArrayList<>(BLOCK);
    try {
      for (Raw raw = source.next(row + 1); raw != null && !stopped; raw = source.next(row + 1)) {
        row++;
        block.add(row(raw, row));
        if (block.size() == BLOCK) {
          put(block);
          block = new ArrayList<>(BLOCK);
        }
      }
      if (!block.isEmpty()) {
        put(block);
      }
      put(END);
    } catch (InterruptedException e) {
      // stopped by close(): nobody takes what is left
    } catch (Throwable failure) { // NOPMD: every failure must reach the transaction's thread
      try {
        if (!block.isEmpty()) {
          put(block); // the rows read before the failure come first
        }
        put(failure);
      } catch (InterruptedException e) {
        // stopped by close()
      }
    }
  }

  private void put(Object item) throws InterruptedException {
    while (!blocks.offer(item, 100, TimeUnit.MILLISECONDS)) {
      if (stopped) {
        throw new InterruptedException("the import stopped taking rows");
      }
    }
  }

  private static RuntimeException rethrown(Throwable failure) throws IOException {
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new UncheckedIOException(new IOException(failure));
  }

  /**
   * Stops the reading thread if the transaction's thread ends early, and waits for it (bounded: a
   * read blocked on a stalled client ends when the server closes the request).
   */
  @Override
  public void close() {
    stopped = true;
    if (reader != null && reader.isAlive()) {
      reader.interrupt();
      try {
        reader.join(STOP_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
