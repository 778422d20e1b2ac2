package com.bpo.portal.cash;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The matching rules, pure and ordered (docs/CASH.md): given a bank line and the evidence the
 * database found for it, each rule proposes how to apply the line, with a confidence. The best
 * proposal is applied when it reaches the tenant's threshold and no other proposal for different
 * invoices reaches it too; otherwise the proposals are suggestions for a person.
 *
 * <ol>
 *   <li>{@link Rule#REMITTANCE}: the invoices of a remittance advice for this payment;
 *   <li>{@link Rule#REFERENCE}: invoice numbers found in the reference;
 *   <li>{@link Rule#REFERENCE_NEAR}: numbers one character away, taken only when the amount or the
 *       payer agrees;
 *   <li>{@link Rule#PAYER_AMOUNT}: the payer known and one of their open invoices for the amount;
 *   <li>{@link Rule#PAYER_COMBINATION}: the payer known and a combination of their open invoices
 *       for the amount (bounded search).
 * </ol>
 *
 * Invoices named by the line (rules 1 to 3) settle the amount whatever it is: within the tolerance
 * the difference is written off, a short payment leaves the rest open and opens a deduction, an
 * overpayment puts the rest on account. Rules 4 and 5 take only amounts that agree (within
 * tolerance).
 */
public final class CashMatcher {
  public enum Rule {
    REMITTANCE,
    REFERENCE,
    REFERENCE_NEAR,
    PAYER_AMOUNT,
    PAYER_COMBINATION,
    MANUAL
  }

  /** How a proposal settles the line's amount against its invoices. */
  public enum Settlement {
    EXACT,
    WRITE_OFF,
    SHORT_PAYMENT,
    OVERPAYMENT
  }

  /** How the payer was recognised, with the confidence that recognition alone carries. */
  public enum PayerSource {
    ACCOUNT("0.95"),
    LEARNED_NAME("0.91"),
    CUSTOMER_NAME("0.88");

    final BigDecimal confidence;

    PayerSource(String confidence) {
      this.confidence = new BigDecimal(confidence);
    }
  }

  public record Settings(BigDecimal threshold, BigDecimal tolerance) {}

  /** A tenant that set nothing: apply from 0.90, write off up to 5.00 (bank charges). */
  public static final Settings DEFAULT_SETTINGS =
      new Settings(new BigDecimal("0.900"), new BigDecimal("5.00"));

  public record LineFacts(BigDecimal amount, String currency) {}

  public record OpenInvoice(
      long id,
      String number,
      long customerId,
      String currency,
      BigDecimal open,
      LocalDate dueDate) {}

  public record Payer(long customerId, PayerSource source) {}

  /**
   * What the database found for a line: open invoices whose number's key is in the reference
   * ({@code referenced}), one edit away from one there ({@code nearReferenced}), named by a
   * remittance advice ({@code advised}), the payer if recognised and their oldest open invoices.
   */
  public record Evidence(
      List<OpenInvoice> advised,
      List<OpenInvoice> referenced,
      List<OpenInvoice> nearReferenced,
      Optional<Payer> payer,
      List<OpenInvoice> payerOpen) {
    public static Evidence none() {
      return new Evidence(List.of(), List.of(), List.of(), Optional.empty(), List.of());
    }
  }

  /**
   * An amount applied to an invoice, what is written off on it under the tolerance, and what a
   * short payment leaves open on it (the deduction's amount for that invoice).
   */
  public record Allocation(
      long invoiceId, String number, BigDecimal amount, BigDecimal writeOff, BigDecimal leftOpen) {
    public Allocation(long invoiceId, String number, BigDecimal amount, BigDecimal writeOff) {
      this(invoiceId, number, amount, writeOff, BigDecimal.ZERO);
    }
  }

  public record Proposal(
      Rule rule,
      BigDecimal confidence,
      long customerId,
      Settlement settlement,
      List<Allocation> allocations,
      BigDecimal onAccount,
      BigDecimal shortfall,
      Reason reason) {
    public BigDecimal applied() {
      return allocations.stream().map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    Set<Long> invoiceIds() {
      return allocations.stream().map(Allocation::invoiceId).collect(Collectors.toSet());
    }
  }

  /** The outcome: the proposal to apply, if any, and every proposal best first. */
  public record Decision(Optional<Proposal> apply, List<Proposal> proposals) {}

  static final BigDecimal REMITTANCE_CONFIDENCE = new BigDecimal("0.98");
  static final BigDecimal REFERENCE_CONFIDENCE = new BigDecimal("0.97");
  static final BigDecimal NEAR_WITH_AMOUNT = new BigDecimal("0.92");
  static final BigDecimal NEAR_WITH_PAYER_ONLY = new BigDecimal("0.75");
  static final BigDecimal OTHER_CUSTOMER_THAN_PAYER = new BigDecimal("0.60");

  /**
   * Invoices named by the line, of another customer than the one a learned payer name points at:
   * the name is the weakest evidence (a group's treasury pays for several companies; docs/CASH.md),
   * so the named invoices stay sure, a little less so. Applying teaches that the name is shared.
   */
  static final BigDecimal OTHER_CUSTOMER_THAN_LEARNED_NAME = new BigDecimal("0.93");

  static final BigDecimal SEVERAL_CUSTOMERS = new BigDecimal("0.50");
  static final BigDecimal AMBIGUOUS = new BigDecimal("0.60");
  static final BigDecimal TYPO_SUSPECTED = new BigDecimal("0.70");
  static final BigDecimal WRITE_OFF_PENALTY = new BigDecimal("0.01");
  static final BigDecimal UNEVEN_PENALTY = new BigDecimal("0.04");
  static final BigDecimal COMBINATION_PENALTY = new BigDecimal("0.04");

  /**
   * The payer's rules (4 and 5) when the amount only comes within the tolerance of their invoices:
   * suggested, never applied. The payer and an amount are all the evidence, and "within 5.00 of one
   * invoice, or of some 2 to 4 of 24" is too often a coincidence: on the benchmark's ledgers every
   * such match applied was wrong (405 of 405, docs/PERFORMANCE.md "Fourteenth round"), while
   * invoices the reference names take bank charges as before.
   */
  static final BigDecimal PAYER_AMOUNT_ONLY_NEAR = new BigDecimal("0.80");

  /**
   * The combination search: at most this many of the payer's invoices, this many in one payment.
   */
  static final int COMBINATION_INVOICES = 24;

  static final int COMBINATION_SIZE = 4;
  static final int COMBINATION_BUDGET = 20_000;

  private CashMatcher() {}

  public static Decision decide(LineFacts line, Evidence evidence, Settings settings) {
    List<Proposal> proposals = propose(line, evidence, settings);
    Optional<Proposal> best =
        proposals.stream()
            .findFirst()
            .filter(p -> p.confidence().compareTo(settings.threshold()) >= 0)
            .filter(
                p ->
                    proposals.stream()
                        .skip(1)
                        .noneMatch(
                            o ->
                                o.confidence().compareTo(settings.threshold()) >= 0
                                    && !o.invoiceIds().equals(p.invoiceIds())));
    return new Decision(best, proposals);
  }

  /**
   * Every rule's proposals, the best first; one proposal per set of invoices (the rule that ranks
   * it highest).
   */
  public static List<Proposal> propose(LineFacts line, Evidence evidence, Settings settings) {
    List<Proposal> all = new ArrayList<>();
    Optional<Long> payer = evidence.payer().map(Payer::customerId);
    named(
            Rule.REMITTANCE,
            REMITTANCE_CONFIDENCE,
            line,
            same(line, evidence.advised()),
            evidence.payer(),
            settings)
        .ifPresent(all::add);
    Optional<Proposal> reference =
        named(
            Rule.REFERENCE,
            REFERENCE_CONFIDENCE,
            line,
            same(line, evidence.referenced()),
            evidence.payer(),
            settings);
    List<Proposal> near = near(line, same(line, evidence.nearReferenced()), payer, settings);
    // a number whose invoice does not fit the amount, beside a neighbour that fits it to the cent:
    // more
    // likely a typo that hit an existing number than a short or over payment; a person decides
    boolean neighbourFits = near.stream().anyMatch(p -> p.settlement() == Settlement.EXACT);
    reference
        .map(
            r ->
                neighbourFits
                        && (r.settlement() == Settlement.SHORT_PAYMENT
                            || r.settlement() == Settlement.OVERPAYMENT)
                    ? demoted(r, TYPO_SUSPECTED, "near-fits")
                    : r)
        .ifPresent(all::add);
    all.addAll(near);
    evidence
        .payer()
        .ifPresent(
            p -> {
              List<OpenInvoice> open =
                  same(line, evidence.payerOpen()).stream()
                      .filter(i -> i.customerId() == p.customerId())
                      .toList();
              all.addAll(payerAmount(line, p, open, settings));
              if (all.stream().noneMatch(x -> x.rule() == Rule.PAYER_AMOUNT)) {
                all.addAll(payerCombination(line, p, open, settings));
              }
            });
    Map<Set<Long>, Proposal> best = new LinkedHashMap<>();
    all.stream()
        .sorted(Comparator.comparing(Proposal::confidence).reversed())
        .forEach(p -> best.putIfAbsent(p.invoiceIds(), p));
    return List.copyOf(best.values());
  }

  private static List<OpenInvoice> same(LineFacts line, List<OpenInvoice> invoices) {
    return invoices.stream()
        .filter(i -> i.currency().equals(line.currency()) && i.open().signum() > 0)
        .sorted(Comparator.comparing(OpenInvoice::dueDate).thenComparing(OpenInvoice::id))
        .toList();
  }

  // ---------------------------------------------------------------- rules 1 and 2: invoices named

  /** Invoices the line names settle the whole amount: exact, written off, short or over. */
  static Optional<Proposal> named(
      Rule rule,
      BigDecimal base,
      LineFacts line,
      List<OpenInvoice> invoices,
      Optional<Payer> payer,
      Settings settings) {
    if (invoices.isEmpty()) {
      return Optional.empty();
    }
    Set<Long> customers =
        invoices.stream().map(OpenInvoice::customerId).collect(Collectors.toSet());
    BigDecimal confidence = base;
    Reason caveat = new Reason(List.of());
    if (customers.size() > 1) {
      confidence = SEVERAL_CUSTOMERS;
      caveat = Reason.of("several-customers", BigDecimal.valueOf(customers.size()));
    } else if (payer.isPresent() && !customers.contains(payer.get().customerId())) {
      if (payer.get().source() == PayerSource.LEARNED_NAME) {
        confidence = confidence.min(OTHER_CUSTOMER_THAN_LEARNED_NAME);
        caveat = Reason.of("learned-elsewhere");
      } else {
        confidence = OTHER_CUSTOMER_THAN_PAYER;
        caveat = Reason.of("payer-elsewhere");
      }
    }
    long customer = invoices.get(0).customerId();
    return Optional.of(
        settle(
            rule,
            confidence,
            customer,
            line,
            invoices,
            settings,
            describe(rule, invoices).and(caveat)));
  }

  private static Reason describe(Rule rule, List<OpenInvoice> invoices) {
    String numbers = invoices.stream().map(OpenInvoice::number).collect(Collectors.joining(", "));
    return switch (rule) {
      case REMITTANCE -> Reason.of("remittance", numbers);
      case REFERENCE -> Reason.of("reference", numbers);
      case REFERENCE_NEAR -> Reason.of("reference-near", numbers);
      default -> Reason.of("invoices", numbers);
    };
  }

  static Proposal settle(
      Rule rule,
      BigDecimal confidence,
      long customer,
      LineFacts line,
      List<OpenInvoice> invoices,
      Settings settings,
      Reason reason) {
    BigDecimal total =
        invoices.stream().map(OpenInvoice::open).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal amount = line.amount();
    int cmp = amount.compareTo(total);
    List<Allocation> allocations = new ArrayList<>();
    if (cmp == 0) {
      invoices.forEach(
          i -> allocations.add(new Allocation(i.id(), i.number(), i.open(), BigDecimal.ZERO)));
      return new Proposal(
          rule,
          confidence,
          customer,
          Settlement.EXACT,
          allocations,
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          reason.and("amount-equals", total));
    }
    if (cmp > 0) {
      invoices.forEach(
          i -> allocations.add(new Allocation(i.id(), i.number(), i.open(), BigDecimal.ZERO)));
      BigDecimal rest = amount.subtract(total);
      return new Proposal(
          rule,
          less(confidence, UNEVEN_PENALTY),
          customer,
          Settlement.OVERPAYMENT,
          allocations,
          rest,
          BigDecimal.ZERO,
          reason.and("overpaid", rest));
    }
    BigDecimal missing = total.subtract(amount);
    boolean withinTolerance = missing.compareTo(settings.tolerance()) <= 0;
    // oldest first: each invoice paid in full while the money lasts, the last one in part
    BigDecimal left = amount;
    for (int i = 0; i < invoices.size(); i++) {
      OpenInvoice invoice = invoices.get(i);
      BigDecimal take = left.min(invoice.open());
      boolean last = i == invoices.size() - 1;
      BigDecimal writeOff =
          withinTolerance && last ? invoice.open().subtract(take) : BigDecimal.ZERO;
      BigDecimal leftOpen = withinTolerance ? BigDecimal.ZERO : invoice.open().subtract(take);
      allocations.add(new Allocation(invoice.id(), invoice.number(), take, writeOff, leftOpen));
      left = left.subtract(take);
    }
    if (withinTolerance) {
      return new Proposal(
          rule,
          less(confidence, WRITE_OFF_PENALTY),
          customer,
          Settlement.WRITE_OFF,
          allocations,
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          reason.and("written-off", missing, settings.tolerance()));
    }
    return new Proposal(
        rule,
        less(confidence, UNEVEN_PENALTY),
        customer,
        Settlement.SHORT_PAYMENT,
        allocations,
        BigDecimal.ZERO,
        missing,
        reason.and("short", missing));
  }

  /** The proposal at most this sure, its reason saying why. */
  private static Proposal demoted(Proposal p, BigDecimal confidence, String why) {
    return new Proposal(
        p.rule(),
        confidence.min(p.confidence()),
        p.customerId(),
        p.settlement(),
        p.allocations(),
        p.onAccount(),
        p.shortfall(),
        p.reason().and(why));
  }

  /** A payer's match that needs a write-off: at most {@link #PAYER_AMOUNT_ONLY_NEAR}. */
  private static Proposal onlyNearSuggested(Proposal p) {
    return p.settlement() == Settlement.WRITE_OFF
        ? demoted(p, PAYER_AMOUNT_ONLY_NEAR, "amount-only-near")
        : p;
  }

  private static BigDecimal less(BigDecimal confidence, BigDecimal penalty) {
    return confidence.subtract(penalty).max(BigDecimal.ZERO);
  }

  // ---------------------------------------------------------------- rule 3: one wrong character

  /**
   * A number one character away is taken only with corroboration: its open amount equals the line
   * (within tolerance), or it is the known payer's. Numbers are dense, so without it a typo would
   * name some other customer's invoice.
   */
  static List<Proposal> near(
      LineFacts line, List<OpenInvoice> candidates, Optional<Long> payer, Settings settings) {
    List<Proposal> out = new ArrayList<>();
    List<OpenInvoice> amountAgrees =
        candidates.stream().filter(i -> agrees(line.amount(), i.open(), settings)).toList();
    for (OpenInvoice invoice : candidates) {
      boolean amount = amountAgrees.contains(invoice);
      boolean payerAgrees = payer.isPresent() && payer.get() == invoice.customerId();
      if (!amount && !payerAgrees) {
        continue;
      }
      BigDecimal confidence = amount ? NEAR_WITH_AMOUNT : NEAR_WITH_PAYER_ONLY;
      if (amount && payer.isPresent() && !payerAgrees) {
        confidence = OTHER_CUSTOMER_THAN_PAYER;
      }
      if (amount && amountAgrees.size() > 1) {
        confidence = AMBIGUOUS;
      }
      out.add(
          settle(
              Rule.REFERENCE_NEAR,
              confidence,
              invoice.customerId(),
              line,
              List.of(invoice),
              settings,
              amount
                  ? describe(Rule.REFERENCE_NEAR, List.of(invoice))
                  : describe(Rule.REFERENCE_NEAR, List.of(invoice)).and("payers-invoice")));
    }
    return out;
  }

  private static boolean agrees(BigDecimal amount, BigDecimal open, Settings settings) {
    BigDecimal missing = open.subtract(amount);
    return missing.signum() >= 0 && missing.compareTo(settings.tolerance()) <= 0;
  }

  // ---------------------------------------------------------------- rules 4 and 5: payer and
  // amount

  static List<Proposal> payerAmount(
      LineFacts line, Payer payer, List<OpenInvoice> open, Settings settings) {
    List<OpenInvoice> exact =
        open.stream().filter(i -> i.open().compareTo(line.amount()) == 0).toList();
    List<OpenInvoice> matching =
        exact.isEmpty()
            ? open.stream().filter(i -> agrees(line.amount(), i.open(), settings)).toList()
            : exact;
    List<Proposal> out = new ArrayList<>();
    for (OpenInvoice invoice : matching) {
      BigDecimal confidence = matching.size() == 1 ? payer.source().confidence : AMBIGUOUS;
      out.add(
          onlyNearSuggested(
              settle(
                  Rule.PAYER_AMOUNT,
                  confidence,
                  payer.customerId(),
                  line,
                  List.of(invoice),
                  settings,
                  manyOf(
                      source(payer).and("invoice-open-for-amount", invoice.number()),
                      "one-of-invoices",
                      matching.size()))));
    }
    return out;
  }

  static List<Proposal> payerCombination(
      LineFacts line, Payer payer, List<OpenInvoice> open, Settings settings) {
    List<OpenInvoice> pool = open.stream().limit(COMBINATION_INVOICES).toList();
    List<List<OpenInvoice>> found = combinations(pool, line.amount(), settings.tolerance());
    if (found.isEmpty()) {
      return List.of();
    }
    // the exact combinations, if any, before those that need a write-off
    List<List<OpenInvoice>> exact =
        found.stream().filter(c -> total(c).compareTo(line.amount()) == 0).toList();
    List<List<OpenInvoice>> chosen = exact.isEmpty() ? found : exact;
    BigDecimal confidence =
        chosen.size() == 1 ? less(payer.source().confidence, COMBINATION_PENALTY) : AMBIGUOUS;
    return chosen.stream()
        .limit(5)
        .map(
            c ->
                onlyNearSuggested(
                    settle(
                        Rule.PAYER_COMBINATION,
                        confidence,
                        payer.customerId(),
                        line,
                        c,
                        settings,
                        manyOf(
                            source(payer)
                                .and(
                                    "invoices-add-up",
                                    c.stream()
                                        .map(OpenInvoice::number)
                                        .collect(Collectors.joining(", "))),
                            "one-of-combinations",
                            chosen.size()))))
        .toList();
  }

  /**
   * Subsets of 2 to {@link #COMBINATION_SIZE} invoices of the pool whose total is the amount or up
   * to the tolerance above, in the order of a depth-first search that stops after {@link
   * #COMBINATION_BUDGET} steps or six finds. Counted in whole units of the amounts' smallest
   * decimal (cents), exactly as in decimals ({@link #combinationsInDecimals}, which {@code
   * CashMatcherTest} holds it to): the search is most of what matching costs a line whose payer is
   * known and no single invoice fits.
   */
  static List<List<OpenInvoice>> combinations(
      List<OpenInvoice> pool, BigDecimal amount, BigDecimal tolerance) {
    int scale = Math.max(0, Math.max(amount.scale(), tolerance.scale()));
    for (OpenInvoice invoice : pool) {
      scale = Math.max(scale, invoice.open().scale());
    }
    long[] open = new long[pool.size()];
    long target;
    long slack;
    try {
      for (int i = 0; i < open.length; i++) {
        open[i] = units(pool.get(i).open(), scale);
      }
      target = units(amount, scale);
      slack = units(tolerance, scale);
    } catch (ArithmeticException tooLarge) {
      return combinationsInDecimals(pool, amount, tolerance);
    }
    List<int[]> found = new ArrayList<>();
    search(open, 0, new int[COMBINATION_SIZE], 0, 0L, target, slack, found, new int[] {0});
    List<List<OpenInvoice>> out = new ArrayList<>(found.size());
    for (int[] chosen : found) {
      List<OpenInvoice> combination = new ArrayList<>(chosen.length);
      for (int i : chosen) {
        combination.add(pool.get(i));
      }
      out.add(List.copyOf(combination));
    }
    return out;
  }

  /**
   * An amount in whole units of {@code 10^-scale}, small enough that {@link #COMBINATION_SIZE} of
   * them add up without overflow; else ArithmeticException.
   */
  private static long units(BigDecimal value, int scale) {
    java.math.BigInteger unscaled = value.setScale(scale).unscaledValue();
    if (scale > 6 || unscaled.bitLength() > 58) {
      throw new ArithmeticException("too large to count in whole units: " + value);
    }
    return unscaled.longValue();
  }

  private static void search(
      long[] pool,
      int from,
      int[] chosen,
      int size,
      long sum,
      long amount,
      long tolerance,
      List<int[]> found,
      int[] budget) {
    if (size >= 2 && sum >= amount && sum - amount <= tolerance) {
      found.add(java.util.Arrays.copyOf(chosen, size));
    }
    if (size == COMBINATION_SIZE || found.size() > 5) {
      return;
    }
    for (int i = from; i < pool.length; i++) {
      if (++budget[0] > COMBINATION_BUDGET) {
        return;
      }
      long next = sum + pool[i];
      if (next - amount > tolerance) {
        continue;
      }
      chosen[size] = i;
      search(pool, i + 1, chosen, size + 1, next, amount, tolerance, found, budget);
    }
  }

  /** {@link #combinations} in decimals: for amounts too large to count in whole units. */
  static List<List<OpenInvoice>> combinationsInDecimals(
      List<OpenInvoice> pool, BigDecimal amount, BigDecimal tolerance) {
    List<List<OpenInvoice>> found = new ArrayList<>();
    search(pool, 0, new ArrayList<>(), BigDecimal.ZERO, amount, tolerance, found, new int[] {0});
    return found;
  }

  private static void search(
      List<OpenInvoice> pool,
      int from,
      List<OpenInvoice> chosen,
      BigDecimal sum,
      BigDecimal amount,
      BigDecimal tolerance,
      List<List<OpenInvoice>> found,
      int[] budget) {
    if (chosen.size() >= 2
        && sum.compareTo(amount) >= 0
        && sum.subtract(amount).compareTo(tolerance) <= 0) {
      found.add(List.copyOf(chosen));
    }
    if (chosen.size() == COMBINATION_SIZE || found.size() > 5) {
      return;
    }
    for (int i = from; i < pool.size(); i++) {
      if (++budget[0] > COMBINATION_BUDGET) {
        return;
      }
      BigDecimal next = sum.add(pool.get(i).open());
      if (next.subtract(amount).compareTo(tolerance) > 0) {
        continue;
      }
      chosen.add(pool.get(i));
      search(pool, i + 1, chosen, next, amount, tolerance, found, budget);
      chosen.remove(chosen.size() - 1);
    }
  }

  private static BigDecimal total(List<OpenInvoice> invoices) {
    return invoices.stream().map(OpenInvoice::open).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Reason source(Payer payer) {
    return switch (payer.source()) {
      case ACCOUNT -> Reason.of("payer-by-account");
      case LEARNED_NAME -> Reason.of("payer-by-learned-name");
      case CUSTOMER_NAME -> Reason.of("payer-by-customer-name");
    };
  }

  /** The reason, saying "one of n" when the candidate is one of several alike. */
  private static Reason manyOf(Reason reason, String oneOfKey, int candidates) {
    return candidates > 1 ? reason.and(oneOfKey, BigDecimal.valueOf(candidates)) : reason;
  }

  /** Confidence as stored: three decimals. */
  public static BigDecimal rounded(BigDecimal confidence) {
    return confidence.setScale(3, RoundingMode.HALF_UP);
  }
}
