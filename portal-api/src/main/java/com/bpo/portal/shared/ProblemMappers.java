package com.bpo.portal.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns every failure under /api into problem+json; a stack trace never reaches the caller. */
public final class ProblemMappers {
  private ProblemMappers() {}

  static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  /** A refusal as problem+json; one for now only ({@link TooBusy}) says when to ask again. */
  static Response respond(ProblemException refusal) {
    Response answer = respond(refusal.toProblem());
    return refusal instanceof TooBusy busy
        ? Response.fromResponse(answer).header("Retry-After", busy.retryAfterSeconds()).build()
        : answer;
  }

  /**
   * A failure whose cause says what it is: the database being away (503 with Retry-After), or a
   * refusal thrown where only an exception could travel (a body over its limit, read by the
   * framework inside an IOException).
   */
  static Optional<Response> fromCause(Throwable e) {
    if (ServiceUnavailable.isDatabaseOutage(e)) {
      Logger.getLogger(ProblemMappers.class.getName()).warning("Database unavailable: " + e);
      DatabaseCircuit.trip(e);
      Problem problem = ServiceUnavailable.problem();
      return Optional.of(
          Response.status(problem.status())
              .type(Problem.MEDIA_TYPE)
              .entity(problem)
              .header("Retry-After", ServiceUnavailable.RETRY_AFTER_SECONDS)
              .build());
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProblemException refusal) {
        return Optional.of(respond(refusal));
      }
    }
    return Optional.empty();
  }

  @Provider
  public static class Refusals implements ExceptionMapper<ProblemException> {
    @Override
    public Response toResponse(ProblemException e) {
      return respond(e);
    }
  }

  @Provider
  public static class Validation implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<Problem.FieldError> errors =
          e.getConstraintViolations().stream()
              .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
              .sorted(Comparator.comparing(Problem.FieldError::field))
              .toList();
      return respond(Problem.validation("The request has invalid fields.", errors));
    }

    /** "create.arg0.slug" names the parameter by position; the caller only knows "slug". */
    private static String fieldOf(ConstraintViolation<?> v) {
      String path = v.getPropertyPath().toString();
      int dot = path.lastIndexOf('.');
      return dot < 0 ? path : path.substring(dot + 1);
    }
  }

  @Provider
  public static class HttpErrors implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Optional<Response> explained = fromCause(e);
      if (explained.isPresent()) {
        return explained.get();
      }
      Optional<Problem> unreadable =
          unreadableParameter(
              e.getResponse() == null ? 0 : e.getResponse().getStatus(),
              e.getMessage(),
              e.getCause());
      if (unreadable.isPresent()) {
        return respond(unreadable.get());
      }
      int status = e.getResponse().getStatus();
      Response.Status known = Response.Status.fromStatusCode(status);
      String title = known == null ? "HTTP " + status : known.getReasonPhrase();
      String detail =
          switch (status) {
            case 401 -> "Sign in with a bearer token.";
            case 403 -> "Your role does not allow this.";
            case 404 -> "No such resource.";
            default -> e.getMessage();
          };
      return respond(Problem.of("http-" + status, title, status, detail));
    }
  }

  private static final Pattern PARAMETER = Pattern.compile("(\\w+)Param\\(\"([^\"]*)\"\\)");

  /**
   * A query, header or form parameter the framework could not convert to its declared type (such as
   * {@code ?limit=abc} for an {@code Integer}): JAX-RS answers 404 for a query parameter, but the
   * caller sent a bad value, not asked for a missing resource, so it is a 400 naming the parameter.
   * A path segment that does not convert stays a 404 (no such resource). The framework (RESTEasy)
   * names the parameter in its message, as {@code jakarta.ws.rs.QueryParam("limit")}.
   */
  static Optional<Problem> unreadableParameter(int status, String message, Throwable cause) {
    if ((status != 404 && status != 400)
        || !(cause instanceof IllegalArgumentException
            || cause instanceof java.time.DateTimeException)
        || message == null) {
      return Optional.empty();
    }
    Matcher parameter = PARAMETER.matcher(message);
    if (!parameter.find() || parameter.group(1).endsWith("Path")) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.validation(
            "A parameter could not be read.",
            List.of(
                new Problem.FieldError(
                    parameter.group(2),
                    "is not a value of the expected type (such as a number)"))));
  }

  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

    @Override
    public Response toResponse(Throwable e) {
      Optional<Response> known = fromCause(e);
      if (known.isPresent()) {
        return known.get();
      }
      LOG.log(Level.SEVERE, "Unexpected failure answering a request", e);
      return respond(
          Problem.of(
              "internal",
              "Internal error",
              500,
              "Something went wrong on our side. It has been logged."));
    }
  }
}
