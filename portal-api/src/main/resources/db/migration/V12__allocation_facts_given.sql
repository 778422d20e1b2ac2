-- A writer that inserts a payment and its allocations in one statement (the set-based generator)
-- cannot let the trigger look the payment up: rows of the same statement do not see each other.
-- Such a writer gives the facts itself; the trigger fills in only what it was not given.
create or replace function payment_allocation_facts() returns trigger
language plpgsql
as $$
begin
    if new.received_on is null then
        select received_on into new.received_on from payment where tenant_id = new.tenant_id and id = new.payment_id;
    end if;
    if new.invoice_issue_date is null or new.invoice_due_date is null or new.invoice_currency is null then
        select issue_date, due_date, currency into new.invoice_issue_date, new.invoice_due_date, new.invoice_currency
        from invoice where tenant_id = new.tenant_id and id = new.invoice_id;
    end if;
    return new;
end
$$;
