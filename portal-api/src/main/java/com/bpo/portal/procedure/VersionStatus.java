package com.bpo.portal.procedure;

/** Where a version of a procedure stands. Only {@link ProcedureWorkflow} moves it. */
public enum VersionStatus {
  DRAFT,
  IN_REVIEW,
  APPROVED,
  EFFECTIVE,
  SUPERSEDED,
  RETIRED;

  /** A version still being made: at most one per procedure. */
  public boolean isOpen() {
    return this == DRAFT || this == IN_REVIEW || this == APPROVED;
  }
}
