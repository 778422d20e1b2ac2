package com.bpo.portal.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.collection.DunningProposal.Account;
import com.bpo.portal.collection.DunningProposal.Notice;
import com.bpo.portal.collection.DunningProposal.OpenInvoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DunningProposalTest {
  private static final LocalDate DAY = LocalDate.of(2026, 9, 1);
  private static final Account ACCOUNT =
      new Account(7, RiskClass.MEDIUM, CustomerType.BUSINESS, false);

  private static OpenInvoice invoice(long id, int daysOverdue, String open) {
    return new OpenInvoice(
        id, DAY.minusDays(daysOverdue), new BigDecimal(open), BigDecimal.ZERO, false, -1);
  }

  private static List<Notice> propose(Account account, OpenInvoice... invoices) {
    return DunningProposal.propose(account, List.of(invoices), List.of(Strategies.standard()), DAY);
  }

  @Test
  void oneNoticePerLevelListingItsInvoicesAndTheirTotal() {
    List<Notice> notices =
        propose(
            ACCOUNT,
            invoice(1, 1, "100.00"),
            invoice(2, 14, "50.00"),
            invoice(3, 15, "70.00"),
            invoice(4, -6, "999.00"));
    assertEquals(
        List.of(1, 2),
        notices.stream().map(Notice::level).toList(),
        "invoice 4 is not yet at any step");
    assertEquals(
        List.of(1L, 2L),
        notices.get(0).lines().stream().map(DunningProposal.Line::invoiceId).toList());
    assertEquals(new BigDecimal("150.00"), notices.get(0).total());
    assertEquals(new BigDecimal("70.00"), notices.get(1).total());
    assertEquals("second_reminder", notices.get(1).step().templateKey());
    assertEquals(15, notices.get(1).lines().get(0).daysOverdue());
  }

  @Test
  void anInvoiceAlreadyNoticedAtItsLevelIsNotChasedAgainButIsAtTheNextLevel() {
    OpenInvoice noticed =
        new OpenInvoice(1, DAY.minusDays(3), new BigDecimal("100.00"), BigDecimal.ZERO, false, 1);
    assertEquals(List.of(), propose(ACCOUNT, noticed));
    OpenInvoice later =
        new OpenInvoice(1, DAY.minusDays(15), new BigDecimal("100.00"), BigDecimal.ZERO, false, 1);
    assertEquals(2, propose(ACCOUNT, later).get(0).level());
  }

  @Test
  void anInvoiceNoticedAtAHigherLevelIsNotChasedAtALowerOne() {
    OpenInvoice escalatedByHand =
        new OpenInvoice(1, DAY.minusDays(20), new BigDecimal("100.00"), BigDecimal.ZERO, false, 4);
    assertEquals(List.of(), propose(ACCOUNT, escalatedByHand));
  }

  @Test
  void anInvoiceWhollyUnderDisputeIsListedAsDisputedAndLeftOutOfTheTotal() {
    OpenInvoice disputed =
        new OpenInvoice(
            1, DAY.minusDays(5), new BigDecimal("100.00"), new BigDecimal("100.00"), false, -1);
    List<Notice> notices = propose(ACCOUNT, disputed, invoice(2, 5, "40.00"));
    assertEquals(Exclusion.DISPUTED, notices.get(0).lines().get(0).exclusion());
    assertEquals(new BigDecimal("40.00"), notices.get(0).total());
    assertEquals(
        Optional.empty(), notices.get(0).exclusion(), "the notice still goes for invoice 2");
  }

  @Test
  void aPartlyDisputedInvoiceIsChasedForTheUndisputedPartOnly() {
    OpenInvoice partly =
        new OpenInvoice(
            1, DAY.minusDays(5), new BigDecimal("100.00"), new BigDecimal("30.00"), false, -1);
    Notice notice = propose(ACCOUNT, partly).get(0);
    assertNull(notice.lines().get(0).exclusion());
    assertEquals(new BigDecimal("70.00"), notice.total());
  }

  @Test
  void anInvoiceUnderAnOpenPromiseIsLeftOutWithTheReason() {
    OpenInvoice promised =
        new OpenInvoice(1, DAY.minusDays(5), new BigDecimal("100.00"), BigDecimal.ZERO, true, -1);
    Notice notice = propose(ACCOUNT, promised).get(0);
    assertEquals(Exclusion.PROMISED, notice.lines().get(0).exclusion());
    assertEquals(
        Optional.of(Exclusion.PROMISED), notice.exclusion(), "nothing left to chase in it");
    assertEquals(BigDecimal.ZERO, notice.total());
  }

  @Test
  void everyInvoiceOfAnAccountOnHoldIsLeftOutOnHoldEvenWhenDisputedOrPromised() {
    Account held = new Account(7, RiskClass.MEDIUM, CustomerType.BUSINESS, true);
    OpenInvoice disputed =
        new OpenInvoice(
            2, DAY.minusDays(5), new BigDecimal("10.00"), new BigDecimal("10.00"), false, -1);
    OpenInvoice promised =
        new OpenInvoice(3, DAY.minusDays(5), new BigDecimal("10.00"), BigDecimal.ZERO, true, -1);
    Notice notice = propose(held, invoice(1, 5, "100.00"), disputed, promised).get(0);
    assertTrue(
        notice.lines().stream().allMatch(l -> l.exclusion() == Exclusion.ON_HOLD),
        notice.toString());
    assertEquals(Optional.of(Exclusion.ON_HOLD), notice.exclusion());
  }

  @Test
  void disputedComesBeforePromisedWhenBothApply() {
    OpenInvoice both =
        new OpenInvoice(
            1, DAY.minusDays(5), new BigDecimal("10.00"), new BigDecimal("10.00"), true, -1);
    assertEquals(Exclusion.DISPUTED, DunningProposal.exclusionOf(ACCOUNT, both));
  }

  @Test
  void noStrategyForTheAccountProposesNothing() {
    Strategy onlyKey =
        new Strategy(
            2,
            "KEY",
            1,
            "Key",
            1,
            new Strategy.Segment(
                java.util.Set.of(), java.util.Set.of(CustomerType.KEY_ACCOUNT), null, null),
            Strategies.SINCE,
            Strategies.STANDARD_STEPS);
    assertEquals(
        List.of(),
        DunningProposal.propose(ACCOUNT, List.of(invoice(1, 5, "10.00")), List.of(onlyKey), DAY));
  }

  @Test
  void theSegmentSeesTheBalanceNetOfDisputes() {
    Strategy big =
        new Strategy(
            2,
            "BIG",
            1,
            "Big balances",
            1,
            new Strategy.Segment(
                java.util.Set.of(), java.util.Set.of(), new BigDecimal("1000.00"), null),
            Strategies.SINCE,
            List.of(new Strategy.Step(1, 1, 3, StepAction.CALL_TASK, "call", false)));
    OpenInvoice mostlyDisputed =
        new OpenInvoice(
            1, DAY.minusDays(5), new BigDecimal("1500.00"), new BigDecimal("600.00"), false, -1);
    List<Notice> notices =
        DunningProposal.propose(
            ACCOUNT, List.of(mostlyDisputed), List.of(big, Strategies.standard()), DAY);
    assertEquals(
        "STANDARD",
        notices.get(0).strategy().code(),
        "900.00 chaseable is under the big segment's 1000.00");
  }
}
