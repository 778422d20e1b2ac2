package com.bpo.portal.close;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.close.CloseQueries.AgingAtEnd;
import com.bpo.portal.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The opening provision of a month: the previous month's closing as published, or computed from the
 * aging at its end (which the month end's statement now reads along with the month's own).
 */
class OpeningProvisionTest {
  private static final ProvisionPolicy STANDARD =
      ProvisionPolicy.standard(LocalDate.of(2026, 1, 1));

  private static AgingAtEnd aging(String currency, ProvisionBucket bucket, String amount) {
    return aging(currency, bucket, amount, "0.00");
  }

  private static AgingAtEnd aging(
      String currency, ProvisionBucket bucket, String amount, String disputed) {
    return new AgingAtEnd(currency, bucket, new BigDecimal(amount), new BigDecimal(disputed));
  }

  @Test
  void eachBucketIsProvidedAtItsRateRoundedPerBucketThenAddedUpPerCurrency() {
    Map<String, BigDecimal> provisions =
        CloseService.provisions(
            STANDARD,
            List.of(
                aging("EUR", ProvisionBucket.CURRENT, "10000.00"),
                // 1 % of 0.50 is half a cent: rounded up per bucket, not summed first
                aging("EUR", ProvisionBucket.DAYS_1_30, "0.50"),
                aging("EUR", ProvisionBucket.DAYS_31_60, "100.00"),
                aging("EUR", ProvisionBucket.DAYS_OVER_180, "40.00"),
                aging("USD", ProvisionBucket.DAYS_91_180, "1234.56")),
            Map.of());
    // 0.00 + 0.01 + 5.00 + 40.00
    assertEquals(
        Map.of("EUR", new BigDecimal("45.01"), "USD", new BigDecimal("617.28")), provisions);
  }

  @Test
  void theDisputedPartIsLeftOutOnlyWhenThePolicySaysSo() {
    List<AgingAtEnd> aging =
        List.of(aging("EUR", ProvisionBucket.DAYS_OVER_180, "500.00", "200.00"));
    assertEquals(
        Map.of("EUR", new BigDecimal("300.00")),
        CloseService.provisions(STANDARD, aging, Map.of()));
    ProvisionPolicy includeDisputed =
        new ProvisionPolicy(
            2, STANDARD.rates(), false, STANDARD.effectiveFrom(), STANDARD.changedBy());
    assertEquals(
        Map.of("EUR", new BigDecimal("500.00")),
        CloseService.provisions(includeDisputed, aging, Map.of()));
  }

  @Test
  void specificProvisionsAreAddedEvenInACurrencyWithNothingAged() {
    Map<String, BigDecimal> provisions =
        CloseService.provisions(
            STANDARD,
            List.of(aging("EUR", ProvisionBucket.DAYS_61_90, "100.00")),
            Map.of("EUR", new BigDecimal("7.50"), "GBP", new BigDecimal("12.00")));
    assertEquals(
        Map.of("EUR", new BigDecimal("27.50"), "GBP", new BigDecimal("12.00")), provisions);
  }

  @Test
  void noAgingAndNoSpecificProvisionMeansNoProvision() {
    assertEquals(Map.of(), CloseService.provisions(STANDARD, List.of(), Map.of()));
  }

  @Test
  void aPublishedPackGivesItsClosingProvisionPerCurrency() {
    ClosePack pack =
        new ClosePack(
            "2026-09",
            LocalDate.of(2026, 9, 30),
            CloseStatus.PUBLISHED,
            3,
            List.of(),
            1,
            List.of(section("EUR", "321.09"), section("USD", "0.00")),
            List.of(),
            List.of(),
            "lead",
            OffsetDateTime.now(ZoneOffset.UTC),
            null,
            null,
            OffsetDateTime.now(ZoneOffset.UTC));
    assertEquals(
        Map.of("EUR", new BigDecimal("321.09"), "USD", new BigDecimal("0.00")),
        CloseService.closingProvisions(pack));
  }

  private static ClosePack.CurrencySection section(String currency, String closing) {
    Money zero = new Money(new BigDecimal("0.00"), currency);
    Money amount = new Money(new BigDecimal(closing), currency);
    return new ClosePack.CurrencySection(
        currency,
        null,
        List.of(),
        new ClosePack.Provision(zero, zero, zero, zero, zero, zero, amount),
        null,
        zero,
        0,
        zero);
  }

  @Test
  void aMonthEndsAtMidnightStartingTheNextDayInTheTenantsZone() {
    ClosePeriod october = ClosePeriod.parse("2026-10", LocalDate.of(2026, 12, 5));
    assertEquals(OffsetDateTime.parse("2026-11-01T00:00Z"), october.endsAt(ZoneId.of("UTC")));
    // New York leaves summer time at 2:00 on 1 November 2026, after its October has ended (UTC-4);
    // Paris left it on 25 October (UTC+1), and began October still in it (UTC+2)
    assertEquals(
        OffsetDateTime.parse("2026-11-01T00:00-04:00"),
        october.endsAt(ZoneId.of("America/New_York")));
    assertEquals(
        OffsetDateTime.parse("2026-11-01T00:00+01:00"), october.endsAt(ZoneId.of("Europe/Paris")));
    assertEquals(
        OffsetDateTime.parse("2026-10-01T00:00+02:00"),
        october.previous().endsAt(ZoneId.of("Europe/Paris")));
  }
}
