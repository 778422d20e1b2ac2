package com.bpo.portal.cash;

import com.bpo.portal.cash.BankStatementFile.Line;
import com.bpo.portal.cash.CashMatcher.Allocation;
import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.CashMatcher.Payer;
import com.bpo.portal.cash.CashMatcher.Proposal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The payments a block of a statement's lines has decided but not yet written, and the ledger as it
 * will be once they are. Matching reads through it, so each line sees what the lines before it took
 * (an invoice paid in full is gone; one paid in part is open for the rest; the payer's oldest open
 * invoices move on), as if each line had been written before the next was matched. The block is
 * then written together ({@code PaymentApplication.applyAll}).
 *
 * <p>Only invoices' open amounts are held back here: what a line learns of its payer is held by
 * {@link BlockReads} (and written with the block), and the remittance advice it follows is marked
 * at once.
 */
final class PendingPayments implements Ledger {
  /** A line decided, with the proposal to apply. */
  record Pending(long lineId, Line line, Proposal proposal) {}

  private final Ledger database;
  private final List<Pending> pending = new ArrayList<>();

  /** What the pending payments take from each invoice (applied and written off). */
  private final Map<Long, BigDecimal> taken = new HashMap<>();

  /** Per customer, the invoices the pending payments take from. */
  private final Map<Long, Set<Long>> touched = new HashMap<>();

  PendingPayments(Ledger database) {
    this.database = database;
  }

  void add(long lineId, Line line, Proposal proposal) {
    pending.add(new Pending(lineId, line, proposal));
    for (Allocation a : proposal.allocations()) {
      BigDecimal amount = a.amount().add(a.writeOff());
      if (amount.signum() > 0) {
        taken.merge(a.invoiceId(), amount, BigDecimal::add);
        touched.computeIfAbsent(proposal.customerId(), c -> new HashSet<>()).add(a.invoiceId());
      }
    }
  }

  /**
   * The pending payments in runs to write together, in order. A run ends at a short payment only
   * when a later payment of the block pays one of its invoices too: its deduction is sized on what
   * its invoices have open right after it ({@code CashService.write}), which is what they have open
   * after the run as long as nothing later in the run pays them. Most blocks are one run; a run
   * ended at every short payment cost some dozen runs a block, each with its statements and their
   * triggers.
   */
  List<List<Pending>> runs() {
    Map<Long, Integer> lastPaidBy = new HashMap<>();
    for (int i = 0; i < pending.size(); i++) {
      for (Allocation a : pending.get(i).proposal().allocations()) {
        lastPaidBy.put(a.invoiceId(), i);
      }
    }
    List<List<Pending>> runs = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < pending.size(); i++) {
      Proposal proposal = pending.get(i).proposal();
      int at = i;
      boolean paidAgainLater =
          proposal.shortfall().signum() > 0
              && proposal.allocations().stream().anyMatch(a -> lastPaidBy.get(a.invoiceId()) > at);
      if (paidAgainLater || i == pending.size() - 1) {
        runs.add(List.copyOf(pending.subList(from, i + 1)));
        from = i + 1;
      }
    }
    return runs;
  }

  /** The invoice as the pending payments leave it; empty once they close it. */
  Optional<OpenInvoice> after(OpenInvoice invoice) {
    BigDecimal take = taken.get(invoice.id());
    if (take == null) {
      return Optional.of(invoice);
    }
    BigDecimal open = invoice.open().subtract(take);
    return open.signum() > 0
        ? Optional.of(
            new OpenInvoice(
                invoice.id(),
                invoice.number(),
                invoice.customerId(),
                invoice.currency(),
                open,
                invoice.dueDate()))
        : Optional.empty();
  }

  private List<OpenInvoice> after(List<OpenInvoice> invoices) {
    if (taken.isEmpty()) {
      return invoices;
    }
    List<OpenInvoice> out = new ArrayList<>(invoices.size());
    invoices.forEach(i -> after(i).ifPresent(out::add));
    return out;
  }

  @Override
  public List<OpenInvoice> openInvoicesByKey(Collection<String> keys) {
    return after(database.openInvoicesByKey(keys));
  }

  @Override
  public List<OpenInvoice> openInvoicesNear(List<String> keys) {
    return after(database.openInvoicesNear(keys));
  }

  @Override
  public List<String> oneEditVariants(String key) {
    return database.oneEditVariants(key);
  }

  @Override
  public List<String> existingKeys(Collection<String> keys) {
    return database.existingKeys(keys);
  }

  @Override
  public Optional<Payer> payer(String accountKey, String nameKey, String rawName) {
    return database.payer(accountKey, nameKey, rawName);
  }

  /**
   * The customer's oldest open invoices: as many more are read as the pending payments touch of the
   * customer's, so that the ones they close are replaced by the next oldest.
   */
  @Override
  public List<OpenInvoice> openInvoicesOf(long customerId, String currency, int limit) {
    int more = touched.getOrDefault(customerId, Set.of()).size();
    List<OpenInvoice> open = after(database.openInvoicesOf(customerId, currency, limit + more));
    return open.size() > limit ? open.subList(0, limit) : open;
  }

  @Override
  public List<OpenInvoice> advisedInvoices(
      String reference, Optional<Long> payer, BigDecimal amount, String currency) {
    return after(database.advisedInvoices(reference, payer, amount, currency));
  }
}
