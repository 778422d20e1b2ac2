package com.bpo.portal.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.cash.BankStatementFile.Line;
import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.CashMatcher.Payer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BlockReadsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

  /** The block's reads as a statement long enough to read how invoice numbers start makes them. */
  static BlockReads reads(BulkLedger database, List<Line> lines) {
    return new BlockReads(database, lines, Optional.of(database.openNumberPrefixes()));
  }

  /** A ledger that counts the questions it is asked. */
  private static class Counting implements BulkLedger {
    final BulkLedger inner;
    int byKey;
    int byEachKey;
    int existing;
    int payers;
    int other;
    final Set<String> keysAsked = new java.util.HashSet<>();

    Counting(BulkLedger inner) {
      this.inner = inner;
    }

    int total() {
      return byKey + byEachKey + existing + payers + other;
    }

    @Override
    public List<OpenInvoice> openInvoicesByKey(Collection<String> keys) {
      byKey++;
      return inner.openInvoicesByKey(keys);
    }

    @Override
    public Map<String, List<OpenInvoice>> openInvoicesByEachKey(Collection<String> keys) {
      byEachKey++;
      keysAsked.addAll(keys);
      return inner.openInvoicesByEachKey(keys);
    }

    /** Read once per statement, not per block (CashService): not counted. */
    @Override
    public Set<String> openNumberPrefixes() {
      return inner.openNumberPrefixes();
    }

    @Override
    public List<String> existingKeys(Collection<String> keys) {
      existing++;
      return inner.existingKeys(keys);
    }

    @Override
    public Optional<Payer> payer(String accountKey, String nameKey, String rawName) {
      payers++;
      return inner.payer(accountKey, nameKey, rawName);
    }

    @Override
    public Map<String, Identity> identities(String kind, Collection<String> keys) {
      payers++;
      return inner.identities(kind, keys);
    }

    @Override
    public Map<String, List<Long>> customersNamed(Collection<String> names) {
      payers++;
      return inner.customersNamed(names);
    }

    @Override
    public List<OpenInvoice> openInvoicesOf(long customerId, String currency, int limit) {
      other++;
      return inner.openInvoicesOf(customerId, currency, limit);
    }

    @Override
    public Map<CustomerCurrency, List<OpenInvoice>> openInvoicesOfEach(
        Collection<CustomerCurrency> pairs, int limit) {
      other++;
      return inner.openInvoicesOfEach(pairs, limit);
    }

    @Override
    public List<OpenInvoice> advisedInvoices(
        String reference, Optional<Long> payer, BigDecimal amount, String currency) {
      other++;
      return inner.advisedInvoices(reference, payer, amount, currency);
    }

    @Override
    public Map<AdviceQuestion, List<OpenInvoice>> advisedInvoicesOfEach(
        Collection<AdviceQuestion> questions) {
      other++;
      return inner.advisedInvoicesOfEach(questions);
    }
  }

  @Test
  void aBlocksQuestionsAreAskedAtItsStartAndItsLinesAnsweredFromMemoryAsTheLedgerWould() {
    GroundTruthMatchingTest.Fixture fixture = GroundTruthMatchingTest.fixture(20261204L);
    Counting database = new Counting(fixture.ledger());
    List<Line> block =
        fixture.cases().subList(0, CashService.BLOCK_LINES).stream()
            .map(GroundTruth.Case::line)
            .toList();
    BlockReads reads = reads(database, block);
    // the references' numbers and which exist, their neighbours, accounts, names, customers by
    // name, the payers' open invoices, the advices: one question each, whatever the block's size
    assertEquals(8, database.total());
    int near = 0;
    for (Line l : block) {
      CashMatcher.Evidence fromMemory = Ledger.evidence(reads, l);
      assertEquals(Ledger.evidence(fixture.ledger(), l), fromMemory, l.toString());
      near += fromMemory.nearReferenced().size();
    }
    assertEquals(8, database.total(), "no line's question reached the database");
    assertTrue(near > 0, "the block has typos whose neighbours were read ahead");
  }

  @Test
  void whatALineLearnsOfItsPayerIsAnsweredToTheBlocksLaterLinesAndWrittenWithTheBlock() {
    InMemoryLedger ledger =
        new InMemoryLedger(
            List.of(
                new GroundTruth.Customer(7, "Seven SA", "FR76"),
                new GroundTruth.Customer(8, "Eight SA", "FR77")),
            List.of(invoice(101, "10.00")),
            List.of());
    Line first = payerLine("FR76 0001", "Holding Nord");
    Line second = payerLine("FR76-0001", "HOLDING NORD SA");
    Line other = payerLine("DE00 9999", "Holding Nord");
    Counting database = new Counting(ledger);
    BlockReads reads = reads(database, List.of(first, second, other));
    int asked = database.total();
    assertEquals(Optional.empty(), payerOf(reads, first), "nobody has paid from it yet");

    reads.learn(first, 7);
    assertEquals(
        Optional.of(new Payer(7, CashMatcher.PayerSource.ACCOUNT)),
        payerOf(reads, second),
        "the account learned by the line before");
    assertEquals(
        Optional.of(new Payer(7, CashMatcher.PayerSource.LEARNED_NAME)),
        payerOf(reads, other),
        "the name learned by the line before");
    assertEquals(Optional.empty(), payerOf(ledger, second), "not written yet");

    // another customer pays under the same name: the name is shared from then on
    reads.learn(other, 8);
    assertEquals(
        Optional.of(new Payer(7, CashMatcher.PayerSource.ACCOUNT)), payerOf(reads, second));
    assertEquals(Optional.of(new Payer(8, CashMatcher.PayerSource.ACCOUNT)), payerOf(reads, other));
    assertEquals(
        Optional.empty(),
        reads.payer("", PayerKeys.name("Holding Nord"), ""),
        "a shared name identifies nobody");
    assertEquals(asked, database.total(), "answered from memory");

    assertEquals(
        List.of(
            new MatchQueries.Learned("ACCOUNT", "FR760001", 7, false),
            new MatchQueries.Learned("NAME", "HOLDING NORD", 8, true),
            new MatchQueries.Learned("ACCOUNT", "DE009999", 8, false)),
        reads.learned(),
        "each identity once, as the block leaves it");
  }

  @Test
  void aPayerWithMoreOpenInvoicesThanWereReadAheadIsAskedAfreshWhenMoreAreWanted() {
    List<OpenInvoice> open = new java.util.ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      open.add(new OpenInvoice(i, "INV-" + i, 7, "EUR", BigDecimal.ONE, DAY.plusDays(i)));
    }
    InMemoryLedger ledger =
        new InMemoryLedger(
            List.of(new GroundTruth.Customer(7, "Seven SA", "FR76")), open, List.of());
    ledger.learnAccount("FR76", 7);
    Counting database = new Counting(ledger);
    BlockReads reads = reads(database, List.of(payerLine("FR76", "")));
    int read = MatchQueries.PAYER_OPEN_LIMIT + BlockReads.PAYER_OPEN_MARGIN;
    int asked = database.other;

    assertEquals(
        ledger.openInvoicesOf(7, "EUR", read), reads.openInvoicesOf(7, "EUR", read), "read ahead");
    assertEquals(asked, database.other, "from memory");
    assertEquals(
        ledger.openInvoicesOf(7, "EUR", read + 5),
        reads.openInvoicesOf(7, "EUR", read + 5),
        "more than were read: the 71st to 75th oldest are not in memory");
    assertEquals(asked + 1, database.other);

    // a payer with fewer open invoices than were read: all of them are in memory
    InMemoryLedger small =
        new InMemoryLedger(
            List.of(new GroundTruth.Customer(7, "Seven SA", "FR76")),
            open.subList(0, 10),
            List.of());
    small.learnAccount("FR76", 7);
    Counting smallDatabase = new Counting(small);
    BlockReads few = reads(smallDatabase, List.of(payerLine("FR76", "")));
    int before = smallDatabase.other;
    assertEquals(open.subList(0, 10), few.openInvoicesOf(7, "EUR", read + 5));
    assertEquals(before, smallDatabase.other, "every one was read ahead");
  }

  /**
   * What a block writes of the identities its lines learned must be what learning them one by one
   * leaves: an account points at the last customer that paid from it, a name paid under by two
   * customers (or by another than the one stored) is shared. The rule is written out here, not
   * taken from the code under test.
   */
  @Test
  void theIdentitiesABlockWritesAreThoseLearningOneByOneLeaves() {
    java.util.Random random = new java.util.Random(18);
    for (int run = 0; run < 300; run++) {
      InMemoryLedger ledger = new InMemoryLedger(List.of(), List.of(), List.of());
      Map<String, Long> storedAccounts = new java.util.HashMap<>();
      for (int k = 0; k < 4; k++) {
        if (random.nextBoolean()) {
          long customer = 1 + random.nextInt(3);
          ledger.learnAccount("FR" + k, customer);
          storedAccounts.put("FR" + k, customer);
        }
      }
      List<Line> lines = new java.util.ArrayList<>();
      for (int i = 0; i < 12; i++) {
        lines.add(payerLine("FR" + random.nextInt(4), "Payer " + random.nextInt(3)));
      }
      BlockReads reads = reads(ledger, lines);
      Map<String, Long> account = new java.util.HashMap<>(storedAccounts);
      Map<String, Long> name = new java.util.HashMap<>();
      Set<String> shared = new java.util.HashSet<>();
      for (Line l : lines) {
        long customer = 1 + random.nextInt(3);
        reads.learn(l, customer);
        account.put(PayerKeys.account(l.payerAccount()), customer);
        Long before = name.put(PayerKeys.name(l.payerName()), customer);
        if (before != null && before != customer) {
          shared.add(PayerKeys.name(l.payerName()));
        }
      }
      for (MatchQueries.Learned l : reads.learned()) {
        if (l.kind().equals("ACCOUNT")) {
          assertEquals(account.get(l.key()), l.customerId(), l.toString());
          assertEquals(false, l.shared(), l.toString());
        } else {
          assertEquals(name.get(l.key()), l.customerId(), l.toString());
          assertEquals(shared.contains(l.key()), l.shared(), l.toString());
        }
      }
      long learnedKeys =
          lines.stream().map(l -> PayerKeys.account(l.payerAccount())).distinct().count()
              + lines.stream().map(l -> PayerKeys.name(l.payerName())).distinct().count();
      assertEquals(learnedKeys, reads.learned().size(), "every identity learned, once");
    }
  }

  /** A ledger with one remittance advice question and whatever the database answers now. */
  private static final class Advising extends Counting {
    List<OpenInvoice> now;

    Advising(BulkLedger inner, List<OpenInvoice> now) {
      super(inner);
      this.now = now;
    }

    @Override
    public List<OpenInvoice> advisedInvoices(
        String reference, Optional<Long> payer, BigDecimal amount, String currency) {
      other++;
      return now;
    }

    @Override
    public Map<AdviceQuestion, List<OpenInvoice>> advisedInvoicesOfEach(
        Collection<AdviceQuestion> questions) {
      other++;
      Map<AdviceQuestion, List<OpenInvoice>> out = new java.util.HashMap<>();
      questions.forEach(q -> out.put(q, now));
      return out;
    }
  }

  @Test
  void onceALineFollowsAnAdviceTheAdvicesAreAskedAfresh() {
    InMemoryLedger ledger =
        new InMemoryLedger(
            List.of(new GroundTruth.Customer(7, "Seven SA", "FR76")), List.of(), List.of());
    Advising database = new Advising(ledger, List.of(invoice(101, "10.00")));
    Line l = line("payment 2026-12");
    BlockReads reads = reads(database, List.of(l));
    int asked = database.other;
    assertEquals(
        List.of(invoice(101, "10.00")),
        reads.advisedInvoices(l.reference(), Optional.empty(), l.amount(), l.currency()));
    assertEquals(asked, database.other, "read ahead");

    // the line follows the advice (written at once); the next advice is another
    reads.adviceFollowed();
    database.now = List.of(invoice(102, "10.00"));
    assertEquals(
        List.of(invoice(102, "10.00")),
        reads.advisedInvoices(l.reference(), Optional.empty(), l.amount(), l.currency()));
    assertEquals(asked + 1, database.other, "asked afresh");
  }

  private static Line payerLine(String account, String name) {
    return new Line("E", DAY, DAY, BigDecimal.TEN, "EUR", name, account, "");
  }

  private static Optional<Payer> payerOf(Ledger ledger, Line l) {
    return ledger.payer(
        PayerKeys.account(l.payerAccount()), PayerKeys.name(l.payerName()), l.payerName());
  }

  private static OpenInvoice invoice(long id, String open) {
    return new OpenInvoice(id, "INV-" + id, 7, "EUR", new BigDecimal(open), DAY);
  }

  private static Line line(String reference) {
    return new Line("E", DAY, DAY, BigDecimal.TEN, "EUR", "", "", reference);
  }

  private static Set<Long> ids(List<OpenInvoice> invoices) {
    return invoices.stream().map(OpenInvoice::id).collect(Collectors.toSet());
  }

  @Test
  void theBlocksNumbersAndTheirNeighboursAreLookedUpOnceAndAnsweredAsTheLedgerWould() {
    InMemoryLedger ledger =
        new InMemoryLedger(
            List.of(new GroundTruth.Customer(7, "Seven SA", "FR76")),
            List.of(
                invoice(101, "10.00"),
                invoice(102, "20.00"),
                invoice(103, "30.00"),
                invoice(777, "7.00")),
            List.of("INV-104"));
    Counting database = new Counting(ledger);
    List<Line> block = List.of(line("INV-101"), line("inv 102 and INV-104"), line("nothing"));
    BlockReads reads = reads(database, block);
    // the references' numbers, then the neighbours of those that do not explain their line's 10.00
    // (102 and 104 name 20.00 together; 101 names 10.00, so its neighbours are not read)
    assertEquals(2, database.byEachKey);
    assertEquals(1, database.existing);
    assertEquals(Set.of(101L, 103L), ids(reads.openInvoicesNear(List.of("INV102"))));
    assertEquals(0, database.byKey, "INV101 and INV103 are INV102's neighbours, read ahead");

    for (Line l : block) {
      List<String> keys = InvoiceNumbers.keysIn(l.reference());
      assertEquals(ids(ledger.openInvoicesByKey(keys)), ids(reads.openInvoicesByKey(keys)));
      assertEquals(Set.copyOf(ledger.existingKeys(keys)), Set.copyOf(reads.existingKeys(keys)));
    }
    // every question about the block's own numbers was answered from memory
    assertEquals(0, database.byKey);
    assertEquals(1, database.existing);

    // a number neither the block nor its neighbours name goes to the database
    List<String> other = InvoiceNumbers.keysIn("INV-777");
    assertEquals(Set.of(777L), ids(reads.openInvoicesByKey(other)));
    assertEquals(1, database.byKey);
    assertEquals(List.of("INV777"), reads.existingKeys(other));
    assertEquals(2, database.existing);
  }

  /**
   * A reference's other numbers ("order 88749") are looked around only when some open invoice's
   * number starts as their variants do: here every number starts INV, so only INV10's variants are
   * read, and the typo is found as the ledger finds it without the filter.
   */
  @Test
  void theNeighboursOfNumbersNoInvoiceNumberResemblesAreNotReadAndTheTypoIsStillFound() {
    InMemoryLedger ledger =
        new InMemoryLedger(
            List.of(new GroundTruth.Customer(7, "Seven SA", "FR76")),
            List.of(invoice(101, "10.00"), invoice(555, "55.00")),
            List.of());
    Counting database = new Counting(ledger);
    Line typo = line("INV-102 order 88749 transfer #14436");
    BlockReads reads = reads(database, List.of(typo));
    assertFalse(database.keysAsked.isEmpty());
    assertTrue(
        database.keysAsked.stream()
            .filter(k -> !InvoiceNumbers.keysIn(typo.reference()).contains(k))
            .allMatch(k -> k.startsWith("INV")),
        "only INV102's neighbours were read: " + database.keysAsked);
    List<String> keys = InvoiceNumbers.keysIn(typo.reference());
    assertEquals(Set.of(101L), ids(reads.openInvoicesNear(keys)));
    assertEquals(ids(ledger.openInvoicesNear(keys)), ids(reads.openInvoicesNear(keys)));

    // a statement too short to read how numbers start looks every neighbour up, and finds the same
    Counting unfiltered = new Counting(ledger);
    BlockReads all = new BlockReads(unfiltered, List.of(typo), Optional.empty());
    assertTrue(unfiltered.keysAsked.contains("88748"), "the order number's neighbours were read");
    assertEquals(Set.of(101L), ids(all.openInvoicesNear(keys)));
  }

  /**
   * A line's neighbours are answered from what the block's start read, per number, and joined as
   * one look-up of all the numbers' neighbours would answer them: in the numbers' order, a
   * neighbour two numbers share (INV10 is one character from both INV102 and INV103) counted once.
   */
  @Test
  void aLinesNeighboursFromMemoryAreWhatOneLookUpOfAllItsNumbersNeighboursAnswers() {
    List<OpenInvoice> invoices = new java.util.ArrayList<>();
    for (long id : new long[] {10, 12, 100, 101, 102, 103, 104, 112, 113, 1020, 1031, 1032}) {
      invoices.add(invoice(id, "5.00"));
    }
    InMemoryLedger ledger =
        new InMemoryLedger(
            List.of(new GroundTruth.Customer(7, "Seven SA", "FR76")), invoices, List.of());
    Counting database = new Counting(ledger);
    List<Line> block = List.of(line("INV-102 INV-103"), line("INV-103, INV-102 and INV-1032"));
    // the second line's three numbers name 15.00 for its 10.00: their neighbours are read ahead
    BlockReads reads = reads(database, block);
    for (Line l : block) {
      List<String> keys = InvoiceNumbers.keysIn(l.reference());
      List<String> reversed = new java.util.ArrayList<>(keys);
      java.util.Collections.reverse(reversed);
      assertEquals(ledger.openInvoicesNear(keys), reads.openInvoicesNear(keys), l.reference());
      assertEquals(
          ledger.openInvoicesNear(reversed),
          reads.openInvoicesNear(reversed),
          l.reference() + ", the other way round");
    }
    assertEquals(0, database.byKey, "every neighbour was read at the block's start");
    assertTrue(
        ledger.openInvoicesNear(List.of("INV102", "INV103")).size()
            < ledger.openInvoicesNear(List.of("INV102")).size()
                + ledger.openInvoicesNear(List.of("INV103")).size(),
        "the two numbers share neighbours");
  }
}
