package com.bpo.portal.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.bpo.portal.scorecard.Rag.Direction;
import com.bpo.portal.scorecard.Rag.Weighted;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RAG status of a KPI against its target and warning band, and the weighted score of a scorecard.
 */
class RagTest {
  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static Rag higher(String actual) {
    return Rag.of(d(actual), Direction.HIGHER, d("80.00"), d("10.00"));
  }

  private static Rag lower(String actual) {
    return Rag.of(d(actual), Direction.LOWER, d("45.00"), d("10.00"));
  }

  // ------------------------------------------------------------------ higher is better (target 80,
  // band 10)

  @Test
  void higherIsGreenExactlyOnTheTarget() {
    assertEquals(Rag.GREEN, higher("80.00"));
    assertEquals(Rag.GREEN, higher("80")); // the scale of the actual does not matter
  }

  @Test
  void higherIsGreenOneCentAboveTheTarget() {
    assertEquals(Rag.GREEN, higher("80.01"));
  }

  @Test
  void higherIsAmberOneCentBelowTheTarget() {
    assertEquals(Rag.AMBER, higher("79.99"));
  }

  @Test
  void higherIsStillAmberExactlyAtTargetMinusWarning() {
    assertEquals(Rag.AMBER, higher("70.00"));
  }

  @Test
  void higherIsRedOneCentBeyondTheWarningBand() {
    assertEquals(Rag.RED, higher("69.99"));
    assertEquals(Rag.RED, higher("0"));
  }

  // ------------------------------------------------------------------ lower is better (target 45,
  // band 10)

  @Test
  void lowerIsGreenExactlyOnTheTarget() {
    assertEquals(Rag.GREEN, lower("45.00"));
  }

  @Test
  void lowerIsGreenOneCentBelowTheTarget() {
    assertEquals(Rag.GREEN, lower("44.99"));
    assertEquals(Rag.GREEN, lower("0.00"));
  }

  @Test
  void lowerIsAmberOneCentAboveTheTarget() {
    assertEquals(Rag.AMBER, lower("45.01"));
  }

  @Test
  void lowerIsStillAmberExactlyAtTargetPlusWarning() {
    assertEquals(Rag.AMBER, lower("55.00"));
  }

  @Test
  void lowerIsRedOneCentBeyondTheWarningBand() {
    assertEquals(Rag.RED, lower("55.01"));
  }

  // ------------------------------------------------------------------ no value, no band

  @Test
  void noActualIsNoneWhateverTheDirection() {
    assertEquals(Rag.NONE, Rag.of(null, Direction.HIGHER, d("80"), d("10")));
    assertEquals(Rag.NONE, Rag.of(null, Direction.LOWER, d("45"), d("10")));
  }

  @Test
  void withAZeroWarningBandTheTargetIsGreenAndOneCentShortIsRed() {
    assertEquals(Rag.GREEN, Rag.of(d("98.00"), Direction.HIGHER, d("98"), BigDecimal.ZERO));
    assertEquals(Rag.RED, Rag.of(d("97.99"), Direction.HIGHER, d("98"), BigDecimal.ZERO));
    assertEquals(Rag.GREEN, Rag.of(d("45.00"), Direction.LOWER, d("45"), BigDecimal.ZERO));
    assertEquals(Rag.RED, Rag.of(d("45.01"), Direction.LOWER, d("45"), BigDecimal.ZERO));
  }

  // ------------------------------------------------------------------ weighted score

  private static Weighted w(Rag rag, String weight) {
    return new Weighted(rag, d(weight));
  }

  @Test
  void greenScoresOneHundredAmberFiftyRedZero() {
    assertEquals(d("100.0"), Rag.score(List.of(w(Rag.GREEN, "1"))));
    assertEquals(d("50.0"), Rag.score(List.of(w(Rag.AMBER, "1"))));
    assertEquals(d("0.0"), Rag.score(List.of(w(Rag.RED, "1"))));
  }

  @Test
  void theScoreIsTheMeanOfThePointsWeightedByEachKpisWeight() {
    // (20 × 100 + 10 × 50 + 10 × 0) ÷ 40 = 62.5
    assertEquals(
        d("62.5"), Rag.score(List.of(w(Rag.GREEN, "20"), w(Rag.AMBER, "10"), w(Rag.RED, "10"))));
  }

  @Test
  void aKpiWithoutValueCountsForNothingEvenWithAWeight() {
    assertEquals(d("100.0"), Rag.score(List.of(w(Rag.GREEN, "10"), w(Rag.NONE, "20"))));
  }

  @Test
  void aKpiOfWeightZeroCountsForNothingEvenWhenRed() {
    assertEquals(d("100.0"), Rag.score(List.of(w(Rag.GREEN, "10"), w(Rag.RED, "0"))));
  }

  @Test
  void theScoreIsRoundedHalfUpToOneDecimal() {
    // 2 × 100 ÷ 3 = 66.666…
    assertEquals(d("66.7"), Rag.score(List.of(w(Rag.GREEN, "2"), w(Rag.RED, "1"))));
    // 0.73 × 100 ÷ 20 = 3.65 exactly: half up gives 3.7 (half even would give 3.6)
    assertEquals(d("3.7"), Rag.score(List.of(w(Rag.GREEN, "0.73"), w(Rag.RED, "19.27"))));
  }

  @Test
  void theScoreIsNullWhenNothingWeighs() {
    assertNull(Rag.score(List.of()));
    assertNull(Rag.score(List.of(w(Rag.NONE, "20"), w(Rag.NONE, "10"))));
    assertNull(Rag.score(List.of(w(Rag.GREEN, "0"), w(Rag.RED, "0"))));
  }
}
