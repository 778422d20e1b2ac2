package com.bpo.portal.approval;

import com.bpo.portal.approval.AuthorityMatrix.Band;
import com.bpo.portal.tenant.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Records a pending approval in a transaction of its own, so that it stays when the change that
 * asked for it is refused (rolled back) for waiting: nothing moves, yet the request is in the
 * inbox.
 */
@ApplicationScoped
public class ApprovalRecorder {
  @Inject ApprovalQueries queries;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @TenantBound
  public long record(ApprovalRequest request, String maker, Band band) {
    return queries.insert(
        request.kind(),
        maker,
        request.amount(),
        request.customerAccountId(),
        request.payloadRef(),
        request.payload(),
        request.reason(),
        band);
  }
}
