-- The receivables journal's posting of changed invoices (V80) worked out the posting day for every
-- row the statement changed: ar_today and ar_first_open_day, each a query, two or three calls a row.
-- A bank statement's block pays some 280 invoices in one statement, and that was about 200 µs an
-- invoice, as much as the audit record (docs/PERFORMANCE.md, "Fifteenth round"). The day depends
-- only on the tenant (and the transaction's now()), so it is now worked out once per tenant of the
-- statement, as ar_post_new_invoices already does for new invoices. The postings are the same.

create or replace function ar_post_changed_invoices() returns trigger
language plpgsql
as $$
begin
    with posting_day as (
        select t.tenant_id,
               greatest(ar_today(t.tenant_id), coalesce(ar_first_open_day(t.tenant_id), ar_today(t.tenant_id))) as day
        from (select distinct tenant_id from new_rows) t)
    insert into ar_posting (tenant_id, invoice_id, customer_account_id, currency, due_date, kind, amount, posted_on)
    select n.tenant_id, n.id, n.customer_account_id, n.currency, n.due_date, v.kind, v.amount, d.day
    from new_rows n
    join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
    join posting_day d on d.tenant_id = n.tenant_id
    cross join lateral (values ('ADJUSTMENT', n.total_amount - o.total_amount),
                               ('PAYMENT', o.paid_amount - n.paid_amount),
                               ('CREDIT', o.credited_amount - n.credited_amount),
                               ('WRITE_OFF', o.written_off_amount - n.written_off_amount)) v(kind, amount)
    where v.amount <> 0;
    return null;
end
$$;
