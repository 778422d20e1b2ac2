package com.bpo.portal.invoice;

import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one door through which an invoice's money changes outside an import: put an amount under
 * dispute (hold) or take it out (release), credit it with a credit note, write it off. Other
 * features (disputes today; collections and cash application next) call these instead of writing
 * the {@code invoice} or {@code credit_note} tables. Every change bumps the invoice's version, so
 * an edit made with the version seen before is refused. Callers lock first ({@link #lockOpen}).
 */
@TenantService
public class InvoiceLedger {
  /**
   * An invoice as a change of its money sees it: what is open, and how much of that is under
   * dispute.
   */
  public record OpenInvoice(
      long id,
      String number,
      long customerId,
      String currency,
      BigDecimal open,
      BigDecimal disputed) {
    /** Open and not already under dispute (never below zero). */
    public BigDecimal available() {
      return open.subtract(disputed).max(BigDecimal.ZERO);
    }
  }

  @Inject InvoiceQueries queries;

  /**
   * The invoices with these ids that exist in the tenant, locked until the transaction ends (in id
   * order, so two callers cannot deadlock on them), by id in that order. Visibility is the caller's
   * to check.
   */
  public Map<Long, OpenInvoice> lockOpen(Collection<Long> ids) {
    Map<Long, OpenInvoice> byId = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      queries.lockOpen(ids).forEach(i -> byId.put(i.id(), i));
    }
    return byId;
  }

  public boolean hasLine(long invoiceId, int lineNo) {
    return queries.hasLine(invoiceId, lineNo);
  }

  /**
   * Puts an amount under dispute: out of the overdue figures, and the invoice shows it as disputed.
   */
  public void hold(long invoiceId, BigDecimal amount) {
    queries.hold(invoiceId, positive(amount));
  }

  /** Puts amounts of several invoices under dispute at once, as {@link #hold} does each. */
  public void holdAll(Map<Long, BigDecimal> amounts) {
    if (amounts.isEmpty()) {
      return;
    }
    amounts.values().forEach(InvoiceLedger::positive);
    queries.holdAll(List.copyOf(amounts.keySet()), List.copyOf(amounts.values()));
  }

  /**
   * Takes an amount out of dispute (at most what is held); the invoice stays disputed while another
   * dispute still holds some. Zero is allowed: the invoice's disputed flag is then recomputed.
   */
  public void release(long invoiceId, BigDecimal amount) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("A release cannot be negative: " + amount);
    }
    queries.release(invoiceId, amount);
  }

  /** Credits an amount with a credit note of this number, dated {@code issuedOn}. */
  /** Credits the invoice with a new credit note, and answers the note's number ("CN-4021"). */
  public String credit(long invoiceId, BigDecimal amount, LocalDate issuedOn, String reason) {
    String number = queries.insertCreditNote(invoiceId, issuedOn, positive(amount), reason);
    queries.addCredited(invoiceId, amount);
    return number;
  }

  public void writeOff(long invoiceId, BigDecimal amount) {
    queries.addWrittenOff(invoiceId, positive(amount));
  }

  private static BigDecimal positive(BigDecimal amount) {
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException(
          "An invoice's money changes by a positive amount, not " + amount);
    }
    return amount;
  }
}
