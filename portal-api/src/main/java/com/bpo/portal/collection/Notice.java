package com.bpo.portal.collection;

import com.bpo.portal.shared.Money;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A dunning notice: one customer, one level, with the invoices it lists or leaves out (and why).
 */
public record Notice(
    long id,
    long runId,
    LocalDate runDate,
    long accountId,
    String accountNumber,
    String accountName,
    int level,
    StepAction action,
    String templateKey,
    boolean needsRelease,
    String language,
    Money total,
    String status,
    Exclusion exclusion,
    String recipient,
    OffsetDateTime sentAt,
    List<Line> lines) {
  public record Line(
      long invoiceId,
      String number,
      LocalDate dueDate,
      Money amount,
      int daysOverdue,
      Exclusion exclusion) {}

  Notice withLines(List<Line> lines) {
    return new Notice(
        id,
        runId,
        runDate,
        accountId,
        accountNumber,
        accountName,
        level,
        action,
        templateKey,
        needsRelease,
        language,
        total,
        status,
        exclusion,
        recipient,
        sentAt,
        lines);
  }
}
