/**
 * Governance between the BPO and its client: the issue log (issues, risks, actions, decisions) with
 * its workflow ({@link com.bpo.portal.governance.EntryWorkflow}), who may do what
 * ({@link com.bpo.portal.governance.GovernanceRules}), history, comments and links; the escalation
 * matrix and the daily job that escalates overdue entries; meetings with their agenda, minutes and
 * captured actions; and the root-cause loop that proposes an action when a dispute reason recurs.
 */
package com.bpo.portal.governance;
