package com.bpo.portal.tenant;

import com.bpo.portal.shared.Problem;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Only an access token opens the API. Liberty's mpJwt checks signature, issuer, expiry and audience
 * (server.xml), but not what kind of token it is; Keycloak marks its access tokens {@code typ:
 * Bearer} and its ID tokens {@code typ: ID}. An ID token says who signed in to a client, not what
 * that client may call, so one that reached the API (from a browser's storage, a log) is refused
 * here with 401, before the tenant is resolved. Declared in web.xml, after the outage filter.
 */
public class AccessTokens extends HttpFilter {
  static final String TYPE_CLAIM = "typ";
  static final String ACCESS_TOKEN_TYPE = "Bearer";
  private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Principal principal = request.getUserPrincipal();
    if (principal instanceof JsonWebToken token && !isAccessToken(token.getClaim(TYPE_CLAIM))) {
      LOG.fine(
          () -> "Refused a token of type " + token.getClaim(TYPE_CLAIM) + " as a bearer token");
      Problem problem =
          Problem.of(
              "http-401",
              "Unauthorized",
              401,
              "Send an access token (typ Bearer) as the bearer token; ID and refresh tokens are not accepted.");
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      response.setContentType(Problem.MEDIA_TYPE);
      response.getWriter().write(JSON.toJson(problem));
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean isAccessToken(Object typ) {
    String value =
        typ instanceof jakarta.json.JsonString s
            ? s.getString()
            : typ == null ? null : typ.toString();
    return ACCESS_TOKEN_TYPE.equals(value);
  }
}
