package com.bpo.portal.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.cash.BankStatementFile.Line;
import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.CashMatcher.Payer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BlockReadsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

  /** A ledger that counts the questions it is asked. */
  private static final class Counting implements Ledger {
    final Ledger inner;
    int byKey;
    int byEachKey;
    int existing;

    Counting(Ledger inner) {
      this.inner = inner;
    }

    @Override
    public List<OpenInvoice> openInvoicesByKey(Collection<String> keys) {
      byKey++;
      return inner.openInvoicesByKey(keys);
    }

    @Override
    public java.util.Map<String, List<OpenInvoice>> openInvoicesByEachKey(Collection<String> keys) {
      byEachKey++;
      return inner.openInvoicesByEachKey(keys);
    }

    @Override
    public List<String> existingKeys(Collection<String> keys) {
      existing++;
      return inner.existingKeys(keys);
    }

    @Override
    public Optional<Payer> payer(String accountKey, String nameKey, String rawName) {
      return inner.payer(accountKey, nameKey, rawName);
    }

    @Override
    public List<OpenInvoice> openInvoicesOf(long customerId, String currency, int limit) {
      return inner.openInvoicesOf(customerId, currency, limit);
    }

    @Override
    public List<OpenInvoice> advisedInvoices(
        String reference, Optional<Long> payer, BigDecimal amount, String currency) {
      return inner.advisedInvoices(reference, payer, amount, currency);
    }
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
  void theBlocksNumbersAreLookedUpOnceAndAnsweredAsTheLedgerWould() {
    InMemoryLedger ledger =
        new InMemoryLedger(
            List.of(new GroundTruth.Customer(7, "Seven SA", "FR76")),
            List.of(invoice(101, "10.00"), invoice(102, "20.00"), invoice(103, "30.00")),
            List.of("INV-104"));
    Counting database = new Counting(ledger);
    List<Line> block = List.of(line("INV-101"), line("inv 102 and INV-104"), line("nothing"));
    BlockReads reads = new BlockReads(database, block);
    assertEquals(1, database.byEachKey);
    assertEquals(1, database.existing);

    for (Line l : block) {
      List<String> keys = InvoiceNumbers.keysIn(l.reference());
      assertEquals(ids(ledger.openInvoicesByKey(keys)), ids(reads.openInvoicesByKey(keys)));
      assertEquals(Set.copyOf(ledger.existingKeys(keys)), Set.copyOf(reads.existingKeys(keys)));
    }
    // every question about the block's own numbers was answered from memory
    assertEquals(0, database.byKey);
    assertEquals(1, database.existing);

    // a number the block did not name (a typo's neighbour) goes to the database
    List<String> other = InvoiceNumbers.keysIn("INV-103");
    assertEquals(Set.of(103L), ids(reads.openInvoicesByKey(other)));
    assertEquals(1, database.byKey);
    assertEquals(List.of("INV103"), reads.existingKeys(other));
    assertEquals(2, database.existing);
  }
}
