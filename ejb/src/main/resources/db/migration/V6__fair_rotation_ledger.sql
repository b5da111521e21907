-- The fairness ledger: how many leads of each grade each rep of a team received in a period (a
-- calendar month, UTC). A new period starts from zero; past periods stay as the ledger's history.
create table routing_ledger (
    team_id   varchar(40) not null references team (id),
    period    varchar(7)  not null,
    grade     varchar(1)  not null,
    rep_id    varchar(40) not null references rep (id),
    assigned  integer     not null default 0,
    constraint routing_ledger_key primary key (team_id, period, grade, rep_id)
);

-- a rep of weight 2 receives twice the leads of a rep of weight 1
alter table rep add column weight integer default 1 not null;

-- team.assignment_counter, which the old rotation ordered by, is no longer written; it stays so
-- that a node still on the previous release keeps routing during a rolling upgrade.
