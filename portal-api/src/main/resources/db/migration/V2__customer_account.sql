-- Customer accounts: the client's debtors, whom the BPO invoices and collects from.
-- tenant_id leads every key so that the table can be distributed by tenant (Citus).
create sequence customer_account_id_seq increment by 50;
grant usage, select on sequence customer_account_id_seq to ${appRole};

create table customer_account (
    tenant_id           text not null references tenant (id),
    id                  bigint not null default nextval('customer_account_id_seq'),
    number              text not null check (length(btrim(number)) > 0),
    name                text not null check (length(btrim(name)) > 0),
    country             char(2) not null check (country ~ '^[A-Z]{2}$'),
    currency            char(3) not null check (currency ~ '^[A-Z]{3}$'),
    payment_terms_days  integer not null default 30 check (payment_terms_days between 0 and 365),
    credit_limit        numeric(19, 2) not null default 0 check (credit_limit >= 0),
    collector           text,
    created_at          timestamptz not null default now(),
    version             bigint not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, number)
);
create index customer_account_name_idx on customer_account (tenant_id, lower(name), id);
call isolate_by_tenant('customer_account');

-- A customer's sign-in (a Keycloak user with role 'customer') bound to exactly one account.
-- The portal, not the token, holds this binding: the BPO manages who may see which account.
create table customer_portal_user (
    tenant_id            text not null references tenant (id),
    username             text not null,
    customer_account_id  bigint not null,
    created_at           timestamptz not null default now(),
    primary key (tenant_id, username),
    foreign key (tenant_id, customer_account_id) references customer_account (tenant_id, id)
);
call isolate_by_tenant('customer_portal_user');
