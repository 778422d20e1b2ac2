-- A payer identity is written when it is learned or changes (another customer paid from that
-- account, or under that name), not each time a match confirms it: a statement's every applied line
-- used to update two identities (and write their audit records) only to count the confirmation in
-- `hits`, which nothing reads. Each confirmation stays on record as the line's match (cash_match,
-- with its customer). `learned_at` is when the identity took its present value.
alter table payer_identity drop column hits;
