package com.bpo.portal.credit;

import java.time.LocalDate;

/** Where an account's periodic review stands on a day: overdue, due within the notice, or later. */
public enum ReviewState {
  OVERDUE,
  DUE,
  LATER;

  /** Reviews are listed as due this many days before their date. */
  public static final int NOTICE_DAYS = 30;

  /**
   * Overdue the day after its date; due from {@link #NOTICE_DAYS} days before it up to the date
   * itself.
   */
  public static ReviewState of(LocalDate nextReview, LocalDate today) {
    if (today.isAfter(nextReview)) {
      return OVERDUE;
    }
    return today.isBefore(nextReview.minusDays(NOTICE_DAYS)) ? LATER : DUE;
  }
}
