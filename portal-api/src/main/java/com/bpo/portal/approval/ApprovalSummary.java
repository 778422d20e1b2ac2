package com.bpo.portal.approval;

import com.bpo.portal.shared.Money;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One approval as lists and the inbox show it. {@code payloadRef} names what it applies to ({@code
 * dispute:42}, {@code limit-request:7}, {@code refund:9}): the evidence is one click away.
 */
public record ApprovalSummary(
    long id,
    ApprovalKind kind,
    ApprovalStatus status,
    String maker,
    Money amount,
    Long customerAccountId,
    String customerName,
    String payloadRef,
    String reason,
    int approversRequired,
    List<String> approverRoles,
    int approvals,
    OffsetDateTime createdAt,
    long version) {}
