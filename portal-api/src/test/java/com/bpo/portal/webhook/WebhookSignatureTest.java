package com.bpo.portal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  static final String SECRET = "whsec_test_secret_0123456789abcdefghij";
  static final String BODY = "{\"id\":\"evt_1\",\"type\":\"dispute.raised\"}";

  /**
   * The vector docs/WEBHOOKS.md shows, computed independently: printf '%s'
   * '1700000000.{"id":"evt_1","type":"dispute.raised"}' | openssl dgst -sha256 -hmac
   * 'whsec_test_secret_0123456789abcdefghij'
   */
  @Test
  void signsTimestampDotBodyWithHmacSha256AsOpensslDoes() {
    assertEquals(
        "ed055bd81e39269cdeb4e8bc9f4250b9433286adcd580c68cf691a9ef8e5819b",
        WebhookSignature.sign(SECRET, 1700000000L, BODY));
  }

  @Test
  void theHeaderCarriesTheTimestampAndOneSignaturePerLiveSecretNewestFirst() {
    String header = WebhookSignature.header(List.of("whsec_new", SECRET), 1700000000L, BODY);
    assertEquals(
        "t=1700000000,v1="
            + WebhookSignature.sign("whsec_new", 1700000000L, BODY)
            + ",v1=ed055bd81e39269cdeb4e8bc9f4250b9433286adcd580c68cf691a9ef8e5819b",
        header);
  }

  @Test
  void anotherTimestampOrBodyGivesAnotherSignature() {
    String signature = WebhookSignature.sign(SECRET, 1700000000L, BODY);
    assertNotEquals(signature, WebhookSignature.sign(SECRET, 1700000001L, BODY));
    assertNotEquals(signature, WebhookSignature.sign(SECRET, 1700000000L, BODY + " "));
  }

  @Test
  void anEndpointWithoutASecretCannotBeSigned() {
    assertThrows(
        IllegalArgumentException.class, () -> WebhookSignature.header(List.of(), 1L, BODY));
  }

  @Test
  void newSecretsAreLongRandomAndSayWhatTheyAre() {
    String a = WebhookSignature.newSecret();
    String b = WebhookSignature.newSecret();
    assertTrue(a.matches("whsec_[A-Za-z0-9_-]{43}"), a);
    assertNotEquals(a, b);
  }
}
