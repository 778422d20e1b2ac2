package com.bpo.portal.credit;

import com.bpo.portal.shared.Money;
import java.time.OffsetDateTime;

/** A refund of unapplied credit to the payee's bank account, paid only after four eyes. */
public record Refund(
    long id,
    long customerAccountId,
    String customerName,
    Money amount,
    String payeeName,
    String iban,
    String reason,
    String requestedBy,
    RefundStatus status,
    Long approvalId,
    OffsetDateTime requestedAt,
    long version) {}
