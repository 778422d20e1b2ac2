package com.bpo.portal.credit;

import com.bpo.portal.shared.Money;
import java.time.OffsetDateTime;

/** A request to change an account's credit limit, decided through its approval. */
public record LimitRequest(
    long id,
    long customerAccountId,
    String customerName,
    String raisedBy,
    String raisedRole,
    String reason,
    Money currentLimit,
    Money requestedLimit,
    LimitRequestStatus status,
    Long approvalId,
    OffsetDateTime raisedAt,
    OffsetDateTime decidedAt,
    long version) {}
