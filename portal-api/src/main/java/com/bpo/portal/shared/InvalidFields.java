package com.bpo.portal.shared;

import java.util.List;

/** A 400 that lists every bad field at once, answered as a validation problem. */
public class InvalidFields extends ProblemException {
  private final List<Problem.FieldError> errors;

  public InvalidFields(String detail, List<Problem.FieldError> errors) {
    super("validation", "Invalid request", 400, detail);
    this.errors = List.copyOf(errors);
  }

  @Override
  public Problem toProblem() {
    return Problem.validation(getMessage(), errors);
  }
}
