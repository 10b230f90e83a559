-- ProConnect sign-in (security module, docs/security.md S28): the OpenID Connect subject ("sub") of
-- a person, linked at their first ProConnect sign-in to the Camunda user an administrator created
-- with the same e-mail address. Later sign-ins follow the link, even if the address changes.
create table proconnect_account (
    subject varchar(255) primary key,
    user_id varchar(64) not null,
    linked_at timestamp not null
);
create index ix_proconnect_account_user on proconnect_account (user_id);
