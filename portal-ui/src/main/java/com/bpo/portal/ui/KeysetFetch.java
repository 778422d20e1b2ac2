package com.bpo.portal.ui;

import com.bpo.portal.shared.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Adapts a keyset-paginated source to the offset/limit a lazy Grid asks for. It remembers the
 * cursor at each page boundary it has passed, so scrolling on costs one page query and never an
 * OFFSET scan. Make a new one whenever the filter or sort changes.
 */
public final class KeysetFetch<T> {
  /** One page of a source: the cursor is null for the first page. */
  @FunctionalInterface
  public interface Source<T> {
    Page<T> page(String cursor, int limit);
  }

  private static final int MAX_PAGE = 500;
  private final Source<T> source;
  private final NavigableMap<Integer, String> cursorAt = new TreeMap<>(Map.of(0, ""));
  private int end = Integer.MAX_VALUE;

  public KeysetFetch(Source<T> source) {
    this.source = source;
  }

  public List<T> fetch(int offset, int limit) {
    List<T> rows = new ArrayList<>(Math.min(limit, MAX_PAGE));
    if (offset >= end) {
      return rows;
    }
    Map.Entry<Integer, String> start = cursorAt.floorEntry(offset);
    int position = start.getKey();
    String cursor = start.getValue().isEmpty() ? null : start.getValue();
    while (rows.size() < limit) {
      Page<T> page = source.page(cursor, Math.min(MAX_PAGE, offset + limit - position));
      for (T item : page.items()) {
        if (position >= offset && rows.size() < limit) {
          rows.add(item);
        }
        position++;
      }
      if (page.next() == null) {
        end = position;
        break;
      }
      cursor = page.next();
      cursorAt.put(position, cursor);
    }
    return rows;
  }
}
