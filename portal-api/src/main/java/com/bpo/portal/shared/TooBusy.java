package com.bpo.portal.shared;

/**
 * A refusal for now, not for ever: the portal is doing as much of this kind of work as it allows
 * (429 with Retry-After in the API, a "try again shortly" message on a screen). Nothing was
 * changed.
 */
public class TooBusy extends ProblemException {
  private final int retryAfterSeconds;

  public TooBusy(String detail, int retryAfterSeconds) {
    super("too-busy", "Too many requests", 429, detail);
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException("Retry-After must be at least one second");
    }
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
