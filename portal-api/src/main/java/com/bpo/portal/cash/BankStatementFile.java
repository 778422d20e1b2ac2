package com.bpo.portal.cash;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A statement as read from a file, before anything is stored: the account it is for, the bank's id
 * of the statement, and its credit lines (debits are not cash to apply and are left out).
 */
public record BankStatementFile(
    Format format,
    String account,
    String statementId,
    LocalDate from,
    LocalDate to,
    List<Line> lines) {
  public enum Format {
    CAMT053,
    MT940,
    CSV
  }

  /**
   * One credit: the entry reference is unique within the statement (the bank's, or its position).
   */
  public record Line(
      String entryRef,
      LocalDate bookingDate,
      LocalDate valueDate,
      BigDecimal amount,
      String currency,
      String payerName,
      String payerAccount,
      String reference) {}

  public BankStatementFile {
    lines = List.copyOf(lines);
  }
}
