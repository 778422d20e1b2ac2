package com.bpo.portal.collection;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A contact or task recorded on an account. */
public record Activity(
    long id,
    long accountId,
    ActivityKind kind,
    String contact,
    ContactOutcome outcome,
    String note,
    LocalDate nextActionOn,
    String createdBy,
    OffsetDateTime createdAt) {
  /** What a collector logs. */
  public record New(
      ActivityKind kind,
      String contact,
      ContactOutcome outcome,
      String note,
      LocalDate nextActionOn) {}
}
