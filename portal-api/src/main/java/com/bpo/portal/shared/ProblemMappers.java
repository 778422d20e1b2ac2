package com.bpo.portal.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure under /api into problem+json; a stack trace never reaches the caller. */
public final class ProblemMappers {
  private ProblemMappers() {}

  static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  @Provider
  public static class Refusals implements ExceptionMapper<ProblemException> {
    @Override
    public Response toResponse(ProblemException e) {
      return respond(e.toProblem());
    }
  }

  @Provider
  public static class Validation implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<Problem.FieldError> errors = e.getConstraintViolations().stream()
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
      int status = e.getResponse().getStatus();
      Response.Status known = Response.Status.fromStatusCode(status);
      String title = known == null ? "HTTP " + status : known.getReasonPhrase();
      String detail = switch (status) {
        case 401 -> "Sign in with a bearer token.";
        case 403 -> "Your role does not allow this.";
        case 404 -> "No such resource.";
        default -> e.getMessage();
      };
      return respond(Problem.of("http-" + status, title, status, detail));
    }
  }

  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

    @Override
    public Response toResponse(Throwable e) {
      LOG.log(Level.SEVERE, "Unexpected failure answering a request", e);
      return respond(Problem.of("internal", "Internal error", 500,
          "Something went wrong on our side. It has been logged."));
    }
  }
}
