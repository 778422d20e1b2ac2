-- A payer identity is written when it is learned or changes (another customer paid from that
-- account, or under that name), not each time a match confirms it: a statement's every applied line
-- used to update two identities (and write their audit records) only to count the confirmation in
-- `hits`, which nothing reads. Each confirmation stays on record as the line's match (cash_match,
-- with its customer). `learned_at` is when the identity took its present value.
--
-- `hits` is no longer kept up, but it is not dropped here: during a rolling deployment the previous
-- release, which still writes it, runs beside this one. A later migration drops it.
comment on column payer_identity.hits is
    'Not kept up since V111 (a match that confirms an identity writes nothing); to be dropped.';
