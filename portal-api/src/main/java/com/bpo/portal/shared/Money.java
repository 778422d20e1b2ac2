package com.bpo.portal.shared;

import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An exact amount in an ISO 4217 currency. On the wire the amount is a decimal string ({@code
 * {"amount": "1234.50", "currency": "EUR"}}) so that no client parses it as a float.
 */
@Schema(requiredProperties = {"amount", "currency"})
public record Money(
    @Schema(
            type = SchemaType.STRING,
            pattern = "^-?[0-9]{1,15}(\\.[0-9]{1,4})?$",
            example = "1234.50",
            description = "A decimal string, never a float")
        @JsonbTypeAdapter(Money.DecimalString.class)
        BigDecimal amount,
    @Schema(pattern = "^[A-Z]{3}$", example = "EUR", description = "ISO 4217") String currency) {
  /**
   * Digits before the point an amount from outside may have: what numeric(19, 2) holds, with room
   * to add.
   */
  public static final int MAX_INTEGER_DIGITS = 15;

  /**
   * Decimals an amount from outside may have (the columns keep 2; callers refuse more where it
   * matters).
   */
  public static final int MAX_SCALE = 4;

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    Currency.getInstance(currency); // refuses codes that are not ISO 4217
  }

  /**
   * An amount written by someone outside: bounded before anything computes with it ({@link
   * Decimals}).
   */
  public static Money of(String amount, String currency) {
    return new Money(Decimals.parse(amount, MAX_INTEGER_DIGITS, MAX_SCALE), currency);
  }

  public static final class DecimalString implements JsonbAdapter<BigDecimal, String> {
    @Override
    public String adaptToJson(BigDecimal value) {
      return value.toPlainString();
    }

    @Override
    public BigDecimal adaptFromJson(String value) {
      return Decimals.parse(value, MAX_INTEGER_DIGITS, MAX_SCALE);
    }
  }
}
