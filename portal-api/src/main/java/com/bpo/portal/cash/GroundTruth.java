package com.bpo.portal.cash;

import com.bpo.portal.cash.BankStatementFile.Line;
import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bank lines with known answers, for tests, the benchmark and demo data: from a ledger of customers
 * and open invoices it writes credit lines the way payers do, each with the invoices it really pays
 * (none for an unknown payer). Noise, by share of lines: references with other separators, case and
 * zeros; a typo of one digit; several invoices in one payment; bank charges; short and over
 * payments; payments without reference from a payer known by account, for one invoice or a
 * combination; payer names unlike the account's; unknown payers. Seeded, so a run can be repeated.
 */
public final class GroundTruth {
  /** A debtor as a bank sees it. */
  public record Customer(long id, String name, String iban) {}

  /** A generated line and what it truly pays. */
  public record Case(Scenario scenario, Line line, Set<Long> invoiceIds) {}

  public enum Scenario {
    REFERENCE(44),
    REFERENCE_TYPO(8),
    SEVERAL_INVOICES(10),
    BANK_CHARGES(5),
    SHORT_PAYMENT(5),
    OVERPAYMENT(3),
    PAYER_ACCOUNT_ONLY(12),
    PAYER_COMBINATION(4),
    OTHER_PAYER_NAME(5),
    UNKNOWN_PAYER(4);

    final int weight;

    Scenario(int weight) {
      this.weight = weight;
    }
  }

  private final Random random;
  private final Map<Long, Customer> customers;
  private final Map<Long, List<OpenInvoice>> openByCustomer = new LinkedHashMap<>();
  private final List<Long> customerIds;
  private final LocalDate bookedOn;
  private int sequence;

  public GroundTruth(
      long seed, List<Customer> customers, List<OpenInvoice> open, LocalDate bookedOn) {
    this.random = new Random(seed);
    this.customers =
        customers.stream()
            .collect(Collectors.toMap(Customer::id, c -> c, (a, b) -> a, LinkedHashMap::new));
    for (OpenInvoice i : open) {
      openByCustomer.computeIfAbsent(i.customerId(), k -> new ArrayList<>()).add(i);
    }
    openByCustomer
        .values()
        .forEach(
            l -> l.sort(Comparator.comparing(OpenInvoice::dueDate).thenComparing(OpenInvoice::id)));
    this.customerIds = new ArrayList<>(openByCustomer.keySet());
    this.bookedOn = bookedOn;
  }

  /**
   * Up to {@code count} lines (fewer when the open invoices run out); each invoice is paid at most
   * once.
   */
  public List<Case> lines(int count) {
    List<Case> out = new ArrayList<>();
    int attempts = 0;
    while (out.size() < count && attempts++ < count * 20 && !customerIds.isEmpty()) {
      Case c = next(pick());
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  private Scenario pick() {
    int total = 0;
    for (Scenario s : Scenario.values()) {
      total += s.weight;
    }
    int r = random.nextInt(total);
    for (Scenario s : Scenario.values()) {
      r -= s.weight;
      if (r < 0) {
        return s;
      }
    }
    return Scenario.REFERENCE;
  }

  private Case next(Scenario scenario) {
    long customerId = customerIds.get(random.nextInt(customerIds.size()));
    List<OpenInvoice> open = openByCustomer.get(customerId);
    if (open == null || open.isEmpty()) {
      customerIds.remove(customerId);
      return null;
    }
    Customer customer = customers.get(customerId);
    OpenInvoice first = open.get(random.nextInt(Math.min(open.size(), 10)));
    String ref = "#" + (++sequence);
    return switch (scenario) {
      case REFERENCE ->
          paid(scenario, customer, List.of(first), first.open(), noisy(first.number()), true);
      case REFERENCE_TYPO ->
          paid(scenario, customer, List.of(first), first.open(), typo(first.number()), true);
      case SEVERAL_INVOICES -> {
        List<OpenInvoice> some = open.stream().limit(2 + random.nextInt(2)).toList();
        yield some.size() < 2
            ? null
            : paid(
                scenario,
                customer,
                some,
                total(some),
                some.stream()
                    .map(i -> noisy(i.number()))
                    .collect(Collectors.joining(random.nextBoolean() ? " " : ", ")),
                true);
      }
      case BANK_CHARGES -> {
        BigDecimal charge = BigDecimal.valueOf(50 + random.nextInt(450), 2);
        yield first.open().compareTo(charge.multiply(BigDecimal.TEN)) < 0
            ? null
            : paid(
                scenario,
                customer,
                List.of(first),
                first.open().subtract(charge),
                noisy(first.number()),
                true);
      }
      case SHORT_PAYMENT ->
          paid(
              scenario,
              customer,
              List.of(first),
              first
                  .open()
                  .multiply(BigDecimal.valueOf(60 + random.nextInt(35), 2))
                  .setScale(2, RoundingMode.DOWN),
              noisy(first.number()),
              true);
      case OVERPAYMENT ->
          paid(
              scenario,
              customer,
              List.of(first),
              first.open().add(BigDecimal.valueOf(1000 + random.nextInt(9000), 2)),
              noisy(first.number()),
              true);
      case PAYER_ACCOUNT_ONLY -> {
        boolean unique =
            open.stream().filter(i -> i.open().compareTo(first.open()) == 0).count() == 1;
        yield unique
            ? paid(scenario, customer, List.of(first), first.open(), "PAYMENT " + ref, true)
            : null;
      }
      case PAYER_COMBINATION -> {
        if (open.size() < 2) {
          yield null;
        }
        List<OpenInvoice> two = List.of(open.get(0), open.get(1));
        yield paid(scenario, customer, two, total(two), "SETTLEMENT " + ref, true);
      }
      case OTHER_PAYER_NAME ->
          new Case(
              scenario,
              line(
                  first.open(),
                  otherName(customer.name()),
                  "",
                  "Remittance " + noisy(first.number()),
                  first.currency()),
              take(customerId, List.of(first)));
      case UNKNOWN_PAYER ->
          new Case(
              scenario,
              line(
                  BigDecimal.valueOf(1000 + random.nextInt(500000), 2),
                  "Unknown payer " + sequence,
                  "XX00UNKNOWN" + sequence,
                  "Transfer " + ref,
                  first.currency()),
              Set.of());
    };
  }

  private Case paid(
      Scenario scenario,
      Customer customer,
      List<OpenInvoice> invoices,
      BigDecimal amount,
      String reference,
      boolean withAccount) {
    String name =
        random.nextInt(4) == 0 ? customer.name().toUpperCase(Locale.ROOT) : customer.name();
    return new Case(
        scenario,
        line(
            amount,
            name,
            withAccount ? customer.iban() : "",
            reference,
            invoices.get(0).currency()),
        take(customer.id(), invoices));
  }

  private Set<Long> take(long customerId, List<OpenInvoice> invoices) {
    Set<Long> ids = invoices.stream().map(OpenInvoice::id).collect(Collectors.toSet());
    openByCustomer.get(customerId).removeIf(i -> ids.contains(i.id()));
    return ids;
  }

  private Line line(
      BigDecimal amount, String payer, String account, String reference, String currency) {
    return new Line(
        "GT-" + (++sequence), bookedOn, bookedOn, amount, currency, payer, account, reference);
  }

  private static BigDecimal total(List<OpenInvoice> invoices) {
    return invoices.stream().map(OpenInvoice::open).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * The number as people write it: case, separators and leading zeros varied, sometimes inside a
   * sentence.
   */
  String noisy(String number) {
    String n = number;
    switch (random.nextInt(6)) {
      case 0 -> n = n.toLowerCase(Locale.ROOT);
      case 1 -> n = n.replace("-", " ");
      case 2 -> n = n.replace("-", "");
      case 3 -> n = n.replaceFirst("-0+(?=\\d)", "-");
      case 4 -> n = n.replace("-", "/");
      default -> {}
    }
    return switch (random.nextInt(4)) {
      case 0 -> "Invoice " + n;
      case 1 -> "Paiement facture " + n + " merci";
      case 2 -> n + " / order " + (1000 + random.nextInt(90000));
      default -> n;
    };
  }

  /** One digit of the number changed. */
  String typo(String number) {
    List<Integer> digits = new ArrayList<>();
    for (int i = 0; i < number.length(); i++) {
      if (Character.isDigit(number.charAt(i)) && number.charAt(i) != '0') {
        digits.add(i);
      }
    }
    if (digits.isEmpty()) {
      return number;
    }
    int at = digits.get(random.nextInt(digits.size()));
    char c = number.charAt(at);
    char d = (char) ('1' + (c - '1' + 1 + random.nextInt(8)) % 9);
    return number.substring(0, at) + d + number.substring(at + 1);
  }

  private String otherName(String name) {
    String[] forms = {"%s Holding", "%s Group Treasury", "Payments for %s", "%s Europe"};
    return forms[random.nextInt(forms.length)].formatted(name.split(" ")[0]);
  }

  /** Share of each scenario, for the report. */
  public static Map<Scenario, Long> mix(List<Case> cases) {
    Map<Scenario, Long> out = new HashMap<>();
    cases.forEach(c -> out.merge(c.scenario(), 1L, Long::sum));
    return out;
  }
}
