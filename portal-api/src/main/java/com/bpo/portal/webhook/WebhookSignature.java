package com.bpo.portal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks, as Stripe signs: HMAC-SHA256, keyed with the endpoint's secret
 * (its UTF-8 bytes), over {@code <unix seconds> + "." + <body>}, sent as {@code Portal-Signature:
 * t=<unix seconds>,v1=<hex>}; during a rotation's grace period one {@code v1} per live secret,
 * newest first. The timestamp in the signed text lets a receiver refuse a replayed old delivery.
 */
public final class WebhookSignature {
  public static final String HEADER = "Portal-Signature";
  private static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A new secret: 32 random bytes, base64url, behind a prefix that says what it is. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The hex HMAC-SHA256 of {@code timestamp + "." + body} under {@code secret}. */
  public static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /** The header's value: the timestamp, then one signature per secret, in the order given. */
  public static String header(List<String> secrets, long timestamp, String body) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("an endpoint always has a secret");
    }
    StringBuilder value = new StringBuilder("t=").append(timestamp);
    for (String secret : secrets) {
      value.append(",v1=").append(sign(secret, timestamp, body));
    }
    return value.toString();
  }
}
