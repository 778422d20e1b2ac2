package com.bpo.portal.limits;

import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request body over its limit with 413 problem+json: first by its declared length, before
 * anything is read, then by the bytes actually read (a chunked body declares none). The limit
 * depends on the door: CSV imports are legitimately hundreds of megabytes, dispute evidence a few,
 * everything else (JSON, Vaadin's own messages) far less. Vaadin's uploads are multipart; the CSV
 * import screen is the BPO's only, so staff get the import limit there and everyone else the
 * attachment limit.
 */
public class RequestSizeLimit extends HttpFilter {
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final Pattern ATTACHMENTS =
      Pattern.compile("/api/v1/disputes/[^/]+/attachments/?");

  /** A bank statement's limit: a little above the 20 MB the statement parser takes. */
  static final long STATEMENT_BYTES = 21L * 1024 * 1024;

  /** The limits in bytes: any body, an attachment upload, a CSV import. */
  record Limits(long body, long upload, long imports) {}

  @Inject
  @ConfigProperty(name = "portal.limits.body.bytes", defaultValue = "1048576")
  long bodyLimit;

  /** A little above the 5 MB attachment limit, so the attachment check can say what was wrong. */
  @Inject
  @ConfigProperty(name = "portal.limits.upload.bytes", defaultValue = "6291456")
  long uploadLimit;

  @Inject
  @ConfigProperty(name = "portal.limits.import.bytes", defaultValue = "536870912")
  long importLimit;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean staff = request.isUserInRole(Roles.BPO_LEAD) || request.isUserInRole(Roles.BPO_AGENT);
    long limit =
        limitFor(
            new Limits(bodyLimit, uploadLimit, importLimit), path, request.getContentType(), staff);
    if (request.getContentLengthLong() > limit) {
      refuse(response, BodyTooLarge.refusal(limit));
      return;
    }
    try {
      chain.doFilter(new CountedBody(request, limit), response);
    } catch (IOException | ServletException | RuntimeException e) {
      ProblemException refusal = refusalIn(e);
      if (refusal == null || response.isCommitted()) {
        throw e;
      }
      response.resetBuffer();
      refuse(response, refusal);
    }
  }

  static long limitFor(Limits limits, String path, String contentType, boolean staff) {
    if (path.equals("/api/v1/imports") || path.equals("/api/v1/imports/")) {
      return limits.imports();
    }
    // a bank statement may be 20 MB: its resource reads one byte more and the parser says what was
    // wrong (cash.StatementParsers.MAX_BYTES); with the 1 MB of any body, 6,000 CSV lines were
    // refused (413)
    if (path.equals("/api/v1/cash/statements") || path.equals("/api/v1/cash/statements/")) {
      return Math.min(limits.imports(), STATEMENT_BYTES);
    }
    if (ATTACHMENTS.matcher(path).matches()) {
      return limits.upload();
    }
    if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
      return staff ? limits.imports() : limits.upload();
    }
    return limits.body();
  }

  private static ProblemException refusalIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BodyTooLarge tooLarge) {
        return tooLarge.refusal();
      }
    }
    return null;
  }

  /** The client may still be sending; closing the connection spares reading the rest. */
  private static void refuse(HttpServletResponse response, ProblemException refusal)
      throws IOException {
    Problem problem = refusal.toProblem();
    response.setStatus(problem.status());
    response.setHeader("Connection", "close");
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.toJson(problem));
  }
}
