-- The joint SLA: the activities reps record, the clocks the agreement's terms start for each lead,
-- marketing's commitments per team and month, and the escalations their warnings and breaches
-- send, recorded before they are sent.

alter table team add column manager_name varchar(100);
alter table team add column manager_email varchar(254);

create table lead_activity (
    lead_id      uuid          not null references sales_lead (id),
    position     integer       not null,
    type         varchar(30)   not null,
    -- the rep id for sales activities, who supplied the data for complete-data
    done_by      varchar(100)  not null,
    occurred_at  timestamp(6) with time zone not null,
    recorded_at  timestamp(6) with time zone not null,
    reason_code  varchar(60),
    note         varchar(1000),
    primary key (lead_id, position)
);

create table sla_clock (
    id                  uuid          primary key,
    lead_id             uuid          not null references sales_lead (id),
    name                varchar(100)  not null,
    term_rule           varchar(400)  not null,
    owner_side          varchar(20)   not null,
    team_id             varchar(40),
    rep_id              varchar(40),
    calendar            varchar(60)   not null,
    target_ms           bigint        not null,
    -- "50:REP;75:REP,MANAGER;100:HEADS": the stages in order, each with whom it notifies
    stages              varchar(400)  not null,
    stopped_by          varchar(200)  not null,
    stop_after          integer       not null,
    counted             varchar(200)  not null,
    counted_so_far      integer       not null default 0,
    reroute_on_breach   boolean       not null,
    started_at          timestamp(6) with time zone not null,
    -- business time consumed before running_since; running_since is null while paused or stopped
    consumed_ms         bigint        not null default 0,
    running_since       timestamp(6) with time zone,
    due_at              timestamp(6) with time zone,
    state               varchar(20)   not null,
    stages_fired        integer       not null default 0,
    -- when the next stage falls due; null when nothing is left to fire (paused, stopped, breached)
    next_fire_at        timestamp(6) with time zone,
    stopped_at          timestamp(6) with time zone,
    breached_at         timestamp(6) with time zone,
    breach_cause        varchar(40),
    intake_ms           bigint,
    waiting_for_owner_ms bigint,
    with_owner_ms       bigint,
    disputed_by         varchar(20),
    disputed_at         timestamp(6) with time zone,
    dispute_note        varchar(1000),
    constraint sla_clock_once_per_lead unique (lead_id, name)
);

create index sla_clock_due on sla_clock (next_fire_at);
create index sla_clock_by_start on sla_clock (started_at);

create table sla_clock_event (
    clock_id     uuid          not null references sla_clock (id),
    position     integer       not null,
    occurred_at  timestamp(6) with time zone not null,
    type         varchar(30)   not null,
    -- for stages: when the stage fell due, and how late it fired
    due_at       timestamp(6) with time zone,
    late_ms      bigint,
    detail       varchar(1000) not null,
    primary key (clock_id, position)
);

create table sla_paused_segment (
    clock_id     uuid          not null references sla_clock (id),
    position     integer       not null,
    paused_at    timestamp(6) with time zone not null,
    resumed_at   timestamp(6) with time zone,
    primary key (clock_id, position)
);

-- What marketing promises a team per month (agreement.yaml), judged when the month ends.
create table sla_period_commitment (
    id             uuid          primary key,
    team_id        varchar(40)   not null,
    kind           varchar(30)   not null,
    period_start   timestamp(6) with time zone not null,
    period_end     timestamp(6) with time zone not null,
    promised       integer       not null,
    -- when the period is judged; null once it was
    evaluate_at    timestamp(6) with time zone,
    state          varchar(20)   not null,
    delivered      integer,
    detail         varchar(1000),
    evaluated_at   timestamp(6) with time zone,
    late_ms        bigint,
    constraint sla_period_commitment_once unique (team_id, kind, period_start)
);

create index sla_period_commitment_due on sla_period_commitment (evaluate_at);

create table escalation (
    id               uuid          primary key,
    -- a lead's clock, or a team's period commitment
    clock_id         uuid          references sla_clock (id),
    lead_id          uuid          references sales_lead (id),
    commitment_id    uuid          references sla_period_commitment (id),
    stage            varchar(30)   not null,
    recipient_role   varchar(30)   not null,
    recipient_name   varchar(100),
    channel          varchar(20)   not null,
    address          varchar(500)  not null,
    subject          varchar(400)  not null,
    text_body        varchar(8000) not null,
    html_body        varchar(16000),
    json_body        varchar(8000),
    status           varchar(20)   not null,
    attempts         integer       not null default 0,
    -- when the next attempt is due; null once sent
    next_attempt_at  timestamp(6) with time zone,
    last_error       varchar(1000),
    created_at       timestamp(6) with time zone not null,
    sent_at          timestamp(6) with time zone,
    constraint escalation_once_per_recipient_and_channel unique (clock_id, stage, channel, address),
    constraint escalation_once_per_commitment unique (commitment_id, stage, channel, address)
);

create index escalation_due on escalation (next_attempt_at);
create index escalation_by_lead on escalation (lead_id);
