package com.bpo.portal.cash;

import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.CashMatcher.Payer;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What matching asks of the receivables: {@link MatchQueries} answers from the database; the
 * ground-truth measurement answers from memory, so that both run the same {@link #evidence} logic.
 */
public interface Ledger {
  /** Open invoices whose number's key is one of these. */
  List<OpenInvoice> openInvoicesByKey(Collection<String> keys);

  /**
   * The open invoices of each key, for many keys at once (a block's look-ups, {@link BlockReads});
   * every key is in the answer, with an empty list when it names no open invoice, and at most
   * {@link MatchQueries#KEY_LOOKUP_LIMIT} invoices, as {@link #openInvoicesByKey} answers one key.
   */
  default Map<String, List<OpenInvoice>> openInvoicesByEachKey(Collection<String> keys) {
    Map<String, List<OpenInvoice>> out = new HashMap<>();
    for (String key : keys) {
      out.put(key, openInvoicesByKey(List.of(key)));
    }
    return out;
  }

  /** Those of the keys that name an invoice, open or not. */
  List<String> existingKeys(Collection<String> keys);

  /** The payer by bank account, learned name, or a customer of exactly that name. */
  Optional<Payer> payer(String accountKey, String nameKey, String rawName);

  /** The customer's oldest open invoices in a currency (as many as the amount rules consider). */
  default List<OpenInvoice> openInvoicesOf(long customerId, String currency) {
    return openInvoicesOf(customerId, currency, MatchQueries.PAYER_OPEN_LIMIT);
  }

  /** The customer's {@code limit} oldest open invoices in a currency. */
  List<OpenInvoice> openInvoicesOf(long customerId, String currency, int limit);

  /** The open invoices of the first open remittance advice for this payment, if any. */
  List<OpenInvoice> advisedInvoices(
      String reference, Optional<Long> payer, BigDecimal amount, String currency);

  /** What a ledger knows about a bank line, for the pure rules of {@link CashMatcher}. */
  static CashMatcher.Evidence evidence(Ledger ledger, BankStatementFile.Line line) {
    List<String> keys = InvoiceNumbers.keysIn(line.reference());
    List<OpenInvoice> referenced = ledger.openInvoicesByKey(keys);
    java.util.Set<String> known = new java.util.HashSet<>(ledger.existingKeys(keys));
    // a number that names a paid invoice is no typo, unless what it names does not explain the
    // amount
    BigDecimal named =
        referenced.stream().map(OpenInvoice::open).reduce(BigDecimal.ZERO, BigDecimal::add);
    boolean explained = named.compareTo(line.amount()) == 0;
    java.util.Set<String> variants = new java.util.LinkedHashSet<>();
    for (String key : keys) {
      if (!explained || !known.contains(key)) {
        variants.addAll(InvoiceNumbers.oneEditVariants(key));
      }
    }
    java.util.Set<Long> referencedIds =
        new java.util.HashSet<>(referenced.stream().map(OpenInvoice::id).toList());
    List<OpenInvoice> near =
        variants.isEmpty()
            ? List.of()
            : ledger.openInvoicesByKey(variants).stream()
                .filter(i -> !referencedIds.contains(i.id()))
                .toList();
    Optional<Payer> payer =
        ledger.payer(
            PayerKeys.account(line.payerAccount()),
            PayerKeys.name(line.payerName()),
            line.payerName());
    List<OpenInvoice> payerOpen =
        payer.map(p -> ledger.openInvoicesOf(p.customerId(), line.currency())).orElse(List.of());
    List<OpenInvoice> advised =
        ledger.advisedInvoices(
            line.reference(), payer.map(Payer::customerId), line.amount(), line.currency());
    return new CashMatcher.Evidence(advised, referenced, near, payer, payerOpen);
  }
}
