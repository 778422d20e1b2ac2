-- The receivables of a past date are today's open amounts plus what was paid after that date
-- (docs/KPIS.md). To sum "paid after d" without joining a million invoices, each allocation carries
-- the facts it needs, copied once when it is written: when the payment came in, and the invoice's
-- issue date, due date and currency (none of which changes after an invoice is issued).
alter table payment_allocation add column received_on date;
alter table payment_allocation add column invoice_issue_date date;
alter table payment_allocation add column invoice_due_date date;
alter table payment_allocation add column invoice_currency char(3);

create function payment_allocation_facts() returns trigger
language plpgsql
as $$
begin
    select received_on into new.received_on from payment where tenant_id = new.tenant_id and id = new.payment_id;
    select issue_date, due_date, currency into new.invoice_issue_date, new.invoice_due_date, new.invoice_currency
    from invoice where tenant_id = new.tenant_id and id = new.invoice_id;
    return new;
end
$$;
create trigger payment_allocation_facts before insert or update of payment_id, invoice_id on payment_allocation
    for each row execute function payment_allocation_facts();

-- existing rows, tenant by tenant (the owner obeys row-level security too)
do $$
declare t record;
begin
    for t in select id from tenant loop
        perform set_config('app.tenant_id', t.id, true);
        update payment_allocation a set received_on = p.received_on, invoice_issue_date = i.issue_date,
               invoice_due_date = i.due_date, invoice_currency = i.currency
        from payment p, invoice i
        where a.tenant_id = t.id and p.tenant_id = a.tenant_id and p.id = a.payment_id
          and i.tenant_id = a.tenant_id and i.id = a.invoice_id;
    end loop;
    perform set_config('app.tenant_id', '', true);
end
$$;

alter table payment_allocation alter column received_on set not null;
alter table payment_allocation alter column invoice_issue_date set not null;
alter table payment_allocation alter column invoice_due_date set not null;
alter table payment_allocation alter column invoice_currency set not null;
create index payment_allocation_received_idx on payment_allocation (tenant_id, received_on)
    include (invoice_id, amount, invoice_issue_date, invoice_due_date, invoice_currency);
