package com.bpo.portal.cash;

import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import java.util.List;

/**
 * A statement file that cannot be taken as it is: a 422 naming every problem found, nothing kept.
 */
public class StatementRejected extends ProblemException {
  private final List<FieldError> errors;

  public StatementRejected(String detail, List<FieldError> errors) {
    super("statement-rejected", "Statement rejected", 422, detail);
    this.errors = List.copyOf(errors);
  }

  public StatementRejected(String detail) {
    this(detail, List.of());
  }

  public List<FieldError> errors() {
    return errors;
  }

  @Override
  public Problem toProblem() {
    Problem p = super.toProblem();
    return new Problem(
        p.type(), p.title(), p.status(), p.detail(), errors.isEmpty() ? null : errors);
  }
}
