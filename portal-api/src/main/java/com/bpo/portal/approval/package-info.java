/**
 * Four eyes on money and limits: one generic approval record (maker, amount, what it applies to,
 * decisions), the tenant's authority matrix ({@link com.bpo.portal.approval.AuthorityMatrix},
 * pure), the inbox, and the {@link com.bpo.portal.approval.ApprovalDecided} event on which the
 * owning feature applies or drops the change. The database refuses a decision by the maker.
 */
package com.bpo.portal.approval;
