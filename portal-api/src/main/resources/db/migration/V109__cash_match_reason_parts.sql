-- A candidate's reason in clauses (cash.Reason: [[key, arg, ...], ...], keys of the bundle
-- com.bpo.portal.cash.reasons), so that the exception queue says it in its user's language; `reason`
-- keeps the English the API answers and the audit trail shows. Rows written before have only `reason`,
-- and a screen shows that text as it is.
alter table cash_match add column reason_parts jsonb;
