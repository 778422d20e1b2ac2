/**
 * Governance between the BPO and its client: the issue log (issues, risks, actions, decisions) with
 * its workflow ({@link com.bpo.portal.governance.EntryWorkflow}), who may do what ({@link
 * com.bpo.portal.governance.GovernanceRules}), history, comments and links; the escalation matrix
 * and the daily job that escalates overdue entries; meetings with their agenda, minutes and
 * captured actions; and the root-cause loop that proposes an action when a dispute reason recurs.
 * Services: {@code GovernanceService} (the log), {@code EscalationService}, {@code RootCauseLoop},
 * {@code MeetingService}; their SQL is in {@code EntryQueries}, {@code MeetingQueries}, {@code
 * GovernanceSettingsQueries} and {@code SavedViewQueries}.
 */
package com.bpo.portal.governance;
