package com.bpo.portal.shared;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id. A load balancer's {@code X-Request-Id} is kept when it looks like an
 * id (so one request can be followed across instances); anything else is replaced, since the value
 * ends up in the audit trail and must not be a place to smuggle text into it.
 */
@WebFilter(urlPatterns = "/*", filterName = "requestIds")
public class RequestIds extends HttpFilter {
  static final String HEADER = "X-Request-Id";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  @Inject RequestId requestId;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String given = request.getHeader(HEADER);
    String id =
        given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    requestId.assign(id);
    response.setHeader(HEADER, id);
    chain.doFilter(request, response);
  }
}
