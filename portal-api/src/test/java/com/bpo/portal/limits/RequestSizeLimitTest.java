package com.bpo.portal.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestSizeLimitTest {
  private static final RequestSizeLimit.Limits LIMITS =
      new RequestSizeLimit.Limits(1_000, 6_000, 500_000);

  @Test
  void csvImportsHaveTheLargeLimit() {
    assertEquals(500_000, RequestSizeLimit.limitFor(LIMITS, "/api/v1/imports", "text/csv", true));
    assertEquals(
        500_000,
        RequestSizeLimit.limitFor(LIMITS, "/api/v1/cash/statements", "text/csv", true),
        "a bank statement has at most the import limit");
    assertEquals(
        RequestSizeLimit.STATEMENT_BYTES,
        RequestSizeLimit.limitFor(
            new RequestSizeLimit.Limits(1_000, 6_000, 512L * 1024 * 1024),
            "/api/v1/cash/statements",
            "text/csv",
            true),
        "and no more than a little above the 20 MB a statement may be");
    assertEquals(
        1_000,
        RequestSizeLimit.limitFor(LIMITS, "/api/v1/cash/statements/7", "application/json", true),
        "a statement's own resources are not");
  }

  @Test
  void disputeEvidenceHasTheUploadLimitWhoeverSendsIt() {
    assertEquals(
        6_000,
        RequestSizeLimit.limitFor(
            LIMITS, "/api/v1/disputes/42/attachments", "application/pdf", false));
    assertEquals(
        6_000,
        RequestSizeLimit.limitFor(
            LIMITS, "/api/v1/disputes/42/attachments", "application/pdf", true));
  }

  @Test
  void screenUploadsAreLargeOnlyForStaffWhoImport() {
    String multipart = "multipart/form-data; boundary=x";
    assertEquals(500_000, RequestSizeLimit.limitFor(LIMITS, "/invoices/import", multipart, true));
    assertEquals(6_000, RequestSizeLimit.limitFor(LIMITS, "/disputes/new", multipart, false));
  }

  @Test
  void everythingElseHasTheSmallLimit() {
    assertEquals(
        1_000, RequestSizeLimit.limitFor(LIMITS, "/api/v1/disputes", "application/json", false));
    assertEquals(
        1_000,
        RequestSizeLimit.limitFor(
            LIMITS, "/api/v1/disputes/42/messages", "application/json", true));
    assertEquals(1_000, RequestSizeLimit.limitFor(LIMITS, "/api/v1/imports/7/errors", null, true));
    assertEquals(1_000, RequestSizeLimit.limitFor(LIMITS, "/", "text/plain;charset=UTF-8", true));
  }
}
