package com.bpo.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BodyReadingTest {
  enum Colour {
    RED,
    GREEN
  }

  public record Form(Colour colour, LocalDate day, String text) {}

  private static RuntimeException failure(String json) {
    try (var jsonb = JsonbBuilder.create()) {
      jsonb.fromJson(json, Form.class);
    } catch (JsonbException e) {
      return e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("JSON-B read " + json);
  }

  @Test
  void anUnknownEnumConstantNamesTheFieldAndTheAcceptedValuesButNoClass() {
    Problem problem =
        BodyReading.unreadable(failure("{\"colour\": \"SECRET\"}"), Form.class).toProblem();
    assertEquals(400, problem.status());
    String errors = problem.errors().toString();
    assertTrue(errors.contains("[RED, GREEN]"), errors);
    assertEquals("colour", problem.errors().get(0).field(), "the one component of that type");
    assertFalse(errors.contains("com.bpo") || problem.detail().contains("com.bpo"), errors);
  }

  @Test
  void anImpossibleDateAndMalformedJsonAreBadRequests() {
    assertTrue(
        BodyReading.unreadable(failure("{\"day\": \"2026-02-30\"}"), Form.class)
            .toProblem()
            .errors()
            .toString()
            .contains("valid date"));
    assertEquals(
        "The body is not well-formed JSON.",
        BodyReading.unreadable(failure("{\"text\": "), Form.class).toProblem().detail());
  }

  @Test
  void aNulCharacterInJsonTextIsFoundWhetherRawOrEscaped() {
    assertTrue(BodyReading.holdsNul("{\"a\": \"x\\u0000y\"}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(BodyReading.holdsNul(new byte[] {'"', 0, '"'}));
    assertFalse(
        BodyReading.holdsNul("{\"a\": \"x\\\\u0000y\"}".getBytes(StandardCharsets.UTF_8)),
        "an escaped backslash followed by the text u0000");
    assertFalse(BodyReading.holdsNul("{\"a\": \"\\u00e9\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aPathOrQueryWithAnEncodedNulIsRefused() {
    assertTrue(NulCharacters.holdsNul("/api/v1/customers/%00"));
    assertTrue(NulCharacters.holdsNul("q=a%00b"));
    assertFalse(NulCharacters.holdsNul("q=100%25"));
    assertFalse(NulCharacters.holdsNul(null));
  }
}
