package com.bpo.portal.cash;

import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.CashMatcher.Payer;
import com.bpo.portal.cash.CashMatcher.PayerSource;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What matching asks of the receivables: {@link MatchQueries} answers from the database; the
 * ground-truth measurement answers from memory, so that both run the same {@link #evidence} logic.
 */
public interface Ledger {
  /** Open invoices whose number's key is one of these. */
  List<OpenInvoice> openInvoicesByKey(Collection<String> keys);

  /**
   * The keys one character away from a key ({@link InvoiceNumbers#oneEditVariants}); a ledger that
   * worked them out already may answer from memory.
   */
  default List<String> oneEditVariants(String key) {
    return InvoiceNumbers.oneEditVariants(key);
  }

  /**
   * The open invoices of the keys one character away from these keys: their variants in order, each
   * variant once, each invoice once, as many as one look-up answers ({@link #openInvoicesByKey}). A
   * ledger that read them already may answer from memory.
   */
  default List<OpenInvoice> openInvoicesNear(List<String> keys) {
    java.util.Set<String> variants = new java.util.LinkedHashSet<>();
    for (String key : keys) {
      variants.addAll(oneEditVariants(key));
    }
    return variants.isEmpty() ? List.of() : openInvoicesByKey(variants);
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

  /**
   * The payer rule, whatever the ledger reads from: a bank account learned from past matches, then
   * a learned name no other customer has paid under (shared identities identify nobody), then the
   * one customer of exactly that name.
   */
  static Optional<Payer> payerBy(
      String accountKey,
      String nameKey,
      String rawName,
      Function<String, Optional<BulkLedger.Identity>> accounts,
      Function<String, Optional<BulkLedger.Identity>> names,
      Function<String, List<Long>> customersNamed) {
    if (!accountKey.isEmpty()) {
      Optional<BulkLedger.Identity> account = accounts.apply(accountKey).filter(i -> !i.shared());
      if (account.isPresent()) {
        return Optional.of(new Payer(account.get().customerId(), PayerSource.ACCOUNT));
      }
    }
    if (!nameKey.isEmpty()) {
      Optional<BulkLedger.Identity> name = names.apply(nameKey).filter(i -> !i.shared());
      if (name.isPresent()) {
        return Optional.of(new Payer(name.get().customerId(), PayerSource.LEARNED_NAME));
      }
    }
    if (rawName.isBlank()) {
      return Optional.empty();
    }
    List<Long> named = customersNamed.apply(rawName.strip());
    return named.size() == 1
        ? Optional.of(new Payer(named.get(0), PayerSource.CUSTOMER_NAME))
        : Optional.empty();
  }

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
    List<String> lookAround =
        keys.stream().filter(key -> !explained || !known.contains(key)).toList();
    java.util.Set<Long> referencedIds =
        new java.util.HashSet<>(referenced.stream().map(OpenInvoice::id).toList());
    List<OpenInvoice> near =
        lookAround.isEmpty()
            ? List.of()
            : ledger.openInvoicesNear(lookAround).stream()
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
