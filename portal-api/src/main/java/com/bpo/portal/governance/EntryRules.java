package com.bpo.portal.governance;

import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProcessArea;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a log entry must hold to be saved, and which of its fields an edit changes (each change is
 * one history event). Pure: the service gives it the tenant's people and the stored entry.
 */
final class EntryRules {
  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 8000;

  private EntryRules() {}

  /** The field errors of a form; {@code people} are the usernames an entry may be given to. */
  static List<FieldError> validate(EntryForm form, Set<String> people) {
    List<FieldError> errors = new ArrayList<>();
    if (form.type() == null) {
      errors.add(new FieldError("type", "must be one of " + List.of(EntryType.values())));
    }
    String title = text(form.title());
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      errors.add(new FieldError("title", "must be 1 to " + MAX_TITLE + " characters"));
    }
    if (text(form.description()).length() > MAX_TEXT) {
      errors.add(new FieldError("description", "must be at most " + MAX_TEXT + " characters"));
    }
    if (form.area() == null) {
      errors.add(new FieldError("area", "must be one of " + List.of(ProcessArea.values())));
    }
    if (form.priority() == null) {
      errors.add(new FieldError("priority", "must be one of " + List.of(Priority.values())));
    }
    if (form.type() == EntryType.RISK) {
      if (form.likelihood() == null || form.likelihood() < 1 || form.likelihood() > 5) {
        errors.add(new FieldError("likelihood", "a risk needs a likelihood from 1 to 5"));
      }
      if (form.impact() == null || form.impact() < 1 || form.impact() > 5) {
        errors.add(new FieldError("impact", "a risk needs an impact from 1 to 5"));
      }
    } else if (form.likelihood() != null || form.impact() != null) {
      errors.add(new FieldError("likelihood", "only a risk has a likelihood and an impact"));
    }
    String owner = blankToNull(form.owner());
    if (owner != null && !people.contains(owner)) {
      errors.add(new FieldError("owner", "is not one of this tenant's people"));
    }
    if (form.dueDate() != null
        && (form.dueDate().getYear() < 2000 || form.dueDate().getYear() > 2100)) {
      errors.add(new FieldError("dueDate", "must be a date between 2000 and 2100"));
    }
    return errors;
  }

  /** The validated form's fields as they are stored: stripped, blanks as none. */
  static EntryQueries.Fields fields(EntryForm form) {
    return new EntryQueries.Fields(
        form.title().strip(),
        text(form.description()),
        form.area(),
        form.priority(),
        form.likelihood(),
        form.impact(),
        blankToNull(form.owner()),
        form.dueDate());
  }

  /** The fields an edit changes, in form order, each with its value before and after. */
  static Map<String, String[]> changes(StoredEntry stored, EntryQueries.Fields edit) {
    Map<String, String[]> changes = new LinkedHashMap<>();
    change(changes, "title", stored.title(), edit.title());
    change(changes, "description", stored.description(), edit.description());
    change(changes, "area", stored.area().name(), edit.area().name());
    change(changes, "priority", stored.priority().name(), edit.priority().name());
    change(changes, "likelihood", str(stored.likelihood()), str(edit.likelihood()));
    change(changes, "impact", str(stored.impact()), str(edit.impact()));
    change(changes, "owner", stored.owner(), edit.owner());
    change(changes, "dueDate", str(stored.dueDate()), str(edit.dueDate()));
    return changes;
  }

  private static void change(
      Map<String, String[]> changes, String field, String before, String after) {
    if (!Objects.equals(before, after)) {
      changes.put(field, new String[] {before, after});
    }
  }

  static String text(String value) {
    return value == null ? "" : value.strip();
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }
}
