package com.bpo.portal.limits;

import com.bpo.portal.shared.ProblemException;
import java.io.IOException;

/**
 * Thrown while the body is being read, when it passes its limit. An IOException, because that is
 * what a reader of a stream expects; its cause is the 413 refusal, which the problem mappers and
 * {@link RequestSizeLimit} answer.
 */
public class BodyTooLarge extends IOException {
  BodyTooLarge(long limit) {
    super(refusal(limit));
  }

  static ProblemException refusal(long limit) {
    return new ProblemException(
        "payload-too-large",
        "Payload too large",
        413,
        "The request body may be at most " + limit + " bytes here.");
  }

  ProblemException refusal() {
    return (ProblemException) getCause();
  }
}
