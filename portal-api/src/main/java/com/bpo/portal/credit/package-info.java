/**
 * Credit management: an account's profile (limit, exposure, behaviour score, risk class, reviews,
 * holds, flags), limit requests decided by the tenant's authority matrix through {@code
 * com.bpo.portal.approval}, periodic reviews, and refunds of unapplied credit exported as ISO 20022
 * pain.001 once approved. All SQL in {@link com.bpo.portal.credit.CreditQueries}; the pure rules
 * ({@link com.bpo.portal.credit.BehaviourScore}, {@link com.bpo.portal.credit.RiskClass}, {@link
 * com.bpo.portal.credit.ReviewState}, {@link com.bpo.portal.credit.Iban}) are tested without a
 * server. See docs/CREDIT.md.
 */
package com.bpo.portal.credit;
