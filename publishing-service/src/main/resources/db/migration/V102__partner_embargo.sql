-- Embargoes. A trusted partner (set by staff) receives an embargoed event at once; everyone else,
-- the pull log and its feed only once the embargo has passed. An event therefore gets its place
-- in the public log (public_seq) when it becomes public, not when it is logged: a reader who paged
-- past the end before the embargo ended still finds it next. Both places are handed out under the
-- log's writer lock, so they follow commit order.
alter table partner add column trusted boolean not null default false;

alter table partner_event add column embargo_until timestamptz;
alter table partner_event add column public_seq bigint unique;

create sequence partner_event_public_seq;
-- Positions already handed out stay valid as cursors.
update partner_event set public_seq = seq;
select setval('partner_event_public_seq', coalesce((select max(seq) from partner_event), 0) + 1, false);

drop index partner_event_type;
create index partner_event_public_type on partner_event (type, public_seq);
create index partner_event_embargoed on partner_event (embargo_until) where public_seq is null;
