-- A payer name learned from the payments of more than one customer ("Tailspin Holding" paying for
-- several companies of a group) identifies none of them: matching stops using it (MatchQueries.payer),
-- while an account keeps pointing at its latest holder. Set by MatchQueries.learn; never cleared.
alter table payer_identity add column shared boolean not null default false;

comment on column payer_identity.shared is
    'NAME only: learned for more than one customer, so it no longer identifies a payer';
