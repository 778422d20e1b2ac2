package com.bpo.portal.shared;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * The answer while the database is away: 503 with Retry-After, as problem+json on /api and as a
 * short page in the user's language on the screens, with a way to try again. Never a stack trace.
 *
 * <p>It answers at once, before the request asks the pool for a connection, while {@link
 * DatabaseCircuit} is open; and it is the last word when a failure that means the database is away
 * escapes everything else (the tenant lookup that every request makes runs before JAX-RS and Vaadin
 * can answer), which opens the circuit. Other failures pass on unchanged.
 */
public class OutageFilter extends HttpFilter {
  private static final Logger LOG = Logger.getLogger(OutageFilter.class.getName());
  private static final String BUNDLE = "vaadin-i18n.translations";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (DatabaseCircuit.isOpen()) {
      unavailable(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!ServiceUnavailable.isDatabaseOutage(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warning("Database unavailable answering " + request.getRequestURI() + ": " + e);
      DatabaseCircuit.trip(e);
      response.resetBuffer();
      unavailable(request, response);
    }
  }

  private static void unavailable(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setStatus(503);
    response.setHeader("Retry-After", String.valueOf(ServiceUnavailable.RETRY_AFTER_SECONDS));
    response.setHeader("Cache-Control", "no-store");
    response.setCharacterEncoding("UTF-8");
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      response.setContentType(Problem.MEDIA_TYPE);
      response.getWriter().write(Json.INSTANCE.toJson(ServiceUnavailable.problem()));
    } else {
      response.setContentType("text/html");
      response.getWriter().write(page(request.getLocale(), request.getContextPath() + "/"));
    }
  }

  /**
   * Plain HTML from the screens' own bundles: the Vaadin client cannot start without the database.
   */
  public static String page(Locale locale, String home) {
    String title = text(locale, "unavailable.title", "Temporarily unavailable");
    String body =
        text(
            locale,
            "unavailable.text",
            "The portal cannot reach its data just now. Nothing you saved is lost; please try again in a moment.");
    String retry = text(locale, "unavailable.retry", "Try again");
    return "<!DOCTYPE html><html lang='"
        + escape(locale.getLanguage())
        + "'><head><meta charset='utf-8'>"
        + "<meta name='viewport' content='width=device-width, initial-scale=1'><title>"
        + escape(title)
        + "</title>"
        + "<style>body{font-family:system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;color:#1a2433}"
        + "a{display:inline-block;margin-top:1em;padding:.5em 1.2em;border-radius:4px;background:#1676f3;color:#fff;"
        + "text-decoration:none}</style></head><body id='unavailable'><h1>"
        + escape(title)
        + "</h1><p>"
        + escape(body)
        + "</p><a id='unavailable-retry' href='"
        + escape(home)
        + "'>"
        + escape(retry)
        + "</a></body></html>";
  }

  private static String text(Locale locale, String key, String fallback) {
    try {
      return ResourceBundle.getBundle(
              BUNDLE,
              locale,
              Thread.currentThread().getContextClassLoader(),
              ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
          .getString(key);
    } catch (MissingResourceException e) {
      return fallback;
    }
  }

  /** Made at the first outage, not with the class: the page alone needs no JSON-B provider. */
  private static final class Json {
    static final Jsonb INSTANCE = JsonbBuilder.create();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;")
        .replace("\"", "&quot;");
  }
}
