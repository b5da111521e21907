-- Working hours: a rep works the hours of one of the rulebook's business calendars, read in the
-- rep's own time zone; the rep's calendar, else the team's; neither: the rep works at any hour.
alter table team add column working_hours varchar(60);
alter table rep add column working_hours varchar(60);

-- How a rep back from an absence (out of office, away, inactive, off shift) catches up with the
-- team in the fairness ledger: FULL (the next leads go to them until level), CAPPED (at most
-- catch_up_limit leads more than the rotation would give anyway), NONE (they rejoin level).
alter table team add column catch_up varchar(10) default 'FULL' not null;
alter table team add column catch_up_limit integer;
alter table team add constraint team_catch_up_policy check (catch_up in ('FULL', 'CAPPED', 'NONE'));

-- Leads a rep is counted as having received without receiving them: what the catch-up policy
-- forgave of the difference with the team when the rep came back. The rotation goes by
-- assigned + credited.
alter table routing_ledger add column credited integer default 0 not null;

-- At most this many open leads of a grade at once, beside the rep's overall cap.
create table rep_grade_cap (
    rep_id          varchar(40) not null references rep (id),
    grade           varchar(1)  not null,
    max_open_leads  integer     not null,
    constraint rep_grade_cap_key primary key (rep_id, grade),
    constraint rep_grade_cap_not_negative check (max_open_leads >= 0)
);
