-- The sales organisation leads are routed to, and the leads with the decision that routed them.

create table team (
    id                  varchar(40)  primary key,
    name                varchar(100) not null,
    time_zone           varchar(64)  not null,
    -- grows by one for every lead the team hands out; a rep's last_assignment is a value of it
    assignment_counter  bigint       not null default 0
);

create table rep (
    id               varchar(40)  primary key,
    team_id          varchar(40)  not null references team (id),
    name             varchar(100) not null,
    email            varchar(254) not null,
    time_zone        varchar(64)  not null,
    available        boolean      not null default true,
    last_assignment  bigint
);

create table department_head (
    side   varchar(20)  primary key,
    name   varchar(100) not null,
    email  varchar(254) not null,
    constraint department_head_side check (side in ('SALES', 'MARKETING'))
);

create table sales_lead (
    id                uuid         primary key,
    intake_source     varchar(50)  not null,
    external_id       varchar(100),
    received_at       timestamp(6) with time zone not null,
    decided_at        timestamp(6) with time zone not null,
    status            varchar(20)  not null,
    email             varchar(254) not null,
    first_name        varchar(100),
    last_name         varchar(100),
    company           varchar(200),
    title             varchar(150),
    employees         integer,
    country           varchar(2)   not null,
    phone             varchar(40),
    lead_source       varchar(50),
    requested_action  varchar(50),
    fit_score         integer      not null,
    engagement_score  integer      not null,
    grade             varchar(1)   not null,
    team_id           varchar(40)  references team (id),
    rep_id            varchar(40)  references rep (id),
    rulebook_version  varchar(40)  not null,
    constraint sales_lead_once_per_source unique (intake_source, external_id)
);

create index sales_lead_by_rep on sales_lead (rep_id);

create table lead_reason (
    lead_id    uuid         not null references sales_lead (id),
    position   integer      not null,
    concern    varchar(20)  not null,
    rule_name  varchar(400) not null,
    points     integer      not null,
    primary key (lead_id, position)
);

create table lead_candidate (
    lead_id   uuid         not null references sales_lead (id),
    position  integer      not null,
    rep_id    varchar(40)  not null references rep (id),
    chosen    boolean      not null,
    reason    varchar(400) not null,
    primary key (lead_id, position)
);

create table lead_event (
    lead_id      uuid          not null references sales_lead (id),
    position     integer       not null,
    occurred_at  timestamp(6) with time zone not null,
    type         varchar(30)   not null,
    detail       varchar(1000) not null,
    primary key (lead_id, position)
);
