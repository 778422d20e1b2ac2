package com.bpo.portal.shared;

import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in an ISO 4217 currency. On the wire the amount is a decimal string
 * ({@code {"amount": "1234.50", "currency": "EUR"}}) so that no client parses it as a float.
 */
public record Money(@JsonbTypeAdapter(Money.DecimalString.class) BigDecimal amount, String currency) {
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    Currency.getInstance(currency); // refuses codes that are not ISO 4217
  }

  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(amount), currency);
  }

  public static final class DecimalString implements JsonbAdapter<BigDecimal, String> {
    @Override
    public String adaptToJson(BigDecimal value) {
      return value.toPlainString();
    }

    @Override
    public BigDecimal adaptFromJson(String value) {
      return new BigDecimal(value);
    }
  }
}
