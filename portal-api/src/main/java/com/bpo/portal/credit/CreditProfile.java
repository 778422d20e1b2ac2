package com.bpo.portal.credit;

import com.bpo.portal.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An account's credit as the panel and the API show it: the limit in force, exposure (open
 * receivables less unapplied credit), the behaviour score with its parts, risk class and review
 * dates, the active hold, flags, the limit history and the limit requests.
 */
public record CreditProfile(
    long customerAccountId,
    String customerNumber,
    String customerName,
    Money limit,
    Money openReceivables,
    Money unappliedCredit,
    Money exposure,
    Score score,
    RiskClass riskClass,
    LocalDate lastReviewedOn,
    LocalDate nextReviewOn,
    ReviewState reviewState,
    Hold hold,
    List<String> flags,
    List<LimitChange> history,
    List<LimitRequest> requests,
    long version) {

  /** The score and the facts it was computed from (SQL), for whoever wants to check it. */
  public record Score(
      int value,
      BigDecimal averageDaysLate,
      int brokenPromises,
      BigDecimal disputeRate,
      int invoices,
      BehaviourScore parts) {}

  public record Hold(long id, String reason, String setBy, OffsetDateTime setAt, long version) {}

  public record LimitChange(
      long id,
      Money oldLimit,
      Money newLimit,
      String changedBy,
      String reason,
      Long limitRequestId,
      OffsetDateTime changedAt) {}
}
