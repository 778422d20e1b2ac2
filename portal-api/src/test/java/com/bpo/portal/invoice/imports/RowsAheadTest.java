package com.bpo.portal.invoice.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.Problem.FieldError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The rows of an upload read and parsed on a thread of their own, as the import takes them. */
class RowsAheadTest {
  private final List<Thread> started = new ArrayList<>();
  private final ThreadFactory threads =
      task -> {
        Thread thread = new Thread(task);
        started.add(thread);
        return thread;
      };
  private final Set<String> parsingThreads = ConcurrentHashMap.newKeySet();

  /** Numbers rows 1..count; every seventh cannot be read. */
  private RowsAhead.Source numbered(long count, AtomicLong read) {
    return row -> {
      if (row > count) {
        return null;
      }
      read.set(row);
      return row % 7 == 0
          ? new RowsAhead.Raw(Map.of("n", "" + row), new FieldError((int) row, "n", "unreadable"))
          : new RowsAhead.Raw(Map.of("n", "" + row), null);
    };
  }

  private RowsAhead.Parsed parse(Map<String, String> values, long row) {
    parsingThreads.add(Thread.currentThread().getName());
    return new RowsAhead.Parsed(Long.parseLong(values.get("n")) * 10, List.of());
  }

  @Test
  void everyRowArrivesInTheFilesOrderParsedOnTheReadingThread() throws Exception {
    long count = 3 * RowsAhead.BLOCK * RowsAhead.BLOCKS_AHEAD + 17;
    List<Long> taken = new ArrayList<>();
    try (RowsAhead ahead = new RowsAhead(numbered(count, new AtomicLong()), this::parse, threads)) {
      for (RowsAhead.Row row = ahead.next(); row != null; row = ahead.next()) {
        long n = Long.parseLong(row.values().get("n"));
        taken.add(n);
        if (n % 7 == 0) {
          assertNull(row.parsed(), "an unreadable row is not parsed");
          assertEquals("unreadable", row.unreadable().message());
        } else {
          assertEquals(n * 10, row.parsed().row());
        }
      }
      assertNull(ahead.next(), "the end stays the end");
    }
    assertEquals(count, taken.size());
    for (int i = 0; i < taken.size(); i++) {
      assertEquals(i + 1, taken.get(i));
    }
    assertEquals(1, started.size());
    assertEquals(Set.of(started.get(0).getName()), parsingThreads);
    assertNotEquals(Thread.currentThread().getName(), started.get(0).getName());
  }

  @Test
  void withoutThreadsTheCallerReadsAndParses() throws Exception {
    try (RowsAhead ahead = new RowsAhead(numbered(3, new AtomicLong()), this::parse, null)) {
      assertEquals(10L, ahead.next().parsed().row());
      assertEquals(20L, ahead.next().parsed().row());
      assertEquals(30L, ahead.next().parsed().row());
      assertNull(ahead.next());
    }
    assertTrue(started.isEmpty());
    assertEquals(Set.of(Thread.currentThread().getName()), parsingThreads);
  }

  @Test
  void aFailureArrivesAfterTheRowsReadBeforeItAsTheSameException() throws Exception {
    IOException broken = new IOException("Input length = 1");
    RowsAhead.Source source =
        row -> {
          if (row > 1_234) {
            throw broken;
          }
          return new RowsAhead.Raw(Map.of("n", "" + row), null);
        };
    long[] taken = {0};
    try (RowsAhead ahead = new RowsAhead(source, this::parse, threads)) {
      IOException thrown =
          assertThrows(
              IOException.class,
              () -> {
                while (ahead.next() != null) {
                  taken[0]++;
                }
                throw new AssertionError("ended after " + taken[0] + " rows without the failure");
              });
      assertSame(broken, thrown);
    }
    assertEquals(1_234, taken[0]);
  }

  @Test
  void aRuntimeFailureOfTheReadingIsRethrownAsItself() throws Exception {
    IllegalStateException tooLarge = new IllegalStateException("body over the limit");
    RowsAhead.Source source =
        row -> {
          if (row == 3) {
            throw tooLarge;
          }
          return new RowsAhead.Raw(Map.of("n", "" + row), null);
        };
    try (RowsAhead ahead = new RowsAhead(source, this::parse, threads)) {
      ahead.next();
      ahead.next();
      assertSame(tooLarge, assertThrows(IllegalStateException.class, ahead::next));
    }
  }

  @Test
  void theReadingThreadStaysABoundedDistanceAheadAndStopsWhenClosedEarly() throws Exception {
    AtomicLong read = new AtomicLong();
    AtomicReference<Thread> reader = new AtomicReference<>();
    RowsAhead ahead = new RowsAhead(numbered(Long.MAX_VALUE, read), this::parse, threads);
    assertEquals(1L, Long.parseLong(ahead.next().values().get("n")));
    reader.set(started.get(0));
    // give the reader every chance to run ahead: it must stop at the queue's bound
    for (int i = 0; i < 50 && reader.get().getState() != Thread.State.TIMED_WAITING; i++) {
      Thread.sleep(20);
    }
    Thread.sleep(200);
    long bound = (RowsAhead.BLOCKS_AHEAD + 2L) * RowsAhead.BLOCK;
    assertTrue(read.get() <= bound, "read " + read.get() + " rows ahead, bound " + bound);
    ahead.close();
    reader.get().join(5_000);
    assertFalse(reader.get().isAlive(), "the reading thread ended when the import stopped early");
  }
}
