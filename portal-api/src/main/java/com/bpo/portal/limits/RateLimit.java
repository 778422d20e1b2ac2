package com.bpo.portal.limits;

import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers 429 with Retry-After once a user has made more {@link RateLimited} writes in the current
 * window than allowed. Runs after authorisation, so calls refused for their role do not count; the
 * counting itself is {@link RequestQuota}'s, in the database every instance shares.
 */
@Provider
@RateLimited
@Priority(Priorities.USER)
public class RateLimit implements ContainerRequestFilter {
  static final String BUCKET = "customer-writes";

  @Inject RequestQuota quota;

  @Inject
  @ConfigProperty(name = "portal.ratelimit.customer-writes.limit", defaultValue = "30")
  int limit;

  @Inject
  @ConfigProperty(name = "portal.ratelimit.customer-writes.window.seconds", defaultValue = "60")
  long windowSeconds;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getSecurityContext().getUserPrincipal() == null) {
      return;
    }
    String user = request.getSecurityContext().getUserPrincipal().getName();
    Window window = Window.at(Instant.now(), Duration.ofSeconds(windowSeconds));
    int hits;
    try {
      hits = quota.count(user, BUCKET, window.start());
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the request against the rate limit", e);
    }
    if (hits > limit) {
      Problem problem =
          new ProblemException(
                  "too-many-requests",
                  "Too many requests",
                  429,
                  "At most "
                      + limit
                      + " messages, disputes and attachments per "
                      + windowSeconds
                      + " seconds; try again in "
                      + window.secondsLeft()
                      + " seconds.")
              .toProblem();
      request.abortWith(
          Response.status(429)
              .type(Problem.MEDIA_TYPE)
              .entity(problem)
              .header("Retry-After", window.secondsLeft())
              .build());
    }
  }
}
