package com.bpo.portal.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.cash.CashMatcher.Allocation;
import com.bpo.portal.cash.CashMatcher.Decision;
import com.bpo.portal.cash.CashMatcher.Evidence;
import com.bpo.portal.cash.CashMatcher.LineFacts;
import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.CashMatcher.Payer;
import com.bpo.portal.cash.CashMatcher.PayerSource;
import com.bpo.portal.cash.CashMatcher.Proposal;
import com.bpo.portal.cash.CashMatcher.Rule;
import com.bpo.portal.cash.CashMatcher.Settings;
import com.bpo.portal.cash.CashMatcher.Settlement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CashMatcherTest {
  private static final Settings SETTINGS =
      new Settings(new BigDecimal("0.90"), new BigDecimal("5.00"));
  private static final long ACME = 1;
  private static final long OTHER = 2;

  private static OpenInvoice invoice(long id, long customer, String open) {
    return new OpenInvoice(
        id,
        "INV-" + id,
        customer,
        "EUR",
        new BigDecimal(open),
        LocalDate.of(2026, 1, 1).plusDays(id));
  }

  private static LineFacts line(String amount) {
    return new LineFacts(new BigDecimal(amount), "EUR");
  }

  private static Evidence referenced(OpenInvoice... invoices) {
    return new Evidence(List.of(), List.of(invoices), List.of(), Optional.empty(), List.of());
  }

  /** The reference names {@code named}; the payer is recognised as {@code payer}. */
  private static Evidence namedWithPayer(OpenInvoice named, Payer payer, OpenInvoice... payerOpen) {
    return new Evidence(
        List.of(), List.of(named), List.of(), Optional.of(payer), List.of(payerOpen));
  }

  private static Evidence payer(PayerSource source, long customer, OpenInvoice... open) {
    return new Evidence(
        List.of(), List.of(), List.of(), Optional.of(new Payer(customer, source)), List.of(open));
  }

  private static Set<Long> applied(Decision d) {
    return d.apply().orElseThrow().allocations().stream()
        .filter(a -> a.amount().signum() > 0)
        .map(Allocation::invoiceId)
        .collect(Collectors.toSet());
  }

  // ---------------------------------------------------------------- rule 2: reference

  @Test
  void referenceWithTheExactAmountIsApplied() {
    Decision d =
        CashMatcher.decide(
            line("1250.00"),
            referenced(invoice(1, ACME, "1000.00"), invoice(2, ACME, "250.00")),
            SETTINGS);
    Proposal p = d.apply().orElseThrow();
    assertEquals(Rule.REFERENCE, p.rule());
    assertEquals(Settlement.EXACT, p.settlement());
    assertEquals(Set.of(1L, 2L), applied(d));
  }

  @Test
  void referenceWithinToleranceWritesTheDifferenceOff() {
    Proposal p =
        CashMatcher.decide(line("995.50"), referenced(invoice(1, ACME, "1000.00")), SETTINGS)
            .apply()
            .orElseThrow();
    assertEquals(Settlement.WRITE_OFF, p.settlement());
    assertEquals(new BigDecimal("995.50"), p.allocations().get(0).amount());
    assertEquals(new BigDecimal("4.50"), p.allocations().get(0).writeOff());
  }

  @Test
  void nearMissJustBeyondToleranceIsAShortPaymentNotAWriteOff() {
    Proposal p =
        CashMatcher.decide(line("994.99"), referenced(invoice(1, ACME, "1000.00")), SETTINGS)
            .apply()
            .orElseThrow();
    assertEquals(Settlement.SHORT_PAYMENT, p.settlement());
    assertEquals(BigDecimal.ZERO.setScale(2), p.allocations().get(0).writeOff().setScale(2));
    assertEquals(new BigDecimal("5.01"), p.shortfall());
    assertEquals(new BigDecimal("5.01"), p.allocations().get(0).leftOpen());
  }

  @Test
  void shortPaymentPaysOldestFirstAndLeavesTheRestOpen() {
    Proposal p =
        CashMatcher.decide(
                line("1100.00"),
                referenced(invoice(2, ACME, "500.00"), invoice(1, ACME, "800.00")),
                SETTINGS)
            .apply()
            .orElseThrow();
    assertEquals(Settlement.SHORT_PAYMENT, p.settlement());
    assertEquals(
        new BigDecimal("800.00"), p.allocations().get(0).amount(), "invoice 1 is due first");
    assertEquals(new BigDecimal("300.00"), p.allocations().get(1).amount());
    assertEquals(new BigDecimal("200.00"), p.shortfall());
  }

  @Test
  void overpaymentGoesOnAccount() {
    Proposal p =
        CashMatcher.decide(line("1300.00"), referenced(invoice(1, ACME, "1000.00")), SETTINGS)
            .apply()
            .orElseThrow();
    assertEquals(Settlement.OVERPAYMENT, p.settlement());
    assertEquals(new BigDecimal("300.00"), p.onAccount());
  }

  @Test
  void referenceToInvoicesOfTwoCustomersIsOnlySuggested() {
    Decision d =
        CashMatcher.decide(
            line("1250.00"),
            referenced(invoice(1, ACME, "1000.00"), invoice(2, OTHER, "250.00")),
            SETTINGS);
    assertTrue(d.apply().isEmpty());
    assertEquals(1, d.proposals().size());
  }

  @Test
  void referenceToAnotherCustomerThanTheKnownPayerIsOnlySuggested() {
    Evidence e = namedWithPayer(invoice(1, OTHER, "1000.00"), new Payer(ACME, PayerSource.ACCOUNT));
    assertTrue(CashMatcher.decide(line("1000.00"), e, SETTINGS).apply().isEmpty());
  }

  @Test
  void referenceToAnotherCustomerThanALearnedNamePointsAtIsStillAppliedWhenTheAmountIsExact() {
    Evidence e =
        namedWithPayer(
            invoice(1, OTHER, "1000.00"),
            new Payer(ACME, PayerSource.LEARNED_NAME),
            invoice(7, ACME, "400.00"));
    Decision d = CashMatcher.decide(line("1000.00"), e, SETTINGS);
    Proposal p = d.apply().orElseThrow();
    assertEquals(Rule.REFERENCE, p.rule());
    assertEquals(OTHER, p.customerId());
    assertEquals(0, new BigDecimal("0.93").compareTo(p.confidence()), p.confidence().toString());
    assertTrue(
        p.reason().english().contains("learned from another customer"), p.reason().english());

    // the name's customer with an invoice of exactly that amount: two sure answers, a person picks
    Evidence both =
        namedWithPayer(
            invoice(1, OTHER, "1000.00"),
            new Payer(ACME, PayerSource.LEARNED_NAME),
            invoice(7, ACME, "1000.00"));
    assertTrue(CashMatcher.decide(line("1000.00"), both, SETTINGS).apply().isEmpty());
  }

  @Test
  void aShortPaymentNamingAnotherCustomerThanALearnedNameIsOnlySuggested() {
    Evidence e =
        namedWithPayer(invoice(1, OTHER, "1000.00"), new Payer(ACME, PayerSource.LEARNED_NAME));
    Decision d = CashMatcher.decide(line("700.00"), e, SETTINGS);
    assertTrue(d.apply().isEmpty(), "the weak name and the uneven amount together need a person");
    assertEquals(Settlement.SHORT_PAYMENT, d.proposals().get(0).settlement());
  }

  @Test
  void invoicesInAnotherCurrencyAreNotTaken() {
    OpenInvoice usd =
        new OpenInvoice(
            1, "INV-1", ACME, "USD", new BigDecimal("1000.00"), LocalDate.of(2026, 1, 1));
    Decision d = CashMatcher.decide(line("1000.00"), referenced(usd), SETTINGS);
    assertTrue(d.proposals().isEmpty());
  }

  // ---------------------------------------------------------------- rule 1: remittance

  @Test
  void remittanceAdviceOutranksTheReference() {
    Evidence e =
        new Evidence(
            List.of(invoice(3, ACME, "600.00")),
            List.of(invoice(1, ACME, "600.00")),
            List.of(),
            Optional.empty(),
            List.of());
    Decision d = CashMatcher.decide(line("600.00"), e, SETTINGS);
    assertTrue(d.apply().isEmpty(), "two sure matches for different invoices: a person decides");
    assertEquals(Rule.REMITTANCE, d.proposals().get(0).rule());
  }

  @Test
  void remittanceAdviceAloneIsApplied() {
    Evidence e =
        new Evidence(
            List.of(invoice(3, ACME, "600.00")), List.of(), List.of(), Optional.empty(), List.of());
    assertEquals(
        Rule.REMITTANCE,
        CashMatcher.decide(line("600.00"), e, SETTINGS).apply().orElseThrow().rule());
  }

  @Test
  void remittanceAdviceForAnotherCustomerThanThePayerByAccountIsOnlySuggested() {
    // the advice's reference is in the line, but the money comes from ACME's known account
    Evidence e =
        new Evidence(
            List.of(invoice(3, OTHER, "600.00")),
            List.of(),
            List.of(),
            Optional.of(new Payer(ACME, PayerSource.ACCOUNT)),
            List.of());
    Decision d = CashMatcher.decide(line("600.00"), e, SETTINGS);
    assertTrue(d.apply().isEmpty());
    assertEquals(Rule.REMITTANCE, d.proposals().get(0).rule());
    assertEquals(OTHER, d.proposals().get(0).customerId());
  }

  @Test
  void remittanceAdviceOverInvoicesOfTwoCustomersIsOnlySuggested() {
    Evidence e =
        new Evidence(
            List.of(invoice(3, ACME, "400.00"), invoice(4, OTHER, "200.00")),
            List.of(),
            List.of(),
            Optional.empty(),
            List.of());
    Decision d = CashMatcher.decide(line("600.00"), e, SETTINGS);
    assertTrue(d.apply().isEmpty());
    assertEquals(1, d.proposals().size());
  }

  @Test
  void remittanceAdviceInAnotherCurrencyIsNotTaken() {
    OpenInvoice usd =
        new OpenInvoice(
            3, "INV-3", ACME, "USD", new BigDecimal("600.00"), LocalDate.of(2026, 1, 1));
    Evidence e = new Evidence(List.of(usd), List.of(), List.of(), Optional.empty(), List.of());
    assertTrue(CashMatcher.decide(line("600.00"), e, SETTINGS).proposals().isEmpty());
  }

  // ---------------------------------------------------------------- rule 3: one wrong character

  @Test
  void oneWrongCharacterWithTheAmountIsApplied() {
    Evidence e =
        new Evidence(
            List.of(), List.of(), List.of(invoice(7, ACME, "430.00")), Optional.empty(), List.of());
    Proposal p = CashMatcher.decide(line("430.00"), e, SETTINGS).apply().orElseThrow();
    assertEquals(Rule.REFERENCE_NEAR, p.rule());
  }

  @Test
  void oneWrongCharacterWithAnotherAmountAndNoPayerIsNotTaken() {
    Evidence e =
        new Evidence(
            List.of(), List.of(), List.of(invoice(7, ACME, "430.00")), Optional.empty(), List.of());
    assertTrue(CashMatcher.decide(line("431.00"), e, SETTINGS).proposals().isEmpty());
  }

  @Test
  void oneWrongCharacterOfTheKnownPayerButAnotherAmountIsOnlySuggested() {
    Evidence e =
        new Evidence(
            List.of(),
            List.of(),
            List.of(invoice(7, ACME, "430.00")),
            Optional.of(new Payer(ACME, PayerSource.ACCOUNT)),
            List.of());
    Decision d = CashMatcher.decide(line("400.00"), e, SETTINGS);
    assertTrue(d.apply().isEmpty());
    assertEquals(Rule.REFERENCE_NEAR, d.proposals().get(0).rule());
  }

  @Test
  void aTypoThatHitsAnotherOpenInvoiceYieldsToTheNeighbourThatFitsTheAmount() {
    Evidence e =
        new Evidence(
            List.of(),
            List.of(invoice(8, OTHER, "999.00")),
            List.of(invoice(7, ACME, "430.00")),
            Optional.empty(),
            List.of());
    Decision d = CashMatcher.decide(line("430.00"), e, SETTINGS);
    assertEquals(Set.of(7L), applied(d));
    assertEquals(Rule.REFERENCE_NEAR, d.apply().orElseThrow().rule());
  }

  @Test
  void twoNeighboursWithTheAmountAreAmbiguous() {
    Evidence e =
        new Evidence(
            List.of(),
            List.of(),
            List.of(invoice(7, ACME, "430.00"), invoice(8, OTHER, "430.00")),
            Optional.empty(),
            List.of());
    Decision d = CashMatcher.decide(line("430.00"), e, SETTINGS);
    assertTrue(d.apply().isEmpty());
    assertEquals(2, d.proposals().size());
  }

  // ---------------------------------------------------------------- rule 4: payer and amount

  @Test
  void payerByAccountAndOneInvoiceForTheAmountIsApplied() {
    Decision d =
        CashMatcher.decide(
            line("250.00"),
            payer(
                PayerSource.ACCOUNT, ACME, invoice(1, ACME, "100.00"), invoice(2, ACME, "250.00")),
            SETTINGS);
    assertEquals(Rule.PAYER_AMOUNT, d.apply().orElseThrow().rule());
    assertEquals(Set.of(2L), applied(d));
  }

  @Test
  void twoInvoicesOfTheSameAmountAreOnlySuggested() {
    Decision d =
        CashMatcher.decide(
            line("250.00"),
            payer(
                PayerSource.ACCOUNT, ACME, invoice(1, ACME, "250.00"), invoice(2, ACME, "250.00")),
            SETTINGS);
    assertTrue(d.apply().isEmpty());
    assertEquals(2, d.proposals().size());
  }

  @Test
  void payerKnownOnlyByTheCustomerNameIsBelowTheThreshold() {
    Decision d =
        CashMatcher.decide(
            line("250.00"),
            payer(PayerSource.CUSTOMER_NAME, ACME, invoice(2, ACME, "250.00")),
            SETTINGS);
    assertTrue(d.apply().isEmpty());
    assertEquals(Rule.PAYER_AMOUNT, d.proposals().get(0).rule());
  }

  @Test
  void payerAmountWithinToleranceIsOnlySuggestedWithItsWriteOff() {
    // the payer and an amount near one invoice: too often a coincidence to apply (all 405 such
    // matches the benchmark applied were wrong); a person sees the write-off it would take
    Decision d =
        CashMatcher.decide(
            line("247.00"), payer(PayerSource.ACCOUNT, ACME, invoice(2, ACME, "250.00")), SETTINGS);
    assertTrue(d.apply().isEmpty());
    Proposal p = d.proposals().get(0);
    assertEquals(Rule.PAYER_AMOUNT, p.rule());
    assertEquals(Settlement.WRITE_OFF, p.settlement());
    assertEquals(new BigDecimal("3.00"), p.allocations().get(0).writeOff());
    assertEquals(0, CashMatcher.PAYER_AMOUNT_ONLY_NEAR.compareTo(p.confidence()));
    assertTrue(p.reason().english().contains("suggested, not applied"));
  }

  @Test
  void payerAmountToTheCentIsStillAppliedBesideANearOne() {
    Decision d =
        CashMatcher.decide(
            line("250.00"),
            payer(
                PayerSource.ACCOUNT, ACME, invoice(2, ACME, "250.00"), invoice(3, ACME, "252.00")),
            SETTINGS);
    assertEquals(Set.of(2L), applied(d));
    assertEquals(Settlement.EXACT, d.apply().orElseThrow().settlement());
  }

  @Test
  void payerCombinationWithinToleranceIsOnlySuggested() {
    Decision d =
        CashMatcher.decide(
            line("348.00"),
            payer(
                PayerSource.ACCOUNT,
                ACME,
                invoice(1, ACME, "100.00"),
                invoice(3, ACME, "250.00"),
                invoice(4, ACME, "999.00")),
            SETTINGS);
    assertTrue(d.apply().isEmpty());
    Proposal p = d.proposals().get(0);
    assertEquals(Rule.PAYER_COMBINATION, p.rule());
    assertEquals(Settlement.WRITE_OFF, p.settlement());
    assertEquals(Set.of(1L, 3L), p.invoiceIds());
  }

  @Test
  void bankChargesOnANamedInvoiceAreStillWrittenOffAndApplied() {
    Decision d =
        CashMatcher.decide(
            line("247.00"),
            new Evidence(
                List.of(),
                List.of(invoice(2, ACME, "250.00")),
                List.of(),
                Optional.of(new Payer(ACME, PayerSource.ACCOUNT)),
                List.of(invoice(2, ACME, "250.00"))),
            SETTINGS);
    assertEquals(Rule.REFERENCE, d.apply().orElseThrow().rule());
    assertEquals(Settlement.WRITE_OFF, d.apply().orElseThrow().settlement());
  }

  @Test
  void payerAmountNeverTakesAShortPayment() {
    Decision d =
        CashMatcher.decide(
            line("240.00"), payer(PayerSource.ACCOUNT, ACME, invoice(2, ACME, "250.00")), SETTINGS);
    assertTrue(d.proposals().isEmpty());
  }

  // ---------------------------------------------------------------- rule 5: combination

  @Test
  void payerCombinationFindsTheInvoicesThatAddUp() {
    Decision d =
        CashMatcher.decide(
            line("350.00"),
            payer(
                PayerSource.ACCOUNT,
                ACME,
                invoice(1, ACME, "100.00"),
                invoice(2, ACME, "120.00"),
                invoice(3, ACME, "250.00"),
                invoice(4, ACME, "999.00")),
            SETTINGS);
    assertEquals(Rule.PAYER_COMBINATION, d.apply().orElseThrow().rule());
    assertEquals(Set.of(1L, 3L), applied(d));
  }

  @Test
  void twoCombinationsAreOnlySuggested() {
    Decision d =
        CashMatcher.decide(
            line("300.00"),
            payer(
                PayerSource.ACCOUNT,
                ACME,
                invoice(1, ACME, "100.00"),
                invoice(2, ACME, "200.00"),
                invoice(3, ACME, "150.00"),
                invoice(4, ACME, "150.00")),
            SETTINGS);
    assertTrue(d.apply().isEmpty());
    assertTrue(d.proposals().size() >= 2);
  }

  @Test
  void combinationSearchIsBounded() {
    List<OpenInvoice> many = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      many.add(invoice(i, ACME, String.valueOf(1000 + i * 7) + ".13"));
    }
    Evidence e =
        new Evidence(
            List.of(),
            List.of(),
            List.of(),
            Optional.of(new Payer(ACME, PayerSource.ACCOUNT)),
            many);
    long start = System.nanoTime();
    CashMatcher.decide(line("1.00"), e, SETTINGS);
    assertTrue(System.nanoTime() - start < 2_000_000_000L);
  }

  /**
   * The search counts in whole cents; on 3,000 random pools (amounts that add up to the line's or
   * miss it by a little, repeated amounts, amounts of other scales, some too large to count in
   * cents) it finds exactly the combinations, in the same order, that the search in decimals finds.
   */
  @Test
  void theSearchInWholeUnitsFindsWhatTheSearchInDecimalsFinds() {
    java.util.Random random = new java.util.Random(5);
    String[] tolerances = {"0", "0.05", "5.00", "0.5"};
    int withFinds = 0;
    for (int n = 0; n < 3_000; n++) {
      List<OpenInvoice> pool = new ArrayList<>();
      int size = 1 + random.nextInt(CashMatcher.COMBINATION_INVOICES);
      for (int i = 0; i < size; i++) {
        BigDecimal open =
            switch (random.nextInt(8)) {
              case 0 -> new BigDecimal("150.00");
              case 1 -> BigDecimal.valueOf(1 + random.nextInt(500));
              case 2 -> BigDecimal.valueOf(random.nextInt(50_000), 3).add(BigDecimal.ONE);
              case 3 -> new BigDecimal("1" + "0".repeat(18) + ".25");
              default -> BigDecimal.valueOf(100 + random.nextInt(100_000), 2);
            };
        pool.add(invoice(i + 1, ACME, open.toPlainString()));
      }
      BigDecimal amount = BigDecimal.ZERO;
      for (OpenInvoice invoice : pool) {
        if (random.nextInt(3) == 0) {
          amount = amount.add(invoice.open());
        }
      }
      amount = amount.subtract(BigDecimal.valueOf(random.nextInt(3), 2));
      if (amount.signum() <= 0) {
        amount = new BigDecimal("300.00");
      }
      BigDecimal tolerance = new BigDecimal(tolerances[random.nextInt(tolerances.length)]);
      List<List<OpenInvoice>> inUnits = CashMatcher.combinations(pool, amount, tolerance);
      assertEquals(
          CashMatcher.combinationsInDecimals(pool, amount, tolerance),
          inUnits,
          "pool " + pool.stream().map(i -> i.open().toPlainString()).toList() + " for " + amount);
      if (!inUnits.isEmpty()) {
        withFinds++;
      }
    }
    assertTrue(withFinds > 500, "most pools hold a combination: " + withFinds);
  }

  @Test
  void nothingKnownProposesNothing() {
    assertTrue(CashMatcher.decide(line("10.00"), Evidence.none(), SETTINGS).proposals().isEmpty());
  }

  @Test
  void aHigherThresholdTurnsAnApplicationIntoASuggestion() {
    Settings strict = new Settings(new BigDecimal("0.99"), new BigDecimal("5.00"));
    Decision d =
        CashMatcher.decide(line("1000.00"), referenced(invoice(1, ACME, "1000.00")), strict);
    assertTrue(d.apply().isEmpty());
    assertEquals(1, d.proposals().size());
  }
}
