package com.bpo.portal.tenant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
  @Test
  void onlyKeycloaksAccessTokenTypeOpensTheApi() {
    assertTrue(AccessTokens.isAccessToken("Bearer"));
    assertTrue(AccessTokens.isAccessToken(Json.createValue("Bearer")));
    for (Object other :
        new Object[] {"ID", "Refresh", "Logout", "bearer", "", null, Json.createValue("ID")}) {
      assertFalse(AccessTokens.isAccessToken(other), String.valueOf(other));
    }
  }
}
