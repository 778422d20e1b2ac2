package com.bpo.portal.shared;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document. {@code type} is a stable URI per kind of problem so that clients
 * can branch on it; {@code errors} lists field messages for validation problems.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
@Schema(
    requiredProperties = {"type", "title", "status", "detail"},
    example =
        "{\"type\": \"https://portal.example/problems/not-found\", \"title\": \"Not found\","
            + " \"status\": 404, \"detail\": \"Invoice 42 does not exist.\"}")
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    @JsonbNillable(false) List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://portal.example/problems/";

  /** A bad field; {@code row} (1-based data row of an uploaded file) only where a file was sent. */
  @JsonbPropertyOrder({"row", "field", "message"})
  public record FieldError(Integer row, String field, String message) {
    /** The canonical constructor, marked so that JSON-B can read a record that has two. */
    @JsonbCreator
    public FieldError {}

    public FieldError(String field, String message) {
      this(null, field, message);
    }
  }

  public static Problem of(String kind, String title, int status, String detail) {
    return new Problem(TYPE_BASE + kind, title, status, detail, null);
  }

  public static Problem validation(String detail, List<FieldError> errors) {
    return new Problem(TYPE_BASE + "validation", "Invalid request", 400, detail, errors);
  }
}
