package com.bpo.portal.cash;

import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link Ledger} that also answers a block's questions at once, each kind in one statement
 * ({@link BlockReads} asks them at a block's start and answers its lines from memory). Every answer
 * holds what the one-at-a-time question would answer for each item asked.
 */
interface BulkLedger extends Ledger {
  /** A payer identity learned from past matches: whom it points at, and whether it is shared. */
  record Identity(long customerId, boolean shared) {
    /**
     * The identity once a match of {@code customerId} is learned under it (as {@link
     * MatchQueries#learn} writes it): it points at the latest customer, and a name seen for another
     * customer is shared from then on.
     */
    static Identity learned(Optional<Identity> before, String kind, long customerId) {
      return before
          .map(
              b ->
                  new Identity(
                      customerId,
                      b.shared() || ("NAME".equals(kind) && b.customerId() != customerId)))
          .orElse(new Identity(customerId, false));
    }
  }

  /** A customer's open invoices in one currency. */
  record CustomerCurrency(long customerId, String currency) {}

  /** The question {@link Ledger#advisedInvoices} answers for a line. */
  record AdviceQuestion(
      String reference, Optional<Long> payer, BigDecimal amount, String currency) {}

  /**
   * The open invoices of each key, at most {@link MatchQueries#KEY_LOOKUP_LIMIT} each, as {@link
   * #openInvoicesByKey} answers one key; a key that names no open invoice is not in the answer.
   */
  Map<String, List<OpenInvoice>> openInvoicesByEachKey(Collection<String> keys);

  /**
   * The identities learned for these keys of a kind ({@code ACCOUNT} or {@code NAME}), shared ones
   * included; a key never learned is not in the answer.
   */
  Map<String, Identity> identities(String kind, Collection<String> keys);

  /**
   * For each name (as given, compared without case), up to two customers of exactly that name; a
   * name no customer has is not in the answer.
   */
  Map<String, List<Long>> customersNamed(Collection<String> names);

  /**
   * Each customer's {@code limit} oldest open invoices in the currency, as {@link #openInvoicesOf}
   * answers one; every pair is in the answer.
   */
  Map<CustomerCurrency, List<OpenInvoice>> openInvoicesOfEach(
      Collection<CustomerCurrency> pairs, int limit);

  /**
   * The payer by the rule of {@link Ledger#payerBy}, from this ledger's identities and customers by
   * name, one key at a time.
   */
  @Override
  default Optional<CashMatcher.Payer> payer(String accountKey, String nameKey, String rawName) {
    return Ledger.payerBy(
        accountKey,
        nameKey,
        rawName,
        key -> Optional.ofNullable(identities("ACCOUNT", List.of(key)).get(key)),
        key -> Optional.ofNullable(identities("NAME", List.of(key)).get(key)),
        name -> customersNamed(List.of(name)).getOrDefault(name, List.of()));
  }

  /**
   * The letters the keys of open invoices start with ({@link InvoiceNumbers#leadingLetters}): a
   * number one character from a reference's key is looked up only when it starts with one of them.
   */
  Set<String> openNumberPrefixes();

  /** What {@link #advisedInvoices} answers to each question; every question is in the answer. */
  Map<AdviceQuestion, List<OpenInvoice>> advisedInvoicesOfEach(
      Collection<AdviceQuestion> questions);
}
