package com.bpo.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A parameter the framework cannot convert is the caller's bad value: 400, naming it. */
class UnreadableParameterTest {
  private static final String RESTEASY =
      "RESTEASY003870: Unable to extract parameter from http request: %s value is 'abc'";

  @Test
  void aQueryParameterThatIsNotANumberIsA400NamingIt() {
    Problem problem =
        ProblemMappers.unreadableParameter(
                404,
                RESTEASY.formatted("jakarta.ws.rs.QueryParam(\"limit\")"),
                new NumberFormatException("For input string: \"abc\""))
            .orElseThrow();
    assertEquals(400, problem.status());
    assertEquals(
        List.of("limit"), problem.errors().stream().map(Problem.FieldError::field).toList());
  }

  @Test
  void aHeaderThatCannotBeReadIsA400Too() {
    Optional<Problem> problem =
        ProblemMappers.unreadableParameter(
            400,
            RESTEASY.formatted("jakarta.ws.rs.HeaderParam(\"X-Day\")"),
            new DateTimeParseException("bad", "abc", 0));
    assertEquals(Optional.of("X-Day"), problem.map(p -> p.errors().get(0).field()));
  }

  @Test
  void aPathSegmentThatIsNotANumberStaysNotFound() {
    assertEquals(
        Optional.empty(),
        ProblemMappers.unreadableParameter(
            404,
            RESTEASY.formatted("jakarta.ws.rs.PathParam(\"id\")"),
            new NumberFormatException("abc")));
  }

  @Test
  void aRouteThatDoesNotExistStaysNotFound() {
    assertEquals(
        Optional.empty(),
        ProblemMappers.unreadableParameter(404, "RESTEASY003210: Could not find resource", null));
    assertEquals(
        Optional.empty(),
        ProblemMappers.unreadableParameter(
            403,
            RESTEASY.formatted("jakarta.ws.rs.QueryParam(\"limit\")"),
            new NumberFormatException("abc")));
  }
}
