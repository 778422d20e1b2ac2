package com.bpo.portal.procedure;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A procedure's page: the procedure, all its versions, the effective one to read, who has and has
 * not acknowledged it, its reviews and its history. {@code acknowledgedByMe} is whether the caller
 * has.
 */
@JsonbNillable
public record ProcedureDetail(
    ProcedureSummary procedure,
    List<VersionSummary> versions,
    VersionDetail effective,
    Acknowledgements acknowledgements,
    boolean acknowledgedByMe,
    List<Review> reviews,
    List<Event> history) {
  @JsonbNillable
  public record Acknowledgements(
      Long versionId, Integer number, List<Acknowledgement> acknowledged, List<Person> pending) {}

  public record Acknowledgement(
      String username,
      String displayName,
      long versionId,
      int number,
      OffsetDateTime acknowledgedAt) {}

  public record Person(String username, String displayName) {}

  @JsonbNillable
  public record Review(
      long id,
      Integer number,
      String outcome,
      String reviewedBy,
      OffsetDateTime reviewedAt,
      LocalDate dueOn,
      String comment) {}

  @JsonbNillable
  public record Event(
      OffsetDateTime at,
      String actor,
      String action,
      Integer number,
      VersionStatus fromStatus,
      VersionStatus toStatus,
      String note) {}
}
