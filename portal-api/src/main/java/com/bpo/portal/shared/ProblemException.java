package com.bpo.portal.shared;

/**
 * A refusal the caller should understand: services throw it (or a subclass) and the REST layer
 * answers it as problem+json, the UI as a message. Carries no HTTP types beyond the status number.
 */
public class ProblemException extends RuntimeException {
  private final String kind;
  private final String title;
  private final int status;

  public ProblemException(String kind, String title, int status, String detail) {
    super(detail);
    this.kind = kind;
    this.title = title;
    this.status = status;
  }

  public static ProblemException notFound(String what) {
    return new ProblemException("not-found", "Not found", 404, what + " was not found.");
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException("forbidden", "Forbidden", 403, detail);
  }

  public Problem toProblem() {
    return Problem.of(kind, title, status, getMessage());
  }

  public int status() {
    return status;
  }
}
