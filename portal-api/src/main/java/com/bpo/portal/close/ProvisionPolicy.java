package com.bpo.portal.close;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's provision policy in force from a date: the share of each aging bucket provided for,
 * and whether amounts under dispute are left to specific provisions rather than the general rate.
 */
public record ProvisionPolicy(
    int version,
    Map<ProvisionBucket, BigDecimal> rates,
    boolean excludeDisputed,
    LocalDate effectiveFrom,
    String changedBy) {
  /**
   * What a tenant starts with: nothing on current items, all of what is more than 180 days late.
   */
  public static ProvisionPolicy standard(LocalDate from) {
    Map<ProvisionBucket, BigDecimal> rates = new EnumMap<>(ProvisionBucket.class);
    rates.put(ProvisionBucket.CURRENT, new BigDecimal("0.0000"));
    rates.put(ProvisionBucket.DAYS_1_30, new BigDecimal("0.0100"));
    rates.put(ProvisionBucket.DAYS_31_60, new BigDecimal("0.0500"));
    rates.put(ProvisionBucket.DAYS_61_90, new BigDecimal("0.2000"));
    rates.put(ProvisionBucket.DAYS_91_180, new BigDecimal("0.5000"));
    rates.put(ProvisionBucket.DAYS_OVER_180, new BigDecimal("1.0000"));
    return new ProvisionPolicy(0, rates, true, from, "system");
  }

  public ProvisionPolicy {
    rates = Map.copyOf(rates);
  }

  /** The general provision on an amount in a bucket, to the cent (half up). */
  public BigDecimal provisionFor(ProvisionBucket bucket, BigDecimal amount) {
    return amount
        .multiply(rates.getOrDefault(bucket, BigDecimal.ZERO))
        .setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * The general provision on what a bucket holds: its rate on the amount, less the part under
   * dispute when the policy leaves disputes to specific provisions.
   */
  public BigDecimal generalProvision(
      ProvisionBucket bucket, BigDecimal amount, BigDecimal disputed) {
    return provisionFor(bucket, excludeDisputed ? amount.subtract(disputed) : amount);
  }

  /** Refuses rates outside 0..1, missing buckets, and rates that fall as items get older. */
  public void validate() {
    List<FieldError> errors = new ArrayList<>();
    BigDecimal previous = BigDecimal.ZERO;
    for (ProvisionBucket b : ProvisionBucket.values()) {
      BigDecimal rate = rates.get(b);
      String field = "rates." + b.name();
      if (rate == null) {
        errors.add(new FieldError(field, "is required"));
      } else if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
        errors.add(new FieldError(field, "must be between 0 and 1 (a share, e.g. 0.25)"));
      } else if (rate.scale() > 4) {
        errors.add(new FieldError(field, "has at most 4 decimals"));
      } else if (rate.compareTo(previous) < 0) {
        errors.add(new FieldError(field, "must not be lower than the rate of a younger bucket"));
      } else {
        previous = rate;
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The provision policy is invalid.", errors);
    }
  }
}
