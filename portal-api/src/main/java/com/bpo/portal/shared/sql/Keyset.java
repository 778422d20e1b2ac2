package com.bpo.portal.shared.sql;

import java.util.function.Function;

/**
 * The order of a keyset-paged list: a sort column and the id that breaks ties, both in one
 * direction, so that "after the cursor" is one row comparison {@code (sort, id) > (:k, :id)} that
 * an index on {@code (tenant_id, sort, id)} answers from the cursor onward: page 201 costs what
 * page 1 costs. The sort column must not be null (coalesce it in the index and here alike).
 *
 * @param sortColumn the SQL expression sorted on, e.g. {@code i.due_date}
 * @param idColumn the unique tie-breaker, e.g. {@code i.id}
 * @param parse turns the cursor's text back into the sort column's Java value
 */
public record Keyset(
    String sortColumn, String idColumn, boolean descending, Function<String, Object> parse) {
  public static Keyset ascending(
      String sortColumn, String idColumn, Function<String, Object> parse) {
    return new Keyset(sortColumn, idColumn, false, parse);
  }

  public static Keyset descending(
      String sortColumn, String idColumn, Function<String, Object> parse) {
    return new Keyset(sortColumn, idColumn, true, parse);
  }

  /** Ordered by id alone. */
  public static Keyset byId(String idColumn, boolean descending) {
    return new Keyset(idColumn, idColumn, descending, Long::valueOf);
  }

  String afterPredicate() {
    String op = descending ? "<" : ">";
    if (sortColumn.equals(idColumn)) {
      return idColumn + " " + op + " :afterId";
    }
    return "(" + sortColumn + ", " + idColumn + ") " + op + " (:afterKey, :afterId)";
  }

  String orderBy() {
    String dir = descending ? " desc" : " asc";
    return sortColumn.equals(idColumn)
        ? " order by " + idColumn + dir
        : " order by " + sortColumn + dir + ", " + idColumn + dir;
  }
}
