package com.bpo.portal.webhook;

import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import java.util.List;

/** An endpoint URL the portal will not post to (422), with the reason at the field. */
public class UrlRefused extends ProblemException {
  public UrlRefused(String reason) {
    super("url-refused", "URL refused", 422, "The endpoint URL " + reason + ".");
  }

  @Override
  public Problem toProblem() {
    Problem p = super.toProblem();
    return new Problem(
        p.type(),
        p.title(),
        p.status(),
        p.detail(),
        List.of(new Problem.FieldError("url", reason())));
  }

  private String reason() {
    String detail = getMessage();
    return detail.substring("The endpoint URL ".length(), detail.length() - 1);
  }
}
