package com.bpo.portal.tenant;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the {@code organization} claim (the tenants a user belongs to) from whichever door they
 * came through: a bearer token (MicroProfile JWT) on /api, or the ID token of Liberty's OpenID
 * Connect client on pages. Keycloak puts it in both when the scope {@code organization:*} is asked
 * for.
 */
final class IdentityClaims {
  static final String ORGANIZATION = "organization";
  private static final Logger LOG = Logger.getLogger(IdentityClaims.class.getName());

  private IdentityClaims() {}

  static List<String> organizations(Principal principal) {
    Object claim =
        principal instanceof JsonWebToken jwt
            ? jwt.getClaim(ORGANIZATION)
            : LibertyIdToken.claim(ORGANIZATION);
    return toStrings(claim);
  }

  /** The person's full name ({@code name}, from the profile scope), if the token carries one. */
  static java.util.Optional<String> fullName(Principal principal) {
    Object claim =
        principal instanceof JsonWebToken jwt ? jwt.getClaim("name") : LibertyIdToken.claim("name");
    return toStrings(claim).stream().map(String::strip).filter(n -> !n.isEmpty()).findFirst();
  }

  static List<String> toStrings(Object claim) {
    if (claim == null) {
      return List.of();
    }
    if (claim instanceof JsonArray array) {
      return array.stream().map(IdentityClaims::text).toList();
    }
    if (claim instanceof Collection<?> values) {
      return values.stream().map(IdentityClaims::text).toList();
    }
    return List.of(text(claim));
  }

  private static String text(Object value) {
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonValue v) {
      return v.toString();
    }
    return String.valueOf(value);
  }

  /**
   * Liberty's PropagationHelper (ibm-api, visible to applications by default) gives the ID token of
   * the current OIDC login. Called reflectively so that the build needs no IBM artifact, which
   * Maven Central does not serve here.
   */
  private static final class LibertyIdToken {
    private static final Method GET_ID_TOKEN;
    private static final Method GET_CLAIM;

    static {
      Method getIdToken = null;
      Method getClaim = null;
      try {
        getIdToken =
            Class.forName("com.ibm.websphere.security.openidconnect.PropagationHelper")
                .getMethod("getIdToken");
        getClaim =
            Class.forName("com.ibm.websphere.security.openidconnect.token.IdToken")
                .getMethod("getClaim", String.class);
      } catch (ReflectiveOperationException e) {
        LOG.log(
            Level.WARNING,
            "Liberty's OpenID Connect API is not available; pages see no tenants",
            e);
      }
      GET_ID_TOKEN = getIdToken;
      GET_CLAIM = getClaim;
    }

    static Object claim(String name) {
      if (GET_ID_TOKEN == null) {
        return null;
      }
      try {
        Object idToken = GET_ID_TOKEN.invoke(null);
        return idToken == null ? null : GET_CLAIM.invoke(idToken, name);
      } catch (ReflectiveOperationException e) {
        LOG.log(Level.WARNING, "Could not read the ID token's claims", e);
        return null;
      }
    }
  }
}
