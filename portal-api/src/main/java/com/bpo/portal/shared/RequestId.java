package com.bpo.portal.shared;

import jakarta.enterprise.context.RequestScoped;

/**
 * The id of the HTTP request being served: given to the caller in {@code X-Request-Id}, written to
 * every audit record the request causes, so a support call and the audit trail meet on one string.
 * Empty outside HTTP requests (scheduled jobs).
 */
@RequestScoped
public class RequestId {
  private String value = "";

  public String value() {
    return value;
  }

  void assign(String value) {
    this.value = value;
  }
}
