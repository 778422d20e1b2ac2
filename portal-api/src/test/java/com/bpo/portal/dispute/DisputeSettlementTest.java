package com.bpo.portal.dispute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisputeSettlementTest {
  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static DisputeSettlement.Item item(long invoice, String unsettled, String open) {
    return new DisputeSettlement.Item(invoice, d(unsettled), d(open), BigDecimal.ZERO);
  }

  private static List<String> settled(List<DisputeSettlement.Share> shares) {
    return shares.stream().map(s -> s.settled().toPlainString()).toList();
  }

  @Test
  void theAcceptedAmountFillsTheItemsInTheirOrder() {
    var shares =
        DisputeSettlement.spread(
            d("150.00"),
            List.of(
                item(1, "100.00", "500.00"),
                item(2, "80.00", "500.00"),
                item(3, "40.00", "500.00")));
    assertEquals(List.of("100.00", "50.00", "0.00"), settled(shares));
  }

  @Test
  void anItemTakesNoMoreThanItsInvoiceStillHasOpen() {
    var shares =
        DisputeSettlement.spread(
            d("180.00"), List.of(item(1, "100.00", "30.00"), item(2, "80.00", "500.00")));
    assertEquals(
        List.of("30.00", "80.00"),
        settled(shares),
        "70.00 of the first item cannot be placed anywhere");
  }

  @Test
  void anItemSettledExactlyToItsOpenAmountLeavesTheRestForTheNext() {
    var shares =
        DisputeSettlement.spread(
            d("100.00"), List.of(item(1, "60.00", "60.00"), item(2, "60.00", "60.00")));
    assertEquals(List.of("60.00", "40.00"), settled(shares));
  }

  @Test
  void aPaidInvoiceTakesNothing() {
    var shares =
        DisputeSettlement.spread(
            d("50.00"), List.of(item(1, "50.00", "0.00"), item(2, "50.00", "10.00")));
    assertEquals(List.of("0.00", "10.00"), settled(shares));
  }

  @Test
  void aRejectionSettlesNothingButReleasesEveryUnsettledAmount() {
    var shares =
        DisputeSettlement.spread(
            BigDecimal.ZERO, List.of(item(1, "100.00", "500.00"), item(2, "0.00", "5.00")));
    assertEquals(
        List.of("0", "0"),
        shares.stream().map(s -> s.settled().stripTrailingZeros().toPlainString()).toList());
    assertEquals(
        List.of(d("100.00"), d("0.00")),
        shares.stream().map(DisputeSettlement.Share::released).toList());
  }

  @Test
  void everyItemReleasesWhatItHadNotSettledEvenWhenCapped() {
    var shares = DisputeSettlement.spread(d("500.00"), List.of(item(7, "100.00", "30.00")));
    assertEquals(d("100.00"), shares.get(0).released());
    assertEquals(7, shares.get(0).invoiceId());
  }

  @Test
  void aNegativeAcceptedAmountIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> DisputeSettlement.spread(d("-0.01"), List.of()));
  }

  @Test
  void reopeningHoldsWhatIsUnsettledAsFarAsTheInvoiceIsOpenAndNotHeldElsewhere() {
    var holds =
        DisputeSettlement.reopen(
            List.of(
                new DisputeSettlement.Item(1, d("100.00"), d("500.00"), d("0.00")),
                new DisputeSettlement.Item(2, d("100.00"), d("120.00"), d("50.00")),
                new DisputeSettlement.Item(3, d("100.00"), d("80.00"), d("80.00")),
                new DisputeSettlement.Item(4, d("0.00"), d("80.00"), d("0.00"))));
    assertEquals(
        List.of(
            new DisputeSettlement.Hold(1, d("100.00")), new DisputeSettlement.Hold(2, d("70.00"))),
        holds,
        "nothing is held where the invoice has nothing left, nor for an item settled in full");
  }
}
