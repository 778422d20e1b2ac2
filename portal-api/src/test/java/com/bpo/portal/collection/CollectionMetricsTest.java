package com.bpo.portal.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CollectionMetricsTest {
  @Test
  void aShareIsInPercentWithOneDecimalAndNoneOfNothing() {
    assertEquals(
        new BigDecimal("66.7"),
        CollectionMetrics.percent(new BigDecimal("2"), new BigDecimal("3")));
    assertEquals(
        new BigDecimal("100.0"),
        CollectionMetrics.percent(new BigDecimal("5"), new BigDecimal("5")));
    assertNull(CollectionMetrics.percent(BigDecimal.ONE, BigDecimal.ZERO));
  }
}
