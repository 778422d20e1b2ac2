package com.bpo.portal.governance;

/**
 * The log's keyset orders, each ending in id. Default: soonest due first, entries without a due
 * date last.
 */
public enum EntrySort {
  DUE("due", "coalesce(due_date, date '9999-12-31')", false),
  RECENT("-updated", "updated_at", true);

  final String param;
  final String expression;
  final boolean descending;

  EntrySort(String param, String expression, boolean descending) {
    this.param = param;
    this.expression = expression;
    this.descending = descending;
  }

  public static EntrySort parse(String value) {
    if (value == null || value.isBlank()) {
      return DUE;
    }
    for (EntrySort sort : values()) {
      if (sort.param.equals(value.strip())) {
        return sort;
      }
    }
    throw new com.bpo.portal.shared.InvalidFields(
        "Unknown sort.",
        java.util.List.of(
            new com.bpo.portal.shared.Problem.FieldError("sort", "must be due or -updated")));
  }
}
