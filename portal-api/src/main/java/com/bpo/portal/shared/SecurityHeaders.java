package com.bpo.portal.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every answer, set before anything is written. Pages get a Content Security
 * Policy with what Vaadin Flow needs to start its client engine ('unsafe-inline' and 'unsafe-eval'
 * for scripts, inline styles) and nothing from other origins; the API gets a policy that allows
 * nothing at all, since it only ever returns data. Neither may be framed (clickjacking); no
 * answer's type is sniffed; API answers are never stored by a cache; HSTS is sent only over HTTPS,
 * where it means something. Liberty's own answers that never reach this filter (the sign-in
 * redirect, its error pages) get the same headers from the HTTP endpoint's {@code <headers>} in
 * server.xml.
 */
public class SecurityHeaders extends HttpFilter {
  static final String PAGE_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
          + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
          + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    response.setHeader("Content-Security-Policy", api ? API_POLICY : PAGE_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (api) {
      // answers hold tenant data and sit behind a bearer token: no browser or proxy keeps a copy
      response.setHeader("Cache-Control", "no-store");
    }
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    chain.doFilter(request, response);
  }
}
