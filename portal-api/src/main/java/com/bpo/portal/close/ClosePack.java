package com.bpo.portal.close;

import com.bpo.portal.shared.Money;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A month's close pack as the client reads it: per currency the roll-forward, the aging at the
 * month end, the provision and the reconciliation to the ledger; the month's write-offs and the
 * accounts that carry the most provision. Frozen when published: the client signs off what they
 * saw.
 */
public record ClosePack(
    String period,
    LocalDate periodEnd,
    CloseStatus status,
    long version,
    List<CloseAction> actions,
    int policyVersion,
    List<CurrencySection> currencies,
    List<WriteOff> writeOffs,
    List<AccountProvision> largestProvisions,
    String publishedBy,
    OffsetDateTime publishedAt,
    String signedOffBy,
    OffsetDateTime signedOffAt,
    OffsetDateTime computedAt) {

  /** One currency's figures. */
  public record CurrencySection(
      String currency,
      Flow rollForward,
      List<AgingLine> aging,
      Provision provision,
      Reconciliation reconciliation,
      Money unappliedCash,
      int disputesOpen,
      Money disputedAtEnd) {}

  /**
   * The roll-forward with its amounts as money on the wire; {@code difference} is zero when it
   * ties.
   */
  public record Flow(
      Money opening,
      Money invoiced,
      Money cash,
      Money credits,
      Money writeOffs,
      Money adjustments,
      Money closing,
      Money difference) {
    static Flow of(RollForward r) {
      String c = r.currency();
      return new Flow(
          new Money(r.opening(), c),
          new Money(r.invoiced(), c),
          new Money(r.cash(), c),
          new Money(r.credits(), c),
          new Money(r.writeOffs(), c),
          new Money(r.adjustments(), c),
          new Money(r.closing(), c),
          new Money(r.difference(), c));
    }
  }

  /**
   * What was owed at the month end in one bucket, the part under dispute, and its general
   * provision.
   */
  public record AgingLine(ProvisionBucket bucket, Money amount, Money disputed, Money provision) {}

  /** The provision at the month end and how it moved from the month before. */
  public record Provision(
      Money general,
      Money specific,
      Money opening,
      Money used,
      Money charge,
      Money release,
      Money closing) {}

  /**
   * The client's ledger against the receivables: the difference left once the listed items explain
   * it.
   */
  public record Reconciliation(
      Money ledger, Money receivables, Money explained, Money unexplained, List<Item> items) {
    public boolean entered() {
      return ledger != null;
    }

    public boolean explainedToTheCent() {
      return unexplained != null && unexplained.amount().signum() == 0;
    }
  }

  /** A reconciling item. */
  public record Item(long id, String kind, Money amount, String explanation, String enteredBy) {}

  /** A write-off of the month. */
  public record WriteOff(
      long invoiceId,
      String invoiceNumber,
      String customerNumber,
      String customerName,
      LocalDate postedOn,
      Money amount) {}

  /** An account's provision at the month end, general and specific. */
  public record AccountProvision(
      long customerId,
      String customerNumber,
      String customerName,
      Money overdue,
      Money general,
      Money specific,
      Money total) {}
}
