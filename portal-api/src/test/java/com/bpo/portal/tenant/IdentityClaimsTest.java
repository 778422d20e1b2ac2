package com.bpo.portal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityClaimsTest {
  @Test
  void anAbsentClaimMeansNoMembership() {
    assertEquals(List.of(), IdentityClaims.toStrings(null));
  }

  @Test
  void aListClaimFromTheIdTokenGivesEachOrganization() {
    assertEquals(List.of("acme", "globex"), IdentityClaims.toStrings(List.of("acme", "globex")));
  }

  @Test
  void aSingleStringClaimIsOneMembership() {
    assertEquals(List.of("acme"), IdentityClaims.toStrings("acme"));
  }
}
