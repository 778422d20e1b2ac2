-- The language each person chose in the user menu, used at every sign-in (the browser's own
-- language only until a choice is made). Not tenant-owned: a person keeps one language across the
-- tenants they act in, so the table has no tenant_id (and no row-level security); it holds a user
-- name and a language tag, never business data.
create table user_language (
  user_name  text        primary key,
  language   text        not null check (language ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  chosen_at  timestamptz not null default now()
);

grant select, insert, update on user_language to ${appRole};
