package com.bpo.portal.cash;

import com.bpo.portal.cash.BankStatementFile.Line;
import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.CashMatcher.Payer;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The invoice numbers a block's lines name, looked up for the whole block in two statements instead
 * of two per line: the open invoices of every key in the block's references, and which of those
 * keys name any invoice at all. Matching then asks per line as before and is answered from memory
 * for those keys; every other question (numbers one character away, the payer, the payer's open
 * invoices, remittance advice) goes to the database as it comes.
 *
 * <p>Exact, not a guess: nothing a block's lines do changes an invoice before the block is written
 * ({@link PendingPayments} holds the block's payments back, and subtracts them above this), and a
 * block that is written early (a short payment ends it) gets a new {@code BlockReads} for the lines
 * after it. {@code PendingPaymentsTest} decides the same ground truth with and without it.
 */
final class BlockReads implements Ledger {
  private final Ledger database;

  /** Every key the block's references name, with its open invoices (empty when none). */
  private final Map<String, List<OpenInvoice>> openByKey;

  /** Those of the keys that name an invoice, open or not. */
  private final Set<String> existing;

  BlockReads(Ledger database, List<Line> lines) {
    this.database = database;
    Set<String> keys = new LinkedHashSet<>();
    lines.forEach(l -> keys.addAll(InvoiceNumbers.keysIn(l.reference())));
    this.openByKey = keys.isEmpty() ? Map.of() : database.openInvoicesByEachKey(keys);
    this.existing = keys.isEmpty() ? Set.of() : new HashSet<>(database.existingKeys(keys));
  }

  private boolean read(Collection<String> keys) {
    return openByKey.keySet().containsAll(keys);
  }

  @Override
  public List<OpenInvoice> openInvoicesByKey(Collection<String> keys) {
    if (!read(keys)) {
      return database.openInvoicesByKey(keys);
    }
    return keys.stream()
        .distinct()
        .flatMap(k -> openByKey.get(k).stream())
        .distinct()
        .limit(MatchQueries.KEY_LOOKUP_LIMIT)
        .toList();
  }

  @Override
  public List<String> existingKeys(Collection<String> keys) {
    if (!read(keys)) {
      return database.existingKeys(keys);
    }
    return keys.stream().distinct().filter(existing::contains).toList();
  }

  @Override
  public Optional<Payer> payer(String accountKey, String nameKey, String rawName) {
    return database.payer(accountKey, nameKey, rawName);
  }

  @Override
  public List<OpenInvoice> openInvoicesOf(long customerId, String currency, int limit) {
    return database.openInvoicesOf(customerId, currency, limit);
  }

  @Override
  public List<OpenInvoice> advisedInvoices(
      String reference, Optional<Long> payer, BigDecimal amount, String currency) {
    return database.advisedInvoices(reference, payer, amount, currency);
  }
}
