package com.bpo.portal.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events a tenant's endpoints can subscribe to, by their code in payloads and the API. */
public enum WebhookEventType {
  DISPUTE_RAISED("dispute.raised"),
  DISPUTE_CUSTOMER_MESSAGE("dispute.customer_message"),
  DISPUTE_RESOLVED("dispute.resolved"),
  SCORECARD_PUBLISHED("scorecard.published"),
  SCORECARD_SIGNED_OFF("scorecard.signed_off"),
  PROMISE_BROKEN("promise.broken"),
  PAYMENT_APPLIED("payment.applied"),
  IMPORT_FINISHED("import.finished");

  private final String code;

  WebhookEventType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<WebhookEventType> ofCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }
}
