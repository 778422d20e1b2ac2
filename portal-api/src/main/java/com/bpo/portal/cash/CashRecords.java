package com.bpo.portal.cash;

import com.bpo.portal.shared.Money;
import jakarta.json.bind.annotation.JsonbTransient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The read records of cash application, as the API and the screens show them. */
public final class CashRecords {
  private CashRecords() {}

  public record BankAccount(long id, String account, String currency, String name) {}

  public record NewBankAccount(String account, String currency, String name) {}

  public record StatementSummary(
      long id,
      long bankAccountId,
      String account,
      String statementId,
      String format,
      LocalDate fromDate,
      LocalDate toDate,
      int lineCount,
      long applied,
      long suggested,
      long unapplied,
      String importedBy,
      OffsetDateTime importedAt) {}

  /**
   * The answer to an upload: the statement, and whether it had been imported before (then nothing
   * changed).
   */
  /**
   * A statement's import: the statement (an earlier one when every entry had come before), whether
   * it had been imported already, and how many of the file's lines an earlier statement of the
   * account had brought (not imported again).
   */
  public record ImportResult(
      StatementSummary statement, boolean alreadyImported, int linesAlreadyImported) {}

  public record LineSummary(
      long id,
      long statementId,
      String entryRef,
      LocalDate bookingDate,
      Money amount,
      String payerName,
      String payerAccount,
      String reference,
      LineStatus status,
      Long customerId,
      String customerNumber,
      String customerName,
      Money applied,
      Money onAccount,
      Money unapplied,
      int ageDays,
      long version) {}

  /** A candidate (or the decision taken) for a line, with the reason it was proposed. */
  public record Candidate(
      long id,
      String rule,
      BigDecimal confidence,
      String status,
      Long customerId,
      String customerNumber,
      String reason,
      // the same reason in clauses, for a screen to say in its user's language (not in the API)
      @JsonbTransient @Schema(hidden = true) Reason why,
      List<CandidateItem> items,
      String decidedBy,
      OffsetDateTime decidedAt) {}

  public record CandidateItem(long invoiceId, String invoiceNumber, Money amount, Money writeOff) {}

  public record LineDetail(
      LineSummary line, List<Candidate> candidates, Long paymentId, Long deductionId) {}

  /** A person's decision on a line, with the version they saw. */
  public record Application(
      Long version, Long customerId, List<Allocation> allocations, String note) {}

  public record Allocation(Long invoiceId, String amount) {}

  /** The tenant's matching settings, with the version to send back when changing them. */
  public record Settings(
      BigDecimal confidenceThreshold, BigDecimal toleranceAmount, long version) {}

  public record SettingsChange(String confidenceThreshold, String toleranceAmount, Long version) {}

  /** An open invoice a person may apply a line to. */
  public record InvoiceChoice(
      long id, String number, long customerId, String customerNumber, Money open) {}

  /** Unapplied cash by age, for leads and clients. */
  public record UnappliedCash(
      String currency, long lines, BigDecimal amount, List<AgeBucket> buckets) {}

  public record AgeBucket(String bucket, long lines, BigDecimal amount) {}

  public record NewRemittance(
      Long customerId,
      String paymentReference,
      String amount,
      String currency,
      List<RemittanceItem> items) {}

  public record RemittanceItem(Long invoiceId, String amount) {}

  public record Remittance(
      long id,
      long customerId,
      String paymentReference,
      Money amount,
      String source,
      String enteredBy,
      OffsetDateTime enteredAt,
      Long lineId,
      List<Long> invoiceIds) {}

  /**
   * A remittance advice as its customer reads it back: what they said, when, which invoices (by
   * number), and whether a bank line has followed it yet.
   */
  public record AdviceSummary(
      long id,
      String paymentReference,
      Money amount,
      String currency,
      OffsetDateTime enteredAt,
      boolean matched,
      List<String> invoiceNumbers) {}
}
