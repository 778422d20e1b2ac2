package com.bpo.portal.collection;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * Which accounts the worklist shows: one collector's (empty: every collector's, for leads), of some
 * risk classes, from a least net overdue amount; {@code dueOnly} keeps the accounts due for action
 * today (no next action set in the future, or a promise due today or broken).
 */
public record WorklistFilter(
    Optional<String> collector,
    Set<RiskClass> riskClasses,
    Optional<BigDecimal> minAmount,
    boolean dueOnly) {}
