-- Capacity and availability of each rep, managed through the API (GET/PUT /api/organisation/reps).

-- an inactive rep (left the team, on long leave) is never considered
alter table rep add column active boolean default true not null;
-- at most this many open leads (routed or accepted) at once; null: no cap
alter table rep add column max_open_leads integer;

-- out-of-office periods: the rep takes no leads from starts_at until ends_at
create table rep_absence (
    id         uuid         primary key,
    rep_id     varchar(40)  not null references rep (id),
    starts_at  timestamp(6) with time zone not null,
    ends_at    timestamp(6) with time zone not null,
    note       varchar(200),
    constraint rep_absence_ends_after_it_starts check (ends_at > starts_at)
);

create index rep_absence_by_rep on rep_absence (rep_id, ends_at);
create index sales_lead_open_by_rep on sales_lead (rep_id, status);
