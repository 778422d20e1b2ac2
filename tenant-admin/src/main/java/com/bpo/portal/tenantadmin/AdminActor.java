package com.bpo.portal.tenantadmin;

import java.util.UUID;

/** Who does an administrative action, and the request it came in with (for the audit record). */
public record AdminActor(String username, String requestId) {
  public AdminActor {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("an administrative action needs its actor");
    }
    requestId = requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
  }

  public static AdminActor of(String username) {
    return new AdminActor(username, null);
  }
}
