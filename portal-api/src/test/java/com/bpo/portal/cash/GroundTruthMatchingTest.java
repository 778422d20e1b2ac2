package com.bpo.portal.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.cash.CashMatcher.Decision;
import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.GroundTruth.Case;
import com.bpo.portal.cash.GroundTruth.Customer;
import com.bpo.portal.cash.GroundTruth.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules against generated lines whose answers are known (docs/CASH.md has the figures): the
 * share applied without a person and the share of those applied to exactly the right invoices. The
 * ledger is dense on purpose: numbers INV-000001 onward, so a typo usually names another invoice.
 */
class GroundTruthMatchingTest {
  static final int CUSTOMERS = 400;
  static final int LINES = 2_000;

  record Result(int lines, int applied, int right, Map<Scenario, int[]> byScenario) {
    double appliedShare() {
      return (double) applied / lines;
    }

    double precision() {
      return applied == 0 ? 1 : (double) right / applied;
    }
  }

  /** A seed's ledger (customers, open and closed invoices, accounts paid from) and its lines. */
  record Fixture(InMemoryLedger ledger, List<Case> cases) {}

  static Fixture fixture(long seed) {
    Random random = new Random(seed);
    List<Customer> customers = new ArrayList<>();
    List<OpenInvoice> open = new ArrayList<>();
    List<String> closed = new ArrayList<>();
    String[] words = {
      "Durand",
      "Martin",
      "Lefebvre",
      "Nordic",
      "Atlas",
      "Benelux",
      "Iberia",
      "Rhein",
      "Alpine",
      "Baltic"
    };
    String[] forms = {"SARL", "GmbH", "Ltd", "SA", "BV", "Inc"};
    int number = 0;
    long invoiceId = 1;
    for (int c = 1; c <= CUSTOMERS; c++) {
      String name =
          words[random.nextInt(words.length)]
              + " "
              + words[random.nextInt(words.length)]
              + " "
              + c
              + " "
              + forms[random.nextInt(forms.length)];
      customers.add(
          new Customer(
              c, name, "FR76" + String.format("%023d", 1_000_000L * c + random.nextInt(999_999))));
      int count = 3 + random.nextInt(28);
      for (int i = 0; i < count; i++) {
        String n = String.format("INV-%06d", ++number);
        if (random.nextInt(10) < 3) {
          closed.add(n);
          continue;
        }
        BigDecimal amount = BigDecimal.valueOf(5_000 + random.nextInt(2_000_000), 2);
        open.add(
            new OpenInvoice(
                invoiceId++,
                n,
                c,
                "EUR",
                amount,
                LocalDate.of(2026, 9, 1).plusDays(random.nextInt(90))));
      }
    }
    InMemoryLedger ledger = new InMemoryLedger(customers, open, closed);
    // history: most customers have paid from their account before
    customers.stream()
        .filter(c -> random.nextInt(10) < 8)
        .forEach(c -> ledger.learnAccount(c.iban(), c.id()));

    return new Fixture(
        ledger, new GroundTruth(seed, customers, open, LocalDate.of(2026, 12, 1)).lines(LINES));
  }

  static Result run(long seed) {
    Fixture fixture = fixture(seed);
    InMemoryLedger ledger = fixture.ledger();
    List<Case> cases = fixture.cases();
    int applied = 0;
    int right = 0;
    Map<Scenario, int[]> byScenario = new EnumMap<>(Scenario.class);
    for (Case c : cases) {
      int[] counts = byScenario.computeIfAbsent(c.scenario(), s -> new int[3]);
      counts[0]++;
      Decision d =
          CashMatcher.decide(
              new CashMatcher.LineFacts(c.line().amount(), c.line().currency()),
              Ledger.evidence(ledger, c.line()),
              CashMatcher.DEFAULT_SETTINGS);
      if (d.apply().isEmpty()) {
        continue;
      }
      applied++;
      counts[1]++;
      Set<Long> taken =
          d.apply().get().allocations().stream()
              .map(CashMatcher.Allocation::invoiceId)
              .collect(Collectors.toSet());
      if (taken.equals(c.invoiceIds())) {
        right++;
        counts[2]++;
      }
      ledger.apply(c.line(), d.apply().get());
    }
    return new Result(cases.size(), applied, right, byScenario);
  }

  @Test
  void mostLinesAreAppliedAutomaticallyAndAlmostAllOfThemRightly() {
    Result r = run(20261204L);
    StringBuilder report =
        new StringBuilder(
            "lines "
                + r.lines()
                + ", applied "
                + r.applied()
                + " ("
                + String.format("%.1f", 100 * r.appliedShare())
                + " %), right "
                + r.right()
                + " (precision "
                + String.format("%.2f", 100 * r.precision())
                + " %)\n");
    r.byScenario()
        .forEach(
            (s, n) ->
                report
                    .append("  ")
                    .append(s)
                    .append(": ")
                    .append(n[0])
                    .append(" lines, ")
                    .append(n[1])
                    .append(" applied, ")
                    .append(n[2])
                    .append(" right\n"));
    System.out.println(report);
    assertEquals(LINES, r.lines(), "the ledger is large enough for every line");
    assertTrue(r.appliedShare() >= 0.90, report.toString());
    assertTrue(r.precision() >= 0.995, report.toString());
  }

  @Test
  void unknownPayersAreNeverApplied() {
    Result r = run(7L);
    assertEquals(0, r.byScenario().get(Scenario.UNKNOWN_PAYER)[1]);
  }
}
