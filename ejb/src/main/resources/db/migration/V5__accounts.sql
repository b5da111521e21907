-- Known accounts and their owners: a lead from an account's e-mail domain or with its company name
-- goes to the owner first (managed through /api/organisation/accounts, importable from CSV).
create table account (
    id            varchar(60)  primary key,
    name          varchar(200) not null,
    -- the name as leads are matched by: lower case, no accents, punctuation or legal form
    name_key      varchar(200) not null,
    -- the e-mail domain, lower case; null when the account is known by name only
    domain        varchar(253),
    owner_rep_id  varchar(40)  not null references rep (id),
    constraint account_one_per_domain unique (domain)
);

create index account_by_name_key on account (name_key);
