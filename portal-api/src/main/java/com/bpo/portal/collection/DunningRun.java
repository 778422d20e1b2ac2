package com.bpo.portal.collection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A day's dunning run with its counts; the detail adds its notices. */
public record DunningRun(
    long id,
    LocalDate runDate,
    String status,
    String createdBy,
    OffsetDateTime createdAt,
    String releasedBy,
    OffsetDateTime releasedAt,
    int proposed,
    int excluded,
    int sent,
    long version) {
  public record Detail(DunningRun run, List<Notice> notices) {}

  /**
   * What a run call did: the run, and how many notices and invoice lines it added (0 and 0 the
   * second time).
   */
  public record Result(DunningRun run, int noticesAdded, int linesAdded) {}
}
