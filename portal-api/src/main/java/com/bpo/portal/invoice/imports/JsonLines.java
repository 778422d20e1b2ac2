package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON lines (NDJSON) as rows of values by column name, for connectors: one JSON object per line,
 * blank lines skipped. A member's value is a string or a number (taken as written, so that the same
 * rules as in a CSV apply: no exponent, bounded digits), or null for an empty value. A line is held
 * whole while it is read, but never beyond {@link #MAX_LINE} characters: a longer one is skipped to
 * its end and refused, so that one endless line cannot fill the heap.
 */
final class JsonLines {
  static final int MAX_LINE = 64 * 1024;

  /** One line: its values by column, or why it cannot be read as a row. */
  record Line(Map<String, String> values, FieldError unreadable) {}

  private final Reader in;
  private final List<String> columns;
  private final StringBuilder line = new StringBuilder();

  JsonLines(Reader in, List<String> columns) {
    this.in = in;
    this.columns = columns;
  }

  /** The next non-blank line, numbered {@code row}, or null at the end. */
  Line next(long row) throws IOException {
    while (true) {
      line.setLength(0);
      boolean tooLong = false;
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        if (line.length() < MAX_LINE) {
          line.append((char) c);
        } else {
          tooLong = true;
        }
      }
      if (c == -1 && line.isEmpty()) {
        return null;
      }
      if (tooLong) {
        return unreadable(row, "is longer than " + MAX_LINE + " characters");
      }
      if (!line.toString().isBlank()) {
        return parse(row, line.toString());
      }
    }
  }

  private Line parse(long row, String text) {
    JsonObject object;
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        return unreadable(row, "is not a JSON object");
      }
      object = value.asJsonObject();
    } catch (JsonException e) {
      return unreadable(row, "is not JSON: " + FieldParser.echo(String.valueOf(e.getMessage())));
    }
    Map<String, String> values = new HashMap<>();
    for (Map.Entry<String, JsonValue> member : object.entrySet()) {
      JsonValue value = member.getValue();
      switch (value.getValueType()) {
        case STRING -> values.put(member.getKey(), ((JsonString) value).getString());
        case NUMBER -> values.put(member.getKey(), ((JsonNumber) value).toString());
        case NULL -> values.put(member.getKey(), "");
        default -> {
          return new Line(
              values,
              new FieldError(
                  (int) row, member.getKey(), "must be a string, a number or null in a JSON line"));
        }
      }
    }
    List<String> missing = columns.stream().filter(c -> !values.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      return new Line(
          values,
          new FieldError((int) row, missing.get(0), "is missing; each line must name " + columns));
    }
    return new Line(
        values, CsvText.withControlCharacter(values).map(f -> control(row, f)).orElse(null));
  }

  private static FieldError control(long row, String field) {
    return new FieldError(
        (int) row, field, "holds a NUL or another control character, which no value may contain");
  }

  private static Line unreadable(long row, String why) {
    return new Line(Map.of(), new FieldError((int) row, "line", why));
  }
}
