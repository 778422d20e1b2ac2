package com.bpo.portal.cash;

import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The receivables in memory, answering as {@link MatchQueries} does, and applying what is decided.
 */
final class InMemoryLedger implements BulkLedger {
  private final Map<Long, OpenInvoice> open = new HashMap<>();
  private final Map<String, List<Long>> openByKey = new HashMap<>();
  private final Set<String> allKeys = new HashSet<>();
  private final Map<String, Identity> accounts = new HashMap<>();
  private final Map<String, Identity> names = new HashMap<>();
  private final Map<String, List<Long>> customerNames = new HashMap<>();

  InMemoryLedger(
      List<GroundTruth.Customer> customers,
      List<OpenInvoice> openInvoices,
      List<String> closedNumbers) {
    customers.forEach(
        c ->
            customerNames
                .computeIfAbsent(c.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(c.id()));
    for (OpenInvoice i : openInvoices) {
      open.put(i.id(), i);
      String key = InvoiceNumbers.key(i.number());
      openByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i.id());
      allKeys.add(key);
    }
    closedNumbers.forEach(n -> allKeys.add(InvoiceNumbers.key(n)));
  }

  @Override
  public Set<String> openNumberPrefixes() {
    Set<String> letters = new HashSet<>();
    openByKey.forEach(
        (key, ids) -> {
          if (!ids.isEmpty()) {
            letters.add(InvoiceNumbers.leadingLetters(key));
          }
        });
    return letters;
  }

  void learnAccount(String account, long customerId) {
    learn(accounts, "ACCOUNT", PayerKeys.account(account), customerId);
  }

  /** What applying a proposal does to the ledger: invoices paid down, the payer learned. */
  void apply(BankStatementFile.Line line, CashMatcher.Proposal p) {
    pay(p);
    learn(line, p);
  }

  /** The invoices paid down (what a block's payments do when written). */
  void pay(CashMatcher.Proposal p) {
    for (CashMatcher.Allocation a : p.allocations()) {
      OpenInvoice i = open.get(a.invoiceId());
      if (i == null) {
        continue; // paid already: only a ledger read blind to pending payments pays twice
      }
      BigDecimal left = i.open().subtract(a.amount()).subtract(a.writeOff());
      if (left.signum() <= 0) {
        open.remove(i.id());
        openByKey.get(InvoiceNumbers.key(i.number())).remove(i.id());
      } else {
        open.put(
            i.id(),
            new OpenInvoice(i.id(), i.number(), i.customerId(), i.currency(), left, i.dueDate()));
      }
    }
  }

  /** The payer learned, as {@link MatchQueries#learn} writes it. */
  void learn(BankStatementFile.Line line, CashMatcher.Proposal p) {
    learn(accounts, "ACCOUNT", PayerKeys.account(line.payerAccount()), p.customerId());
    learn(names, "NAME", PayerKeys.name(line.payerName()), p.customerId());
  }

  private static void learn(Map<String, Identity> known, String kind, String key, long customer) {
    if (!key.isEmpty()) {
      known.put(key, Identity.learned(Optional.ofNullable(known.get(key)), kind, customer));
    }
  }

  @Override
  public List<OpenInvoice> openInvoicesByKey(Collection<String> keys) {
    List<OpenInvoice> out = new ArrayList<>();
    for (String k : keys) {
      openByKey.getOrDefault(k, List.of()).forEach(id -> out.add(open.get(id)));
    }
    return out.stream().limit(MatchQueries.KEY_LOOKUP_LIMIT).toList();
  }

  @Override
  public List<String> existingKeys(Collection<String> keys) {
    return keys.stream().filter(allKeys::contains).distinct().toList();
  }

  @Override
  public Map<String, List<OpenInvoice>> openInvoicesByEachKey(Collection<String> keys) {
    Map<String, List<OpenInvoice>> out = new HashMap<>();
    for (String k : keys) {
      List<OpenInvoice> open = openInvoicesByKey(List.of(k));
      if (!open.isEmpty()) {
        out.put(k, open);
      }
    }
    return out;
  }

  @Override
  public Map<String, Identity> identities(String kind, Collection<String> keys) {
    Map<String, Identity> known = kind.equals("ACCOUNT") ? accounts : names;
    Map<String, Identity> out = new HashMap<>();
    keys.stream().filter(known::containsKey).forEach(k -> out.put(k, known.get(k)));
    return out;
  }

  @Override
  public Map<String, List<Long>> customersNamed(Collection<String> rawNames) {
    Map<String, List<Long>> out = new HashMap<>();
    for (String name : rawNames) {
      List<Long> ids = customerNames.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
      if (!ids.isEmpty()) {
        out.put(name, ids.stream().limit(2).toList());
      }
    }
    return out;
  }

  @Override
  public Map<CustomerCurrency, List<OpenInvoice>> openInvoicesOfEach(
      Collection<CustomerCurrency> pairs, int limit) {
    Map<CustomerCurrency, List<OpenInvoice>> out = new HashMap<>();
    pairs.forEach(p -> out.put(p, openInvoicesOf(p.customerId(), p.currency(), limit)));
    return out;
  }

  @Override
  public Map<AdviceQuestion, List<OpenInvoice>> advisedInvoicesOfEach(
      Collection<AdviceQuestion> questions) {
    Map<AdviceQuestion, List<OpenInvoice>> out = new HashMap<>();
    questions.forEach(
        q -> out.put(q, advisedInvoices(q.reference(), q.payer(), q.amount(), q.currency())));
    return out;
  }

  @Override
  public List<OpenInvoice> openInvoicesOf(long customerId, String currency, int limit) {
    return open.values().stream()
        .filter(i -> i.customerId() == customerId && i.currency().equals(currency))
        .sorted(Comparator.comparing(OpenInvoice::dueDate).thenComparing(OpenInvoice::id))
        .limit(limit)
        .toList();
  }

  @Override
  public List<OpenInvoice> advisedInvoices(
      String reference, Optional<Long> payer, BigDecimal amount, String currency) {
    return List.of();
  }
}
