package com.bpo.portal.cash;

import com.bpo.portal.cash.BankStatementFile.Line;
import com.bpo.portal.cash.BulkLedger.AdviceQuestion;
import com.bpo.portal.cash.BulkLedger.CustomerCurrency;
import com.bpo.portal.cash.BulkLedger.Identity;
import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.CashMatcher.Payer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a block of a statement's lines will ask the ledger, asked at the block's start in a few
 * statements (one per kind of question, {@link BulkLedger}) instead of some eight round trips per
 * line; matching then asks per line as before and is answered from memory:
 *
 * <ul>
 *   <li>the open invoices of every invoice number the references name, and which of those numbers
 *       exist at all;
 *   <li>the open invoices of the numbers one character away, for the numbers matching will look
 *       around (those that name no invoice, or whose invoices do not explain the line's amount);
 *   <li>the payer identities learned under the lines' bank accounts and names, and the customers of
 *       exactly those names;
 *   <li>each payer's oldest open invoices in the line's currency;
 *   <li>the remittance advice each line would follow.
 * </ul>
 *
 * <p>Exact, not a guess. Nothing a block's lines do changes an invoice before the block is written:
 * {@link PendingPayments} holds the block's payments back and subtracts them above this. What a
 * line learns of its payer is kept here ({@link #learn}) and written with the block ({@link
 * #learned}), so the next line's payer is the one it would read after a write. A question the
 * block's start did not foresee (a payer first learned within the block, a number whose invoices an
 * earlier line paid, more of a customer's invoices than were read, an advice question after one was
 * followed) goes to the database as it comes. {@code PendingPaymentsTest} decides the same ground
 * truth with and without it.
 */
final class BlockReads implements Ledger {
  /**
   * A payer's open invoices are read this many beyond what matching considers, for the invoices the
   * block's earlier lines close ({@link PendingPayments#openInvoicesOf} asks for more).
   */
  static final int PAYER_OPEN_MARGIN = 20;

  private final BulkLedger database;

  /**
   * The references' keys, looked up at the block's start. Their variants read then are answered
   * through {@link #openInvoicesNear} only, and not kept here: some 50,000 a block.
   */
  private final Set<String> looked;

  /** The keys read (the references' and their variants') that name open invoices, with them. */
  private final Map<String, List<OpenInvoice>> openByKey = new HashMap<>();

  /** The keys one character away from each reference key, worked out once. */
  private final Map<String, List<String>> variantsOf = new HashMap<>();

  /** The reference keys whose every one-edit variant was looked up at the block's start. */
  private final Set<String> aroundRead = new HashSet<>();

  /** Per such key, the open invoices of its variants (as {@link #openInvoicesNear} of it alone). */
  private final Map<String, List<OpenInvoice>> nearOf = new HashMap<>();

  /** The references' keys, whose existence was looked up. */
  private final Set<String> existenceRead = new HashSet<>();

  /** Those of them that name an invoice, open or not. */
  private final Set<String> existing = new HashSet<>();

  /** Identities by key, as stored at the block's start and then learned; a key read is here. */
  private final Map<String, Optional<Identity>> accounts = new HashMap<>();

  private final Map<String, Optional<Identity>> names = new HashMap<>();

  /** Customers by exact name (as the line gives it, stripped); a name read is here. */
  private final Map<String, List<Long>> customersNamed = new HashMap<>();

  private final Map<CustomerCurrency, List<OpenInvoice>> payerOpen;

  private final Map<AdviceQuestion, List<OpenInvoice>> advised;

  /** Once a line follows an advice, the others may have changed: advices are asked afresh. */
  private boolean adviceFollowed;

  /** The identities the block's lines learned (kind and key), in the order first learned. */
  private final Set<List<String>> learned = new LinkedHashSet<>();

  /**
   * The letters the keys of open invoices start with, when the statement read them: variants that
   * start otherwise are not looked up. Empty: every variant is.
   */
  private final Optional<Set<String>> numberPrefixes;

  BlockReads(BulkLedger database, List<Line> lines, Optional<Set<String>> numberPrefixes) {
    this.database = database;
    this.numberPrefixes = numberPrefixes.map(Set::copyOf);
    this.looked = new HashSet<>();
    // the invoice numbers the references name
    Set<String> keys = new LinkedHashSet<>();
    lines.forEach(l -> keys.addAll(InvoiceNumbers.keysIn(l.reference())));
    readKeys(keys);
    existenceRead.addAll(keys);
    if (!keys.isEmpty()) {
      existing.addAll(database.existingKeys(keys));
    }
    // the numbers one character away, where Ledger.evidence will look for them
    // (a reference's number has some two hundred: iterated in insertion order, not over the
    // buckets of a table sized for them all)
    Set<String> variants = new LinkedHashSet<>();
    for (Line l : lines) {
      List<String> lineKeys = InvoiceNumbers.keysIn(l.reference());
      boolean explained = named(lineKeys).compareTo(l.amount()) == 0;
      for (String key : lineKeys) {
        if ((!explained || !existing.contains(key)) && aroundRead.add(key)) {
          variants.addAll(oneEditVariants(key));
        }
      }
    }
    variants.removeAll(looked);
    if (!variants.isEmpty()) {
      openByKey.putAll(database.openInvoicesByEachKey(variants));
    }
    // the payers, as they stand at the block's start
    Set<String> accountKeys = new LinkedHashSet<>();
    Set<String> nameKeys = new LinkedHashSet<>();
    Set<String> rawNames = new LinkedHashSet<>();
    for (Line l : lines) {
      accountKeys.add(PayerKeys.account(l.payerAccount()));
      nameKeys.add(PayerKeys.name(l.payerName()));
      if (!l.payerName().isBlank()) {
        rawNames.add(l.payerName().strip());
      }
    }
    accountKeys.remove("");
    nameKeys.remove("");
    read(accounts, "ACCOUNT", accountKeys);
    read(names, "NAME", nameKeys);
    Map<String, List<Long>> named = database.customersNamed(rawNames);
    rawNames.forEach(n -> customersNamed.put(n, named.getOrDefault(n, List.of())));
    // what each line's payer has open, and the advice it would follow
    Set<CustomerCurrency> pairs = new LinkedHashSet<>();
    Set<AdviceQuestion> questions = new LinkedHashSet<>();
    for (Line l : lines) {
      Optional<Payer> payer = payer(l);
      payer.ifPresent(p -> pairs.add(new CustomerCurrency(p.customerId(), l.currency())));
      questions.add(
          new AdviceQuestion(
              l.reference(), payer.map(Payer::customerId), l.amount(), l.currency()));
    }
    this.payerOpen =
        database.openInvoicesOfEach(pairs, MatchQueries.PAYER_OPEN_LIMIT + PAYER_OPEN_MARGIN);
    this.advised = database.advisedInvoicesOfEach(questions);
  }

  private void readKeys(Collection<String> keys) {
    if (!keys.isEmpty()) {
      openByKey.putAll(database.openInvoicesByEachKey(keys));
      looked.addAll(keys);
    }
  }

  private void read(Map<String, Optional<Identity>> into, String kind, Set<String> keys) {
    Map<String, Identity> found = database.identities(kind, keys);
    keys.forEach(k -> into.put(k, Optional.ofNullable(found.get(k))));
  }

  /** What the open invoices the keys name (at the block's start) have open together. */
  private BigDecimal named(List<String> keys) {
    return keys.stream()
        .flatMap(k -> openByKey.getOrDefault(k, List.of()).stream())
        .distinct()
        .map(OpenInvoice::open)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private Optional<Payer> payer(Line l) {
    return payer(PayerKeys.account(l.payerAccount()), PayerKeys.name(l.payerName()), l.payerName());
  }

  // ---------------------------------------------------------------- what the block learns

  /**
   * A line's payer learned from its applied match: answered from here for the block's later lines,
   * and written with the block ({@link #learned}).
   */
  void learn(Line line, long customerId) {
    learn(accounts, "ACCOUNT", PayerKeys.account(line.payerAccount()), customerId);
    learn(names, "NAME", PayerKeys.name(line.payerName()), customerId);
  }

  private void learn(
      Map<String, Optional<Identity>> known, String kind, String key, long customerId) {
    if (key.isEmpty()) {
      return;
    }
    known.put(key, Optional.of(Identity.learned(known(known, kind, key), kind, customerId)));
    learned.add(List.of(kind, key));
  }

  /** The identities the block's lines learned, as they leave them, to write with the block. */
  List<MatchQueries.Learned> learned() {
    List<MatchQueries.Learned> out = new ArrayList<>();
    for (List<String> kindKey : learned) {
      Map<String, Optional<Identity>> known = kindKey.get(0).equals("ACCOUNT") ? accounts : names;
      Identity now = known.get(kindKey.get(1)).orElseThrow();
      out.add(
          new MatchQueries.Learned(kindKey.get(0), kindKey.get(1), now.customerId(), now.shared()));
    }
    return out;
  }

  /** A line followed a remittance advice (written at once): advices are asked afresh from now. */
  void adviceFollowed() {
    adviceFollowed = true;
  }

  // ---------------------------------------------------------------- the ledger, from memory

  @Override
  public List<OpenInvoice> openInvoicesByKey(Collection<String> keys) {
    if (!looked.containsAll(keys)) {
      return database.openInvoicesByKey(keys);
    }
    return remembered(keys);
  }

  /**
   * What one look-up of these keys answers, from what the block's start read of them: in the keys'
   * order, each invoice once, as many as one look-up answers.
   */
  private List<OpenInvoice> remembered(Collection<String> keys) {
    List<OpenInvoice> out = new ArrayList<>();
    Set<Long> ids = new HashSet<>();
    for (String key : keys) {
      for (OpenInvoice invoice : openByKey.getOrDefault(key, List.of())) {
        if (out.size() == MatchQueries.KEY_LOOKUP_LIMIT) {
          return out;
        }
        if (ids.add(invoice.id())) {
          out.add(invoice);
        }
      }
    }
    return out;
  }

  @Override
  public List<String> oneEditVariants(String key) {
    return variantsOf.computeIfAbsent(
        key,
        k ->
            numberPrefixes
                .map(letters -> InvoiceNumbers.oneEditVariants(k, letters))
                .orElseGet(() -> InvoiceNumbers.oneEditVariants(k)));
  }

  /**
   * From memory when every key's variants were read at the block's start: each key's near invoices
   * worked out once, then joined in the keys' order, each invoice once, up to the limit (what one
   * look-up of all the keys' variants answers: a variant two keys share adds nothing the second
   * time, and a key's list cut at the limit holds every invoice the join can still take from it).
   */
  @Override
  public List<OpenInvoice> openInvoicesNear(List<String> keys) {
    if (!aroundRead.containsAll(keys)) {
      return Ledger.super.openInvoicesNear(keys);
    }
    if (keys.size() == 1) {
      return nearOf(keys.get(0));
    }
    List<OpenInvoice> out = new ArrayList<>();
    Set<Long> ids = new HashSet<>();
    for (String key : keys) {
      for (OpenInvoice invoice : nearOf(key)) {
        if (out.size() == MatchQueries.KEY_LOOKUP_LIMIT) {
          return out;
        }
        if (ids.add(invoice.id())) {
          out.add(invoice);
        }
      }
    }
    return out;
  }

  private List<OpenInvoice> nearOf(String key) {
    List<OpenInvoice> near = nearOf.get(key);
    if (near == null) {
      // every variant of the key was read at the block's start (aroundRead)
      near = remembered(oneEditVariants(key));
      nearOf.put(key, near);
    }
    return near;
  }

  @Override
  public List<String> existingKeys(Collection<String> keys) {
    if (!existenceRead.containsAll(keys)) {
      return database.existingKeys(keys);
    }
    return keys.stream().distinct().filter(existing::contains).toList();
  }

  @Override
  public Optional<Payer> payer(String accountKey, String nameKey, String rawName) {
    return Ledger.payerBy(
        accountKey,
        nameKey,
        rawName,
        key -> known(accounts, "ACCOUNT", key),
        key -> known(names, "NAME", key),
        name -> {
          List<Long> ids = customersNamed.get(name);
          return ids != null
              ? ids
              : database.customersNamed(List.of(name)).getOrDefault(name, List.of());
        });
  }

  private Optional<Identity> known(Map<String, Optional<Identity>> known, String kind, String key) {
    Optional<Identity> identity = known.get(key);
    if (identity == null) {
      identity = Optional.ofNullable(database.identities(kind, List.of(key)).get(key));
      known.put(key, identity);
    }
    return identity;
  }

  @Override
  public List<OpenInvoice> openInvoicesOf(long customerId, String currency, int limit) {
    List<OpenInvoice> read = payerOpen.get(new CustomerCurrency(customerId, currency));
    boolean all = read != null && read.size() < MatchQueries.PAYER_OPEN_LIMIT + PAYER_OPEN_MARGIN;
    if (read == null || (limit > read.size() && !all)) {
      return database.openInvoicesOf(customerId, currency, limit);
    }
    return read.size() > limit ? read.subList(0, limit) : read;
  }

  @Override
  public List<OpenInvoice> advisedInvoices(
      String reference, Optional<Long> payer, BigDecimal amount, String currency) {
    List<OpenInvoice> read =
        adviceFollowed ? null : advised.get(new AdviceQuestion(reference, payer, amount, currency));
    return read != null ? read : database.advisedInvoices(reference, payer, amount, currency);
  }
}
