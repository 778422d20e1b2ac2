package com.bpo.portal.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Limit and keyset cursor of a collection request. The cursor is the last row's sort key, encoded
 * so that clients treat it as opaque: a deep page costs what the first one costs.
 */
public record PageRequest(int limit, Optional<List<String>> after) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
  private static final char SEPARATOR = '\u001f';

  public static PageRequest of(Integer limit, String cursor) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new ProblemException(
          "validation", "Invalid request", 400, "limit must be between 1 and " + MAX_LIMIT + ".");
    }
    return new PageRequest(
        size, Optional.ofNullable(cursor).filter(c -> !c.isBlank()).map(PageRequest::decode));
  }

  public static String encode(List<String> key) {
    String joined = String.join(String.valueOf(SEPARATOR), key);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(joined.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> decode(String cursor) {
    try {
      String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return List.of(joined.split(String.valueOf(SEPARATOR), -1));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  /**
   * One part of a cursor, read back: a cursor the client edited (a part missing, not a number, not
   * a date) is a 400 like any other malformed cursor, never a failure of the server.
   */
  public static <T> T keyPart(List<String> key, int index, Function<String, T> parse) {
    try {
      return parse.apply(key.get(index));
    } catch (RuntimeException e) {
      throw invalid();
    }
  }

  private static ProblemException invalid() {
    return new ProblemException(
        "invalid-cursor", "Invalid cursor", 400, "The cursor is not one this API issued.");
  }

  /**
   * Builds the page from {@code limit + 1} fetched rows: the extra row only tells that there is
   * more.
   */
  public <T> Page<T> page(List<T> fetched, java.util.function.Function<T, List<String>> keyOf) {
    if (fetched.size() <= limit) {
      return new Page<>(fetched, null);
    }
    List<T> items = fetched.subList(0, limit);
    return new Page<>(List.copyOf(items), encode(keyOf.apply(items.get(limit - 1))));
  }
}
