package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import java.math.BigDecimal;

/** What a list of customer accounts shows: a small read record, not the entity. */
public record CustomerAccountSummary(
    Long id,
    String number,
    String name,
    String country,
    String currency,
    int paymentTermsDays,
    Money creditLimit,
    String collector) {

  /** The shape a JPQL constructor expression can fill. */
  public CustomerAccountSummary(
      Long id,
      String number,
      String name,
      String country,
      String currency,
      int paymentTermsDays,
      BigDecimal creditLimit,
      String collector) {
    this(
        id,
        number,
        name,
        country,
        currency,
        paymentTermsDays,
        new Money(creditLimit, currency),
        collector);
  }
}
