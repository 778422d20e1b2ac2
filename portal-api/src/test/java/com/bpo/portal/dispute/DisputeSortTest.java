package com.bpo.portal.dispute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bpo.portal.shared.Money;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DisputeSortTest {
  @ParameterizedTest
  @CsvSource({
    "raised,  RAISED, false",
    "-raised, RAISED, true",
    "amount,  AMOUNT, false",
    "-amount, AMOUNT, true"
  })
  void eachOfTheFourOrdersIsUnderstood(String value, DisputeSort.Key key, boolean descending) {
    assertEquals(new DisputeSort(key, descending), DisputeSort.parse(value));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void noSortMeansNewestFirst(String value) {
    assertEquals(new DisputeSort(DisputeSort.Key.RAISED, true), DisputeSort.parse(value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RAISED",
        "Amount",
        "--raised",
        "-",
        "+amount",
        " raised",
        "raisedAt",
        "status",
        "id"
      })
  void anythingElseIsRefused(String value) {
    assertThrows(IllegalArgumentException.class, () -> DisputeSort.parse(value));
  }

  @Test
  void aRaisedKeyRoundTripsThroughTheCursorToTheSameMoment() {
    OffsetDateTime raisedAt = OffsetDateTime.parse("2025-03-07T10:15:30.123456+01:00");
    DisputeSummary row = summary(raisedAt, Money.of("1234.50", "EUR"));
    assertEquals(
        raisedAt, DisputeSort.Key.RAISED.parse.apply(DisputeSort.Key.RAISED.valueOf.apply(row)));
  }

  @Test
  void anAmountKeyRoundTripsThroughTheCursorWithItsScale() {
    DisputeSummary row =
        summary(OffsetDateTime.parse("2025-03-07T10:15:30Z"), Money.of("1234.50", "EUR"));
    String cursor = DisputeSort.Key.AMOUNT.valueOf.apply(row);
    assertEquals("1234.50", cursor);
    assertEquals(new BigDecimal("1234.50"), DisputeSort.Key.AMOUNT.parse.apply(cursor));
  }

  private static DisputeSummary summary(OffsetDateTime raisedAt, Money disputed) {
    return new DisputeSummary(
        7,
        "D-7",
        Dispute.Kind.DISPUTE,
        3,
        "C-3",
        "Globex",
        "PRICE",
        DisputeStatus.NEW,
        null,
        disputed,
        Money.of("0.00", disputed.currency()),
        raisedAt,
        "ann",
        null,
        null,
        null,
        null,
        null,
        null,
        0);
  }
}
