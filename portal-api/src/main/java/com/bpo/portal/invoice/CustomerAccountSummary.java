package com.bpo.portal.invoice;

import java.math.BigDecimal;

/** What a list of customer accounts shows: a small read record, not the entity. */
public record CustomerAccountSummary(
    Long id, String number, String name, String country, String currency,
    int paymentTermsDays, BigDecimal creditLimit, String collector) {}
