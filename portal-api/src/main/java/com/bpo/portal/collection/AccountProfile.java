package com.bpo.portal.collection;

import com.bpo.portal.shared.Money;
import java.time.LocalDate;

/**
 * An account as collections sees it: the invoice feature's number, name and collector, and
 * collections' own risk class, type, letter language, hold and next action, with the figures the
 * collector works from.
 */
public record AccountProfile(
    long id,
    String number,
    String name,
    String collector,
    RiskClass riskClass,
    CustomerType customerType,
    String language,
    boolean onHold,
    String holdReason,
    LocalDate nextActionOn,
    Money open,
    Money overdue,
    Money disputed,
    Money promised,
    int daysOverdue,
    long version) {
  /** What a lead or collector may change, with the version read. */
  public record Change(
      RiskClass riskClass,
      CustomerType customerType,
      String language,
      Boolean onHold,
      String holdReason,
      LocalDate nextActionOn,
      Long version) {}
}
