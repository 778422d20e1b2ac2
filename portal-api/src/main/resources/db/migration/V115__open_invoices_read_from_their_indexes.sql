-- Cash application reads a block's open invoices by number key (a reference's numbers and their
-- neighbours one character away, some 15,000 keys per 250 lines) and by payer (each payer's 110
-- oldest open invoices in the line's currency). Both went through indexes of every invoice or
-- without the columns they return: each number one character away from a paid invoice fetched that
-- invoice's row to find it paid, and each payer's invoice was a row fetched from the heap. At 4.5
-- million invoices (150,000 open) a block spent some 100 ms on each question.
--
-- Both now read partial indexes of open invoices that hold what the questions return, so that they
-- are answered from the index alone (docs/PERFORMANCE.md, "Thirteenth round"):
-- * the payer's question: invoice_open_idx gains `id` as its last key (the question's order is due
--   date, then id) and the currency and number; what read it before (aging, collections worklist,
--   customer home) reads the same key and columns as before;
-- * the number question: a new partial index of open invoices by number key. invoice_number_key_idx
--   stays: whether a number names any invoice at all, paid or not, is asked of it.
-- A paid invoice leaves both (an update that closes an invoice does not enter a partial index);
-- only open ones cost their upkeep.
drop index invoice_open_idx;
create index invoice_open_idx on invoice (tenant_id, customer_account_id, due_date, id)
    include (open_amount, disputed_amount, currency, number)
    where open_amount > 0;
create index invoice_open_number_key_idx on invoice (tenant_id, number_key)
    include (id, number, customer_account_id, currency, open_amount, due_date)
    where open_amount > 0;
