package com.bpo.portal.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.cash.BankStatementFile.Line;
import com.bpo.portal.cash.CashMatcher.Allocation;
import com.bpo.portal.cash.CashMatcher.Decision;
import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.CashMatcher.Proposal;
import com.bpo.portal.cash.GroundTruth.Case;
import com.bpo.portal.cash.GroundTruth.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A statement's lines are matched through {@link PendingPayments} and their payments written a
 * block at a time: each line must be decided exactly as if every line before it had been written at
 * once.
 */
class PendingPaymentsTest {
  private static final long SEED = 20261204L;

  /**
   * Every decision for a seed's lines, with the payments written every {@code block} applied lines
   * (1: at once) and what a line learns of its payer written at once. CashService's blocks are 250
   * lines; the point here is that decisions do not depend on where a block ends.
   */
  static List<Decision> decisions(int block) {
    return decisions(block, true);
  }

  /**
   * As {@link #decisions(int)}; {@code throughPending} false reads the ledger as written, without
   * what the block's earlier lines took (what the overlay is there to prevent).
   */
  static List<Decision> decisions(int block, boolean throughPending) {
    return decisions(block, throughPending, false);
  }

  /**
   * As {@link #decisions(int, boolean)}; {@code readAhead} also asks the next {@code block} lines'
   * questions at each block's start ({@link BlockReads}), as CashService does for its blocks, and
   * writes what the lines learn of their payers with the block's payments, not at once.
   */
  static List<Decision> decisions(int block, boolean throughPending, boolean readAhead) {
    GroundTruthMatchingTest.Fixture fixture = GroundTruthMatchingTest.fixture(SEED);
    InMemoryLedger ledger = fixture.ledger();
    List<Case> cases = fixture.cases();
    java.util.function.IntFunction<BlockReads> reads =
        from ->
            readAhead
                ? BlockReadsTest.reads(
                    ledger,
                    cases.subList(from, Math.min(cases.size(), from + block)).stream()
                        .map(Case::line)
                        .toList())
                : null;
    BlockReads blockReads = reads.apply(0);
    PendingPayments pending = new PendingPayments(readAhead ? blockReads : ledger);
    // what the block applied, in order: written to the ledger when the block ends
    List<Case> applied = new ArrayList<>();
    List<Proposal> appliedProposals = new ArrayList<>();
    List<Decision> out = new ArrayList<>();
    for (Case c : cases) {
      Decision d =
          CashMatcher.decide(
              new CashMatcher.LineFacts(c.line().amount(), c.line().currency()),
              Ledger.evidence(throughPending ? pending : ledger, c.line()),
              CashMatcher.DEFAULT_SETTINGS);
      out.add(d);
      if (d.apply().isPresent()) {
        if (readAhead) {
          blockReads.learn(c.line(), d.apply().get().customerId());
        } else {
          ledger.learn(c.line(), d.apply().get());
        }
        pending.add(out.size(), c.line(), d.apply().get());
        applied.add(c);
        appliedProposals.add(d.apply().get());
      }
      if (applied.size() >= block) {
        appliedProposals.forEach(ledger::pay);
        if (readAhead) {
          for (int i = 0; i < applied.size(); i++) {
            ledger.learn(applied.get(i).line(), appliedProposals.get(i));
          }
        }
        applied.clear();
        appliedProposals.clear();
        blockReads = reads.apply(out.size());
        pending = new PendingPayments(readAhead ? blockReads : ledger);
      }
    }
    return out;
  }

  @Test
  void linesMatchedInBlocksAreDecidedAsIfEachLineBeforeWereWrittenAtOnce() {
    List<Decision> atOnce = decisions(1);
    long applied = atOnce.stream().filter(d -> d.apply().isPresent()).count();
    assertTrue(applied > atOnce.size() / 2, "the seed applies most lines: " + applied);
    for (int block : new int[] {CashService.BLOCK_LINES, 13}) {
      List<Decision> inBlocks = decisions(block);
      for (int i = 0; i < atOnce.size(); i++) {
        assertEquals(atOnce.get(i), inBlocks.get(i), "line " + (i + 1) + " in blocks of " + block);
      }
    }
    // and with the block's invoice numbers looked up at its start
    for (int block : new int[] {CashService.BLOCK_LINES, 13}) {
      List<Decision> readAhead = decisions(block, true, true);
      for (int i = 0; i < atOnce.size(); i++) {
        assertEquals(
            atOnce.get(i), readAhead.get(i), "line " + (i + 1) + " read ahead by " + block);
      }
    }
    // the control: these lines do take what earlier lines of their block took, so reading the
    // ledger as written would decide some of them otherwise
    List<Decision> blind = decisions(CashService.BLOCK_LINES, false);
    long differing =
        java.util.stream.IntStream.range(0, atOnce.size())
            .filter(i -> !atOnce.get(i).equals(blind.get(i)))
            .count();
    assertTrue(differing > 0, "no line of the seed depends on an earlier line of its block");
  }

  private static final LocalDate DUE = LocalDate.of(2026, 10, 1);

  private static OpenInvoice invoice(long id, long customer, String open, int days) {
    return new OpenInvoice(
        id,
        String.format("INV-%06d", id),
        customer,
        "EUR",
        new BigDecimal(open),
        DUE.plusDays(days));
  }

  private static Proposal paying(long customer, Allocation... allocations) {
    return new Proposal(
        CashMatcher.Rule.REFERENCE,
        new BigDecimal("0.97"),
        customer,
        CashMatcher.Settlement.EXACT,
        List.of(allocations),
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        Reason.verbatim("test"));
  }

  private static final Line LINE =
      new Line("E1", DUE, DUE, new BigDecimal("1.00"), "EUR", "", "", "");

  @Test
  void aPendingPaymentLeavesTheRestOpenClosesWhatItPaysAndTheNextOldestTakesItsPlace() {
    List<OpenInvoice> open = new ArrayList<>();
    for (int i = 1; i <= MatchQueries.PAYER_OPEN_LIMIT + 2; i++) {
      open.add(invoice(i, 7, "100.00", i));
    }
    open.add(invoice(900, 8, "40.00", 0));
    InMemoryLedger ledger =
        new InMemoryLedger(List.of(new Customer(7, "Seven SA", "FR76")), open, List.of());
    PendingPayments pending = new PendingPayments(ledger);
    pending.add(
        1,
        LINE,
        paying(
            7,
            new Allocation(1, "INV-000001", new BigDecimal("100.00"), BigDecimal.ZERO),
            new Allocation(2, "INV-000002", new BigDecimal("95.00"), new BigDecimal("5.00")),
            new Allocation(3, "INV-000003", new BigDecimal("30.00"), BigDecimal.ZERO)));

    List<OpenInvoice> oldest = pending.openInvoicesOf(7, "EUR");
    assertEquals(MatchQueries.PAYER_OPEN_LIMIT, oldest.size());
    assertEquals(3, oldest.get(0).id(), "1 and 2 are paid (2 with its write-off)");
    assertEquals(new BigDecimal("70.00"), oldest.get(0).open());
    assertEquals(
        MatchQueries.PAYER_OPEN_LIMIT + 2,
        oldest.get(oldest.size() - 1).id(),
        "the two oldest closed, the 52nd comes into the 50 oldest");
    assertEquals(
        List.of(900L),
        pending.openInvoicesOf(8, "EUR").stream().map(OpenInvoice::id).toList(),
        "another customer's invoices are as the ledger has them");
    assertEquals(
        List.of(3L),
        pending.openInvoicesByKey(List.of("INV1", "INV2", "INV3")).stream()
            .map(OpenInvoice::id)
            .toList());
    assertEquals(
        List.of("INV1", "INV2"),
        pending.existingKeys(List.of("INV1", "INV2")),
        "a number paid is still a number that exists: no typo");
  }

  /**
   * A block's payments go in one run, save where a short payment's invoice is paid again later in
   * the block: that run ends at the short payment, so its deduction sees what it left open.
   */
  @Test
  void aRunEndsAtAShortPaymentOnlyWhenALaterPaymentOfTheBlockPaysItsInvoiceAgain() {
    PendingPayments pending =
        new PendingPayments(new InMemoryLedger(List.of(), List.of(), List.of()));
    pending.add(1, LINE, shortOf("40.00", 7, allocation(100, "60.00")));
    pending.add(2, LINE, paying(7, allocation(200, "10.00")));
    pending.add(3, LINE, shortOf("5.00", 7, allocation(300, "15.00")));
    pending.add(4, LINE, paying(7, allocation(100, "40.00")));
    pending.add(5, LINE, shortOf("1.00", 7, allocation(500, "9.00")));
    assertEquals(
        List.of(List.of(1L), List.of(2L, 3L, 4L, 5L)),
        pending.runs().stream()
            .map(run -> run.stream().map(PendingPayments.Pending::lineId).toList())
            .toList(),
        "1 ends a run (100 is paid again by 4); 3 and 5 do not (nothing later pays 300 or 500)");
    assertEquals(List.of(), new PendingPayments(pending).runs(), "no payment, no run");
  }

  private static Allocation allocation(long invoice, String amount) {
    return new Allocation(
        invoice, "INV-" + invoice, new BigDecimal(amount), BigDecimal.ZERO, BigDecimal.ZERO);
  }

  private static Proposal shortOf(String shortfall, long customer, Allocation... allocations) {
    return new Proposal(
        CashMatcher.Rule.REFERENCE,
        new BigDecimal("0.97"),
        customer,
        CashMatcher.Settlement.SHORT_PAYMENT,
        List.of(allocations),
        BigDecimal.ZERO,
        new BigDecimal(shortfall),
        Reason.verbatim("test"));
  }
}
