-- The cash KPIs read bank lines by when they were decided (docs/KPIS.md): the mean time to apply over
-- the lines decided in a month, and the lines booked by a month's end but decided after it, whose
-- cash was still unapplied then. Only decided lines have the time.
create index bank_statement_line_decided_idx on bank_statement_line (tenant_id, applied_at)
    where applied_at is not null;
