package com.bpo.portal.shared;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body that cannot be read as what the operation takes is the caller's mistake: malformed
 * JSON, a string where an object belongs, an enum constant that does not exist, an impossible date,
 * a number in exponent notation, a broken chunked encoding. JSON-B reports all of these as
 * exceptions from inside the framework, which would otherwise reach the catch-all mapper as a 500
 * with a stack trace in the log. Around every body read, they become a 400 validation problem that
 * names the field when JSON-B says which one, and is logged at FINE only. A refusal already made
 * while reading (a body over its size limit) goes through as it is.
 */
@Provider
public class BodyReading implements ReaderInterceptor {
  private static final Logger LOG = Logger.getLogger(BodyReading.class.getName());

  /**
   * Yasson names the property it was reading: "Unable to deserialize property 'visibility' because
   * of: …".
   */
  private static final Pattern PROPERTY = Pattern.compile("property '([A-Za-z0-9_]{1,64})'");

  private static final Pattern ENUM = Pattern.compile("No enum constant ([\\w.$]+)\\.(\\w*)");

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    try {
      MediaType type = context.getMediaType();
      // a JSON body only: a wildcard (an upload sent without a Content-Type, read as bytes) is
      // "compatible" with JSON too, and its bytes may hold anything
      if (type != null
          && !type.isWildcardType()
          && !type.isWildcardSubtype()
          && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        // JSON bodies are small (RequestSizeLimit: 1 MiB by default): read once, checked, then
        // parsed
        byte[] body = context.getInputStream().readAllBytes();
        if (holdsNul(body)) {
          throw new InvalidFields(
              "A text in the body holds a NUL character (\\u0000), which no value may contain.",
              List.of());
        }
        context.setInputStream(new ByteArrayInputStream(body));
      }
      return context.proceed();
    } catch (WebApplicationException e) {
      if (cause(e, JsonbException.class).isEmpty()
          && cause(e, JsonParsingException.class).isEmpty()) {
        throw e; // the framework's own answer (415, 413 ...) stands
      }
      LOG.log(Level.FINE, "Unreadable request body", e);
      throw unreadable(e, context.getType());
    } catch (IOException | RuntimeException e) {
      Optional<ProblemException> refusal = cause(e, ProblemException.class);
      if (refusal.isPresent()) {
        throw refusal.get();
      }
      LOG.log(Level.FINE, "Unreadable request body", e);
      throw unreadable(e, context.getType());
    } catch (StackOverflowError e) {
      // a body nested thousands deep, mapped recursively: the request's own thread, so nothing else
      // is harmed
      LOG.fine("Request body nested too deeply");
      throw new InvalidFields("The body is nested too deeply.", List.of());
    }
  }

  /** A NUL byte, or the JSON escape for one (an escaped backslash followed by u0000 is not one). */
  static boolean holdsNul(byte[] json) {
    for (int i = 0; i < json.length; i++) {
      if (json[i] == 0) {
        return true;
      }
      if (json[i] == '\\'
          && i + 5 < json.length
          && json[i + 1] == 'u'
          && json[i + 2] == '0'
          && json[i + 3] == '0'
          && json[i + 4] == '0'
          && json[i + 5] == '0') {
        return true;
      }
      if (json[i] == '\\') {
        i++; // skips the escaped character, so that "\\\\u0000" (a backslash, then text) is not
        // taken for one
      }
    }
    return false;
  }

  /**
   * The problem to answer for a body that could not be read; the exception's own text is not shown.
   */
  static InvalidFields unreadable(Throwable e, Class<?> bodyType) {
    if (cause(e, JsonParsingException.class).isPresent()
        || cause(e, JsonbException.class).isEmpty() && cause(e, IOException.class).isPresent()) {
      return new InvalidFields(
          cause(e, JsonParsingException.class).isPresent()
              ? "The body is not well-formed JSON."
              : "The body could not be read.",
          List.of());
    }
    String field = property(e).or(() -> componentOfFailingType(e, bodyType)).orElse("body");
    return new InvalidFields(
        "The body does not match what this operation takes (see /openapi).",
        List.of(new Problem.FieldError(field, reason(e))));
  }

  private static String reason(Throwable e) {
    Optional<Decimals.Invalid> number = cause(e, Decimals.Invalid.class);
    if (number.isPresent()) {
      return number.get().getMessage();
    }
    if (cause(e, DateTimeParseException.class).isPresent()) {
      return "must be a valid date like 2026-11-23 (or a timestamp with an offset)";
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Matcher m = t.getMessage() == null ? null : ENUM.matcher(t.getMessage());
      if (m != null && m.find()) {
        return constants(m.group(1))
            .map(values -> "must be one of " + values)
            .orElse("is not an accepted value");
      }
    }
    return "has the wrong type or format";
  }

  /**
   * The constants of the enum the message named by its canonical name (a nested enum's has dots for
   * $).
   */
  private static Optional<String> constants(String canonicalName) {
    String name = canonicalName;
    for (int tries = 0; tries < 4 && name.indexOf('.') > 0; tries++) {
      try {
        Class<?> type = Class.forName(name, false, BodyReading.class.getClassLoader());
        return type.isEnum()
            ? Optional.of(Arrays.toString(type.getEnumConstants()))
            : Optional.empty();
      } catch (ClassNotFoundException | LinkageError e) {
        int dot = name.lastIndexOf('.');
        name = name.substring(0, dot) + '$' + name.substring(dot + 1);
      }
    }
    return Optional.empty();
  }

  /**
   * "Error deserialize JSON value into type: class x.Y." and "No enum constant x.Y.Z" name the type
   * that failed.
   */
  private static final Pattern TYPE =
      Pattern.compile(
          "into type: (?:class |enum )?([\\w.$]+?)\\.?$|No enum constant ([\\w.$]+)\\.\\w*");

  /**
   * This JSON-B does not name the property it failed on, only the type it was reading: when exactly
   * one component of the body has that type, it is the one.
   */
  private static Optional<String> componentOfFailingType(Throwable e, Class<?> bodyType) {
    if (bodyType == null || !bodyType.isRecord()) {
      return Optional.empty();
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Matcher m = t.getMessage() == null ? null : TYPE.matcher(t.getMessage());
      if (m != null && m.find()) {
        String type = m.group(1) != null ? m.group(1) : m.group(2);
        List<String> names =
            Arrays.stream(bodyType.getRecordComponents())
                .filter(
                    c ->
                        c.getType().getName().equals(type)
                            || c.getType().getCanonicalName().equals(type))
                .map(java.lang.reflect.RecordComponent::getName)
                .toList();
        if (names.size() == 1) {
          return Optional.of(names.get(0));
        }
      }
    }
    return Optional.empty();
  }

  /** The innermost property JSON-B named. */
  private static Optional<String> property(Throwable e) {
    String found = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        Matcher m = PROPERTY.matcher(t.getMessage());
        while (m.find()) {
          found = m.group(1);
        }
      }
    }
    return Optional.ofNullable(found);
  }

  static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }
}
