package com.bpo.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.shared.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeysetFetchTest {
  /** 120 rows keyed 0..119; records each call so that tests can see what the source was asked. */
  static final class Rows implements KeysetFetch.Source<Integer> {
    final List<String> calls = new ArrayList<>();

    @Override
    public Page<Integer> page(String cursor, int limit) {
      calls.add(cursor + ":" + limit);
      int from = cursor == null ? 0 : Integer.parseInt(cursor) + 1;
      List<Integer> items = IntStream.range(from, Math.min(from + limit, 120)).boxed().toList();
      String next = from + limit < 120 ? String.valueOf(items.get(items.size() - 1)) : null;
      return new Page<>(items, next);
    }
  }

  @Test
  void theFirstWindowIsTheFirstRows() {
    assertEquals(
        IntStream.range(0, 50).boxed().toList(), new KeysetFetch<>(new Rows()).fetch(0, 50));
  }

  @Test
  void scrollingOnStartsFromTheRememberedCursorNotFromTheTop() {
    Rows rows = new Rows();
    KeysetFetch<Integer> fetch = new KeysetFetch<>(rows);
    fetch.fetch(0, 50);
    List<Integer> second = fetch.fetch(50, 50);
    assertEquals(IntStream.range(50, 100).boxed().toList(), second);
    assertEquals(List.of("null:50", "49:50"), rows.calls);
  }

  @Test
  void aWindowPastTheEndIsShortAndTheNextOneEmpty() {
    Rows rows = new Rows();
    KeysetFetch<Integer> fetch = new KeysetFetch<>(rows);
    assertEquals(IntStream.range(100, 120).boxed().toList(), fetch.fetch(100, 50));
    int callsBefore = rows.calls.size();
    assertEquals(List.of(), fetch.fetch(150, 50));
    assertEquals(callsBefore, rows.calls.size(), "the end is known; no query past it");
  }

  @Test
  void aWindowThatStraddlesPagesIsStitchedInOrder() {
    assertEquals(
        IntStream.range(30, 80).boxed().toList(), new KeysetFetch<>(new Rows()).fetch(30, 50));
  }
}
