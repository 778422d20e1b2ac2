package com.bpo.portal.approval;

import com.bpo.portal.shared.Money;

/**
 * What a maker asks to do: the kind, the amount judged against the authority matrix, the account, a
 * reference to what will be applied ({@code dispute:42}), the details needed to apply it later
 * (JSON, opaque to approvals) and the maker's reason.
 */
public record ApprovalRequest(
    ApprovalKind kind,
    Money amount,
    Long customerAccountId,
    String payloadRef,
    String payload,
    String reason) {}
