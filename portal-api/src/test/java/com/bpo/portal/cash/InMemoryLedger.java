package com.bpo.portal.cash;

import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.CashMatcher.Payer;
import com.bpo.portal.cash.CashMatcher.PayerSource;
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
final class InMemoryLedger implements Ledger {
  private final Map<Long, OpenInvoice> open = new HashMap<>();
  private final Map<String, List<Long>> openByKey = new HashMap<>();
  private final Set<String> allKeys = new HashSet<>();
  private final Map<String, Long> accounts = new HashMap<>();
  private final Map<String, Long> names = new HashMap<>();
  private final Set<String> sharedNames = new HashSet<>();
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

  void learnAccount(String account, long customerId) {
    accounts.put(PayerKeys.account(account), customerId);
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

  /** The payer learned (written at once, as CashService does). */
  void learn(BankStatementFile.Line line, CashMatcher.Proposal p) {
    String account = PayerKeys.account(line.payerAccount());
    if (!account.isEmpty()) {
      accounts.put(account, p.customerId());
    }
    String name = PayerKeys.name(line.payerName());
    if (!name.isEmpty()) {
      Long before = names.put(name, p.customerId());
      if (before != null && before != p.customerId()) {
        sharedNames.add(name); // as MatchQueries.learn: a name two customers paid under is shared
      }
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
  public Optional<Payer> payer(String accountKey, String nameKey, String rawName) {
    if (!accountKey.isEmpty() && accounts.containsKey(accountKey)) {
      return Optional.of(new Payer(accounts.get(accountKey), PayerSource.ACCOUNT));
    }
    if (!nameKey.isEmpty() && names.containsKey(nameKey) && !sharedNames.contains(nameKey)) {
      return Optional.of(new Payer(names.get(nameKey), PayerSource.LEARNED_NAME));
    }
    List<Long> named =
        customerNames.getOrDefault(rawName.strip().toLowerCase(Locale.ROOT), List.of());
    return named.size() == 1
        ? Optional.of(new Payer(named.get(0), PayerSource.CUSTOMER_NAME))
        : Optional.empty();
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
