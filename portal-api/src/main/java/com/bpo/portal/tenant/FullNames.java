package com.bpo.portal.tenant;

import java.security.Principal;

/**
 * The name people read for the signed-in person: their full name from the sign-in, else their user
 * name.
 */
public final class FullNames {
  private FullNames() {}

  public static String of(Principal principal, String username) {
    return principal == null ? username : IdentityClaims.fullName(principal).orElse(username);
  }
}
