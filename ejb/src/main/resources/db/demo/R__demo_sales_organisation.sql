-- The demo sales organisation: two teams in different time zones, six reps and both department
-- heads. Loaded only in demo mode (accord.demo.enabled=true); written to be re-runnable.

insert into team (id, name, time_zone)
select 'emea', 'EMEA', 'Europe/Berlin' where not exists (select 1 from team where id = 'emea');
insert into team (id, name, time_zone)
select 'americas', 'Americas', 'America/Chicago' where not exists (select 1 from team where id = 'americas');

insert into rep (id, team_id, name, email, time_zone)
select 'ana.costa', 'emea', 'Ana Costa', 'ana.costa@accord.example', 'Europe/Lisbon'
where not exists (select 1 from rep where id = 'ana.costa');
insert into rep (id, team_id, name, email, time_zone)
select 'jonas.weber', 'emea', 'Jonas Weber', 'jonas.weber@accord.example', 'Europe/Berlin'
where not exists (select 1 from rep where id = 'jonas.weber');
insert into rep (id, team_id, name, email, time_zone)
select 'priya.nair', 'emea', 'Priya Nair', 'priya.nair@accord.example', 'Europe/London'
where not exists (select 1 from rep where id = 'priya.nair');
insert into rep (id, team_id, name, email, time_zone)
select 'maria.gonzalez', 'americas', 'Maria Gonzalez', 'maria.gonzalez@accord.example', 'America/Chicago'
where not exists (select 1 from rep where id = 'maria.gonzalez');
insert into rep (id, team_id, name, email, time_zone)
select 'tom.becker', 'americas', 'Tom Becker', 'tom.becker@accord.example', 'America/New_York'
where not exists (select 1 from rep where id = 'tom.becker');
insert into rep (id, team_id, name, email, time_zone)
select 'lucas.silva', 'americas', 'Lucas Silva', 'lucas.silva@accord.example', 'America/Sao_Paulo'
where not exists (select 1 from rep where id = 'lucas.silva');

insert into department_head (side, name, email)
select 'SALES', 'Sam Carter', 'head.of.sales@accord.example'
where not exists (select 1 from department_head where side = 'SALES');
insert into department_head (side, name, email)
select 'MARKETING', 'Morgan Lee', 'head.of.marketing@accord.example'
where not exists (select 1 from department_head where side = 'MARKETING');

-- Each team's manager receives a clock's second warning.
update team set manager_name = 'Elena Fischer', manager_email = 'elena.fischer@accord.example'
where id = 'emea' and manager_email is null;
update team set manager_name = 'Daniel Brooks', manager_email = 'daniel.brooks@accord.example'
where id = 'americas' and manager_email is null;
