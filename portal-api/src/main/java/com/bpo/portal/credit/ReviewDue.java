package com.bpo.portal.credit;

import com.bpo.portal.shared.Money;
import java.time.LocalDate;

/** An account whose periodic credit review is due or overdue. */
public record ReviewDue(
    long customerAccountId,
    String customerNumber,
    String customerName,
    RiskClass riskClass,
    Money limit,
    LocalDate lastReviewedOn,
    LocalDate nextReviewOn,
    ReviewState state) {}
