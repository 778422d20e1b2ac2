package com.bpo.portal.ui.audit;

import com.bpo.portal.audit.AuditRecord;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A record's before and after as rows of field, old value, new value, for people rather than
 * machines.
 */
final class AuditChanges {
  record Change(String field, String before, String after) {}

  private AuditChanges() {}

  static List<Change> of(AuditRecord record) {
    TreeSet<String> fields = new TreeSet<>();
    if (record.before() != null) {
      fields.addAll(record.before().keySet());
    }
    if (record.after() != null) {
      fields.addAll(record.after().keySet());
    }
    List<Change> changes = new ArrayList<>();
    for (String field : fields) {
      changes.add(new Change(field, text(record.before(), field), text(record.after(), field)));
    }
    return changes;
  }

  /** The changed fields' names, short enough for a grid cell. */
  static String summary(AuditRecord record) {
    JsonObject shown = record.after() != null ? record.after() : record.before();
    if (shown == null) {
      return "";
    }
    if ("UPDATE".equals(record.action())) {
      return of(record).stream()
          .map(c -> c.field() + ": " + c.before() + " → " + c.after())
          .reduce((a, b) -> a + "; " + b)
          .orElse("");
    }
    return String.join(", ", shown.keySet());
  }

  private static String text(JsonObject values, String field) {
    if (values == null || !values.containsKey(field)) {
      return "";
    }
    JsonValue value = values.get(field);
    return switch (value.getValueType()) {
      case NULL -> "∅";
      case STRING -> ((JsonString) value).getString();
      default -> value.toString();
    };
  }
}
