package com.bpo.portal.procedure;

/**
 * A periodic review's outcome: {@code CONFIRMED} keeps the effective version and restarts the
 * clock, {@code NEW_DRAFT} opens a draft from it. With the procedure's lock version last seen.
 */
public record ReviewRequest(Outcome outcome, String comment, Long version) {
  public enum Outcome {
    CONFIRMED,
    NEW_DRAFT
  }
}
