package com.bpo.portal.approval;

import java.time.OffsetDateTime;
import java.util.List;

/** An approval with every decision taken on it, and whether the reader may decide now. */
public record ApprovalDetail(
    ApprovalSummary approval, List<Decision> decisions, boolean mayDecide, String whyNot) {
  public record Decision(
      String approver, String role, String decision, String note, OffsetDateTime decidedAt) {}
}
