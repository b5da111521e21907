-- Every inbound channel: what a lead carries beyond the contact (industry, message, custom
-- attributes), how it arrived, one lead per person, and what a channel could not accept.

alter table sales_lead add column industry varchar(100);
alter table sales_lead add column message varchar(5000);
-- custom attributes as a JSON object of text values: at most 20 names of 40 and values of 500
-- characters, room left for JSON escapes
alter table sales_lead add column attributes varchar(40000);
alter table sales_lead add column channel varchar(20) default 'api' not null;
-- a form id, a mail's Message-ID, "feed.csv row 7"
alter table sales_lead add column channel_reference varchar(1000);
-- how often the person came in; later submissions of the same e-mail are merged into the lead
alter table sales_lead add column engagements integer default 1 not null;
alter table sales_lead add column last_engaged_at timestamp(6) with time zone;
update sales_lead set last_engaged_at = received_at;
alter table sales_lead alter column last_engaged_at set not null;

create index sales_lead_by_email on sales_lead (email);
create index sales_lead_by_source on sales_lead (intake_source, received_at);
create index sales_lead_by_received on sales_lead (received_at);

-- One row per person (normalised e-mail): the lead their next submission merges into. Its primary
-- key is what stops two consumers from making two leads of one person at the same moment.
create table lead_person (
    email            varchar(254) primary key,
    lead_id          uuid         not null references sales_lead (id),
    last_engaged_at  timestamp(6) with time zone not null
);

insert into lead_person (email, lead_id, last_engaged_at)
select l.email, l.id, l.received_at from sales_lead l
where not exists (
    select 1 from sales_lead o
    where o.email = l.email
      and (o.received_at > l.received_at or (o.received_at = l.received_at and o.id > l.id)));

-- A submission merged into another lead of the same person, by the id the sender was given.
create table lead_alias (
    submission_id  uuid primary key,
    lead_id        uuid not null references sales_lead (id),
    -- the source that sent the merged submission still reads what became of it
    intake_source  varchar(50) not null,
    received_at    timestamp(6) with time zone not null
);

-- What a channel could not turn into a lead (an unreadable mail, a bad row of a partner file, a
-- partner message) and leads that failed every delivery attempt: kept with the reason until an
-- operator replays them.
create table intake_quarantine (
    id               uuid          primary key,
    kind             varchar(20)   not null,
    channel          varchar(20)   not null,
    intake_source    varchar(50)   not null,
    reference        varchar(1000) not null,
    idempotency_key  varchar(1000),
    lead_id          uuid,
    reason           varchar(2000) not null,
    content          varchar(100000),
    held_at          timestamp(6) with time zone not null,
    state            varchar(20)   not null,
    replayed_at      timestamp(6) with time zone,
    replayed_lead_id uuid
);

create index intake_quarantine_by_state on intake_quarantine (state, held_at);
create index intake_quarantine_by_lead on intake_quarantine (lead_id);

-- Partner files already taken, by content: the same file uploaded again under another name is
-- recognised and not read twice.
create table intake_processed_file (
    partner_id      varchar(40)  not null,
    content_sha256  varchar(64)  not null,
    file_name       varchar(500) not null,
    taken_at        timestamp(6) with time zone not null,
    primary key (partner_id, content_sha256)
);

-- The last reason a lead's delivery failed, written outside the failing transaction, so that a
-- lead that ends in the dead-letter queue says why.
create table intake_delivery_failure (
    lead_id         uuid          primary key,
    attempts        integer       not null,
    last_error      varchar(2000) not null,
    last_failed_at  timestamp(6) with time zone not null
);

-- Signatures of signed webhook requests seen within the timestamp tolerance: a replay of one is
-- refused even after a restart.
create table webhook_signature (
    signature      varchar(64)  primary key,
    intake_source  varchar(50)  not null,
    signed_at      timestamp(6) with time zone not null
);
create index webhook_signature_by_time on webhook_signature (signed_at);
