-- The people to talk to at a customer (accounts payable, the buyer who signs off disputes...).
create sequence customer_contact_id_seq increment by 50;
grant usage, select on sequence customer_contact_id_seq to ${appRole};
create table customer_contact (
    tenant_id            text not null references tenant (id),
    id                   bigint not null default nextval('customer_contact_id_seq'),
    customer_account_id  bigint not null,
    name                 text not null check (length(btrim(name)) between 1 and 200),
    role                 text,
    email                text check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    phone                text,
    is_primary           boolean not null default false,
    created_by           text not null,
    created_at           timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id) on delete cascade
);
create index customer_contact_account_idx on customer_contact (tenant_id, customer_account_id, id);
-- one primary contact per account
create unique index customer_contact_primary_idx on customer_contact (tenant_id, customer_account_id) where is_primary;
call isolate_by_tenant('customer_contact');
