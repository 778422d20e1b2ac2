package com.bpo.portal.shared;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * No path segment or query parameter may hold a NUL character: none names anything, and PostgreSQL
 * refuses NUL in text, so one reaching a query was a 500. Refused at the door, before matching,
 * whatever the parameter; bodies are checked as they are read ({@link BodyReading}).
 */
@Provider
@PreMatching
public class NulCharacters implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getRequestUri().getRawPath();
    String query = request.getUriInfo().getRequestUri().getRawQuery();
    if (holdsNul(path) || holdsNul(query)) {
      request.abortWith(
          Response.status(400)
              .type(Problem.MEDIA_TYPE)
              .entity(
                  Problem.of(
                      "validation",
                      "Invalid request",
                      400,
                      "A path or query parameter holds a NUL character (%00), which no value may contain."))
              .build());
    }
  }

  static boolean holdsNul(String raw) {
    return raw != null
        && (raw.indexOf('\u0000') >= 0 || raw.toLowerCase(Locale.ROOT).contains("%00"));
  }
}
